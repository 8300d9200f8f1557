package com.stockcast.jobs;

import org.junit.jupiter.api.Test;

import com.stockcast.intake.Histories;
import com.stockcast.intake.SalesHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HistoryCodecTest {

	@Test
	void roundTripsEveryRangeOfSkus() {
		SalesHistory history = Histories.build(Histories.random(7, 40, 60));
		int[][] ranges = { { 0, 40 }, { 0, 1 }, { 13, 29 }, { 39, 40 }, { 5, 5 } };
		for (int[] range : ranges) {
			SalesHistory decoded = HistoryCodec.decode(HistoryCodec.encode(history, range[0], range[1]));
			assertThat(decoded.size()).isEqualTo(range[1] - range[0]);
			assertThat(decoded.rows()).isEqualTo(history.rows(range[0], range[1]));
			for (int i = 0; i < decoded.size(); i++) {
				int sku = range[0] + i;
				assertThat(decoded.id(i)).isEqualTo(history.id(sku));
				assertThat(decoded.indexOf(history.id(sku))).isEqualTo(i);
				assertThat(decoded.days(i)).isEqualTo(history.days(sku));
				for (int j = 0; j < decoded.days(i); j++) {
					assertThat(decoded.day(i, j)).isEqualTo(history.day(sku, j));
					assertThat(Double.doubleToRawLongBits(decoded.units(i, j)))
						.isEqualTo(Double.doubleToRawLongBits(history.units(sku, j)));
				}
			}
		}
	}

	@Test
	void keepsIdsBeyondAsciiAndDaysBefore1970() {
		SalesHistory.Builder builder = SalesHistory.builder();
		builder.add(builder.sku("Müsli 🥣, 500 g"), -719_162, 0.1); // 0001-01-01
		builder.add(builder.sku("Müsli 🥣, 500 g"), 2_932_896, 1e300); // 9999-12-31
		SalesHistory history = builder.build((sku, day, first, repeat) -> {
		});
		SalesHistory decoded = HistoryCodec.decode(HistoryCodec.encode(history, 0, 1));
		assertThat(decoded.id(0)).isEqualTo("Müsli 🥣, 500 g");
		assertThat(decoded.day(0, 0)).isEqualTo(-719_162);
		assertThat(decoded.day(0, 1)).isEqualTo(2_932_896);
		assertThat(decoded.units(0, 1)).isEqualTo(1e300);
	}

	@Test
	void refusesAnUnknownVersion() {
		byte[] stored = HistoryCodec.encode(Histories.build(Histories.random(1, 2, 3)), 0, 2);
		stored[0] = 9;
		assertThatIllegalStateException().isThrownBy(() -> HistoryCodec.decode(stored));
	}

}
