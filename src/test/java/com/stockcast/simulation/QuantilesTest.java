package com.stockcast.simulation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuantilesTest {

	@ParameterizedTest
	@CsvSource({ "0.5, q50", "0.05, q05", "0.025, q025", "0.975, q975", "0.1, q10", "0.01, q01", "0.9999, q9999",
			"0.0001, q0001", "0.25, q25", "0.50, q50", "0.0250, q025" })
	void namesAColumnQAndTheDigitsAfterThePointWithoutTrailingZerosButAtLeastTwo(String level, String name) {
		assertThat(Quantiles.parse(level).name(0)).isEqualTo(name);
	}

	@Test
	void theDefaultIsP10P50P90WithTheEndingAtTheMedianOnly() {
		Quantiles percentiles = Quantiles.PERCENTILES;
		assertThat(List.of(percentiles.name(0), percentiles.name(1), percentiles.name(2)))
			.containsExactly("p10", "p50", "p90");
		assertThat(List.of(percentiles.reportsEnding(0), percentiles.reportsEnding(1), percentiles.reportsEnding(2)))
			.containsExactly(false, true, false);
		assertThat(percentiles.chosen()).isFalse();
	}

	@Test
	void distinctLevelsHaveDistinctNames() {
		java.util.Set<String> names = new java.util.HashSet<>();
		for (int level = 1; level < 10_000; level++) {
			names.add(new Quantiles(List.of(level), true).name(0));
		}
		assertThat(names).hasSize(9_999).allMatch(name -> name.matches("q[0-9]{2,4}"));
	}

	@Test
	void readsAnyOrderAndReportsAscendingWithTheEndingAtEach() {
		Quantiles quantiles = Quantiles.parse(" 0.95, 0.05 ,0.5");
		assertThat(quantiles.levels()).containsExactly(500, 5000, 9500);
		assertThat(quantiles.chosen()).isTrue();
		assertThat(quantiles.text()).isEqualTo("0.05,0.5,0.95");
		assertThat(Quantiles.parse(quantiles.text())).isEqualTo(quantiles);
		assertThat(quantiles.reportsEnding(0)).isTrue();
		assertThat(quantiles.reportsEnding(2)).isTrue();
		assertThat(Quantiles.parse("0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9").count()).isEqualTo(Quantiles.MAX);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "0.5,", ",0.5", "0.1,,0.5", "abc", "0.5;0.9", "NaN", "0", "1", "1.0", "-0.1", "0.0",
			"1.5", "0.00001", "0.12345", "0.5,0.50", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95" })
	void refusesEmptyNonNumbersOutsideZeroToOneDuplicatesTooManyAndTooManyDecimals(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.parse(text)).withMessageNotContaining("levels");
	}

	@Test
	void nearestRankIsTheCeilingOfQTimesTInIntegers() {
		// In integers: ceil(0.1 * 10) is the 1st value and ceil(0.07 * 100) the 7th, where in doubles
		// 0.07 * 100 is 7.000000000000001 and its ceiling 8.
		assertThat(Quantiles.nearestRank(1000, 10)).isZero();
		assertThat(Quantiles.nearestRank(700, 100)).isEqualTo(6);
		assertThat(Quantiles.nearestRank(250, 1000)).isEqualTo(24);
		assertThat(Quantiles.nearestRank(251, 1000)).isEqualTo(25);
		assertThat(Quantiles.nearestRank(9999, 1000)).isEqualTo(999);
		assertThat(Quantiles.nearestRank(1, 1000)).isZero();
		assertThat(Quantiles.nearestRank(3333, 3)).isZero();
		assertThat(Quantiles.nearestRank(3334, 3)).isEqualTo(1);
		assertThat(Quantiles.nearestRank(5000, 1_000_000)).isEqualTo(499_999);
	}

}
