package com.stockcast.history;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockcast.intake.Histories.Sale;
import com.stockcast.intake.Histories;
import com.stockcast.intake.SalesHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SalesStatisticsTest {

	private static final int DAY = 19_783; // 2024-03-01

	@Test
	void workedExampleOneToFive() {
		SkuStatistics s = only(sales("A", DAY, 1, 2, 3, 4, 5), 28);
		assertThat(s.count()).isEqualTo(5);
		assertThat(s.mean()).isEqualTo(3.0);
		assertThat(s.std()).isCloseTo(1.5811388300841898, within(1e-15));
		assertThat(new double[] { s.min(), s.q1(), s.median(), s.q3(), s.max() })
			.containsExactly(1, 2, 3, 4, 5);
		assertThat(s.trend()).isCloseTo(1.0, within(1e-12));
		assertThat(s.firstDay()).isEqualTo(DAY);
		assertThat(s.lastDay()).isEqualTo(DAY + 4);
	}

	@Test
	void quartilesInterpolateBetweenClosestRanks() {
		// R: quantile(c(1, 2, 3, 4), type = 7) gives 1.75, 2.5, 3.25; numpy.percentile the same.
		SkuStatistics s = only(sales("A", DAY, 4, 1, 3, 2), 28);
		assertThat(new double[] { s.min(), s.q1(), s.median(), s.q3(), s.max() })
			.containsExactly(1, 1.75, 2.5, 3.25, 4);
	}

	@Test
	void aSingleDayHasNoSpreadAndNoTrend() {
		SkuStatistics s = only(sales("A", DAY, 7), 28);
		assertThat(s.count()).isEqualTo(1);
		assertThat(s.mean()).isEqualTo(7);
		assertThat(s.std()).isNaN();
		assertThat(s.trend()).isNaN();
		assertThat(new double[] { s.min(), s.q1(), s.median(), s.q3(), s.max() }).containsOnly(7);
	}

	@Test
	void trendCoversOnlyTheLastTrendDaysOfCalendar() {
		// Falling for 10 days, then rising by 2 a day for the last 3: a 3-day window sees only the rise.
		SkuStatistics s = only(sales("A", DAY, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 4, 6), 3);
		assertThat(s.trend()).isCloseTo(2.0, within(1e-12));
		// The window counts calendar days, not rows: with a gap, only one day falls in the last 2.
		SalesHistory gap = Histories.build(List.of(new Sale("A", DAY, 5), new Sale("A", DAY + 5, 9)));
		assertThat(SalesStatistics.of(gap, 0, 2).trend()).isNaN();
		assertThat(SalesStatistics.of(gap, 0, 6).trend()).isCloseTo(0.8, within(1e-12));
	}

	@Test
	void daysNotGivenAreNotZeros() {
		SalesHistory history = Histories.build(List.of(new Sale("A", DAY, 10), new Sale("A", DAY + 10, 10)));
		SkuStatistics s = SalesStatistics.of(history, 0, 28);
		assertThat(s.count()).isEqualTo(2);
		assertThat(s.mean()).isEqualTo(10);
		assertThat(s.std()).isEqualTo(0);
		assertThat(s.trend()).isEqualTo(0);
	}

	@Test
	void spreadIsExactWhereTheMeanDwarfsIt() {
		// Naive sum-of-squares loses every digit here; the two-pass formula keeps them.
		SkuStatistics s = only(sales("A", DAY, 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16), 28);
		assertThat(s.std()).isCloseTo(Math.sqrt(30), within(1e-9));
		assertThat(s.mean()).isEqualTo(1e9 + 10);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 7, 28, 400 })
	void agreesWithBruteForceOnRandomHistories(int trendDays) {
		List<Sale> sales = Histories.random(trendDays, 300, 120);
		SalesHistory history = Histories.build(sales);
		Map<String, List<Sale>> bySku = Histories.bySku(sales);
		assertThat(history.size()).isEqualTo(bySku.size());
		SalesStatistics statistics = new SalesStatistics();
		int sku = 0;
		for (Map.Entry<String, List<Sale>> entry : bySku.entrySet()) {
			assertThat(history.id(sku)).isEqualTo(entry.getKey());
			SkuStatistics s = statistics.compute(history, sku++, trendDays);
			double[] expected = BruteForce.statistics(entry.getValue(), trendDays);
			double[] actual = { s.mean(), s.std(), s.min(), s.q1(), s.median(), s.q3(), s.max(), s.trend() };
			for (int k = 0; k < expected.length; k++) {
				if (Double.isNaN(expected[k])) {
					assertThat(actual[k]).as("%s value %d", entry.getKey(), k).isNaN();
				}
				else {
					assertThat(actual[k]).as("%s value %d", entry.getKey(), k)
						.isCloseTo(expected[k], within(1e-9 * Math.max(1, Math.abs(expected[k]))));
				}
			}
			assertThat(s.count()).isEqualTo(entry.getValue().size());
			assertThat(s.firstDay()).isEqualTo(entry.getValue().get(0).day());
			assertThat(s.lastDay()).isEqualTo(entry.getValue().get(entry.getValue().size() - 1).day());
		}
	}

	@Test
	void refusesATrendWindowOutOfRange() {
		SalesHistory history = Histories.build(sales("A", DAY, 1, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> SalesStatistics.of(history, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> SalesStatistics.of(history, 0, 3661));
	}

	/** Consecutive days from {@code first}, one per value. */
	static List<Sale> sales(String id, int first, double... units) {
		List<Sale> sales = new java.util.ArrayList<>();
		for (int j = 0; j < units.length; j++) {
			sales.add(new Sale(id, first + j, units[j]));
		}
		return sales;
	}

	private static SkuStatistics only(List<Sale> sales, int trendDays) {
		SalesHistory history = Histories.build(sales);
		assertThat(history.size()).isEqualTo(1);
		return SalesStatistics.of(history, 0, trendDays);
	}

}
