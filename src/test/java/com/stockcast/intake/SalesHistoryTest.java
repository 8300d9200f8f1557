package com.stockcast.intake;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SalesHistoryTest {

	@Test
	void keepsSkusInOrderOfFirstAppearanceAndSortsTheirDays() {
		SalesHistory.Builder builder = SalesHistory.builder();
		builder.add(builder.sku("B"), 12, 1);
		builder.add(builder.sku("A"), 5, 2);
		builder.add(builder.sku("B"), 10, 3);
		builder.add(builder.sku("B"), 11, 4);
		builder.add(builder.sku("A"), 4, 5);
		SalesHistory history = builder.build((sku, day, first, repeat) -> {
			throw new AssertionError();
		});
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.rows()).isEqualTo(5);
		assertThat(history.id(0)).isEqualTo("B");
		assertThat(history.indexOf("A")).isEqualTo(1);
		assertThat(history.indexOf("C")).isEqualTo(-1);
		assertThat(history.days(0)).isEqualTo(3);
		assertThat(List.of(history.day(0, 0), history.day(0, 1), history.day(0, 2))).containsExactly(10, 11, 12);
		assertThat(List.of(history.units(0, 0), history.units(0, 1), history.units(0, 2))).containsExactly(3.0, 4.0,
				1.0);
		assertThat(List.of(history.day(1, 0), history.day(1, 1))).containsExactly(4, 5);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> history.day(1, 2));
	}

	@Test
	void reportsEveryRepeatedDayWithTheRowsOfBothOccurrences() {
		SalesHistory.Builder builder = SalesHistory.builder();
		builder.add(builder.sku("A"), 7, 1); // row 0
		builder.add(builder.sku("B"), 7, 1); // row 1: another product, same day: fine
		builder.add(builder.sku("A"), 8, 1); // row 2
		builder.add(builder.sku("A"), 7, 2); // row 3 repeats row 0
		builder.add(builder.sku("A"), 7, 3); // row 4 repeats row 0 again
		List<long[]> found = new ArrayList<>();
		builder.build((sku, day, first, repeat) -> found.add(new long[] { sku, day, first, repeat }));
		assertThat(found).containsExactly(new long[] { 0, 7, 0, 3 }, new long[] { 0, 7, 0, 4 });
	}

}
