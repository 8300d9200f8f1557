package com.stockcast.simulation;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MonteCarloTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void nearestRankIsTheCeilingOfQTimesT() {
		// ceil(0.1 * 1000) = 100th value, index 99; ceil(0.5 * 7) = 4th, index 3; ceil(0.9 * 1) = 1st.
		assertThat(Quantiles.nearestRank(1000, 1000)).isEqualTo(99);
		assertThat(Quantiles.nearestRank(5000, 1000)).isEqualTo(499);
		assertThat(Quantiles.nearestRank(9000, 1000)).isEqualTo(899);
		assertThat(Quantiles.nearestRank(5000, 7)).isEqualTo(3);
		assertThat(Quantiles.nearestRank(1000, 11)).isEqualTo(1);
		assertThat(Quantiles.nearestRank(9000, 1)).isZero();
		assertThat(Quantiles.nearestRank(1000, 1)).isZero();
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void deterministicDemandGivesPolicyTrajectoryToTheBit(SalesPolicy policy) {
		// Constant demand, normal demand with deviation 0 and Poisson demand at rate 0 repeat the one
		// deterministic path in every trial, so every percentile and mean must be that path's figure.
		SplittableRandom random = new SplittableRandom(11 + policy.ordinal());
		Products products = RandomProducts.of(random, 400, true);
		PolicyTrajectory expected = new PolicyTrajectory();
		MonteCarlo mc = new MonteCarlo();
		for (int i = 0; i < products.size(); i++) {
			expected.simulate(products, i, policy, true, true);
			Demand demand = (products.salesStd(i) == 0) ? Demand.NORMAL : Demand.CONSTANT;
			if (products.salesRate(i) == 0 && i % 2 == 0) {
				demand = Demand.POISSON;
			}
			mc.simulate(products, i, i, new Scenario(policy, demand, 1 + i % 23, i), true, true);
			assertSameAsDeterministic(mc, expected, "product " + i + " " + demand);
			for (int k = 0; k < expected.periods(); k++) {
				int lastDay = Math.min((k + 1) * products.frequency(i), products.durationDays(i)) - 1;
				boolean out = expected.stockoutDay() != PolicyTrajectory.NO_STOCKOUT && expected.stockoutDay() <= lastDay;
				assertThat(mc.stockoutProbabilityBy(k)).isEqualTo(out ? 1.0 : 0.0);
			}
		}
	}

	static void assertSameAsDeterministic(MonteCarlo mc, PolicyTrajectory t, String as) {
		assertThat(mc.periods()).as(as).isEqualTo(t.periods());
		int out = (t.stockoutDay() == PolicyTrajectory.NO_STOCKOUT) ? 0 : 1;
		for (int k = 0; k < t.periods(); k++) {
			String ask = as + " period " + k;
			assertThat(mc.levelQuantile(k, 0)).as(ask).isEqualTo(t.level(k));
			assertThat(mc.levelQuantile(k, 1)).as(ask).isEqualTo(t.level(k));
			assertThat(mc.levelQuantile(k, 2)).as(ask).isEqualTo(t.level(k));
			assertThat(mc.meanSales(k)).as(ask).isEqualTo(t.sales(k));
			assertThat(mc.meanUnmet(k)).as(ask).isEqualTo(t.unmet(k));
		}
		assertThat(mc.stockoutDayQuantile(0)).as(as).isEqualTo(t.stockoutDay());
		assertThat(mc.stockoutDayQuantile(1)).as(as).isEqualTo(t.stockoutDay());
		assertThat(mc.stockoutDayQuantile(2)).as(as).isEqualTo(t.stockoutDay());
		assertThat(mc.stockoutProbability()).as(as).isEqualTo(out);
		assertThat(mc.endingQuantile(1)).as(as).isEqualTo(t.endingLevel());
		assertThat(mc.meanTotalUnmet()).as(as).isEqualTo(t.totalUnmet());
		assertThat(mc.days()).as(as).isEqualTo(t.days());
		for (int d = 0; d < t.days(); d++) {
			String asd = as + " day " + d;
			assertThat(mc.dayMeanLevel(d)).as(asd).isEqualTo(t.dayLevel(d));
			assertThat(mc.dayMeanSold(d)).as(asd).isEqualTo(t.daySold(d));
			assertThat(mc.dayMeanRestocking(d)).as(asd).isEqualTo(t.dayRestocking(d));
			assertThat(mc.dayMeanUnmet(d)).as(asd).isEqualTo(t.dayUnmet(d));
			assertThat(mc.dayOutProbability(d)).as(asd).isEqualTo(t.dayOut(d) ? 1.0 : 0.0);
		}
	}

	@Test
	void stockoutProbabilityByPeriodCountsTrialsOutByThePeriodsLastDay() {
		// 10 units selling 4 a day: out on day 2 (10, 6, 2, -2) in every trial; periods of 2 days.
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 6, 2).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, Demand.CONSTANT, 5, 1), true, false);
		assertThat(mc.stockoutProbabilityBy(0)).isZero();
		assertThat(mc.stockoutProbabilityBy(1)).isEqualTo(1.0);
		assertThat(mc.stockoutProbabilityBy(2)).isEqualTo(1.0);
		assertThat(mc.stockoutDayQuantile(1)).isEqualTo(2);
		assertThat(mc.trials()).isEqualTo(5);
		assertThat(mc.days()).isZero();
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void poissonStockoutsFollowThePoissonTail(SalesPolicy policy) {
		// No restocking, no orders, Poisson(2) demand, 20 units: the stock is out by the end of day t
		// (0-based) exactly when the demand of days 0..t, Poisson(2 (t + 1)), reaches 20 (under either
		// policy, since nothing is lost before the first stockout). Each period's observed fraction
		// over T = 20,000 trials must be within 4.5 binomial standard errors, sqrt(p (1 - p) / T),
		// plus 1/T for the granularity of a count, of the exact tail.
		int trials = 20_000;
		double rate = 2;
		int stock = 20;
		Products products = Products.builder().add("1", JAN_1_2024, stock, rate, 0, 30, 1).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(policy, Demand.POISSON, trials, 2024), true, false);
		for (int t = 0; t < 30; t++) {
			double p = poissonTailAtLeast(rate * (t + 1), stock);
			double tolerance = 4.5 * Math.sqrt(p * (1 - p) / trials) + 1.0 / trials;
			assertThat(mc.stockoutProbabilityBy(t)).as("day %d, exact %f", t, p).isCloseTo(p,
					offset(tolerance));
		}
		// The median stockout day is where the exact probability first reaches 1/2 (Poisson(20) >= 20 is 0.53 on day 9).
		assertThat(poissonTailAtLeast(2 * 9, stock)).isLessThan(0.5);
		assertThat(poissonTailAtLeast(2 * 10, stock)).isGreaterThan(0.5);
		assertThat(mc.stockoutDayQuantile(1)).isEqualTo(9);
	}

	/** P(X >= n) for X ~ Poisson(mean), as 1 minus the sum of the pmf below n. */
	static double poissonTailAtLeast(double mean, int n) {
		double p = Math.exp(-mean);
		double below = 0;
		for (int k = 0; k < n; k++) {
			below += p;
			p *= mean / (k + 1);
		}
		return 1 - below;
	}

	@Test
	void normalDemandSpreadsThePercentilesAroundTheDeterministicPath() {
		// Backorders, 1,000 units, demand N(10, 3^2) for 50 days: the level after day t is
		// 1000 - sum of t+1 demands, normal with mean 1000 - 10 (t+1) and sd 3 sqrt(t+1) (the max(0, .)
		// clip is 3.3 sd away and negligible). Over T = 1000 trials a sample quantile's standard error
		// is sqrt(q (1-q)) / (phi(z_q) sqrt(T)) sd: 0.0396 sd for the median, 0.0541 sd for P10 and P90;
		// allow 4.5 of them. The daily mean's is sd / sqrt(T).
		Products products = Products.builder().add("1", JAN_1_2024, 1000, 10, 0, 50, 1).salesStd(3).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 3, new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 1000, 99), true, true);
		for (int t = 0; t < 50; t++) {
			double mean = 1000 - 10.0 * (t + 1);
			double sd = 3 * Math.sqrt(t + 1);
			assertThat(mc.levelQuantile(t, 1)).isCloseTo(mean, offset(4.5 * 0.0396 * sd));
			assertThat(mc.levelQuantile(t, 0)).isCloseTo(mean - 1.2816 * sd, offset(4.5 * 0.0541 * sd));
			assertThat(mc.levelQuantile(t, 2)).isCloseTo(mean + 1.2816 * sd, offset(4.5 * 0.0541 * sd));
			assertThat(mc.levelQuantile(t, 0)).isLessThan(mc.levelQuantile(t, 1));
			assertThat(mc.levelQuantile(t, 1)).isLessThan(mc.levelQuantile(t, 2));
			assertThat(mc.dayMeanLevel(t)).isCloseTo(mean, offset(4.5 * sd / Math.sqrt(1000)));
		}
		assertThat(mc.stockoutProbability()).isZero();
		assertThat(mc.stockoutDayQuantile(1)).isEqualTo(MonteCarlo.NO_STOCKOUT);
	}

	@Test
	void poissonDemandAtLargeRatesSellsTheRateOnAverage() {
		// Rate 2000 (PTRS, beyond the table) under backorders, so every unit of demand is sold: a day's
		// mean over T = 2,000 trials has standard error sqrt(2000 / 2000) = 1; allow 4.5.
		Products products = Products.builder().add("1", JAN_1_2024, 1e6, 2000, 0, 20, 1).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, Demand.POISSON, 2000, 8), true, true);
		for (int d = 0; d < 20; d++) {
			assertThat(mc.dayMeanSold(d)).isCloseTo(2000, offset(4.5));
			assertThat(mc.meanSales(d)).isEqualTo(mc.dayMeanSold(d));
		}
	}

	@Test
	void stockoutDayPercentilesSortNeverAboveEveryDay() {
		// 20 units, Poisson(1) over 20 days: about half the trials run out (Poisson(20) >= 20 is 0.53).
		// P10 is then a day, P90 "never".
		Products products = Products.builder().add("1", JAN_1_2024, 20, 1, 0, 20, 1).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.LOST_SALES, Demand.POISSON, 2000, 5), false, false);
		assertThat(mc.stockoutProbability()).isBetween(0.45, 0.6);
		assertThat(mc.stockoutDayQuantile(0)).isBetween(10, 19);
		assertThat(mc.stockoutDayQuantile(2)).isEqualTo(MonteCarlo.NO_STOCKOUT);
		assertThat(mc.meanTotalUnmet()).isPositive();
		assertThat(mc.periods()).isZero();
	}

	@Test
	void theSameSeedAndPositionGiveTheSameAnswerWhateverElseWasRun() {
		Products products = Products.builder()
			.add("a", JAN_1_2024, 50, 5, 1, 60, 7).salesStd(2).reorderPolicy(20, 30, 4)
			.add("b", JAN_1_2024, 10, 1, 0, 90, 1)
			.build();
		Products other = Products.builder()
			.add("c", JAN_1_2024, 500, 50, 10, 365, 1).salesStd(20)
			.add("a", JAN_1_2024, 50, 5, 1, 60, 7).salesStd(2).reorderPolicy(20, 30, 4)
			.build();
		for (Demand demand : new Demand[] { Demand.NORMAL, Demand.POISSON }) {
			Scenario scenario = new Scenario(SalesPolicy.LOST_SALES, demand, 300, 77);
			MonteCarlo fresh = new MonteCarlo();
			fresh.simulate(products, 0, 12, scenario, true, true);
			String expected = fingerprint(fresh);
			// Another instance, whose scratch holds a longer product's figures, and the product at another index.
			MonteCarlo used = new MonteCarlo();
			used.simulate(other, 0, 11, scenario, true, true);
			used.simulate(other, 1, 12, scenario, true, true);
			assertThat(fingerprint(used)).isEqualTo(expected);
			fresh.simulate(products, 1, 13, scenario, true, true);
			fresh.simulate(products, 0, 12, scenario, true, true);
			assertThat(fingerprint(fresh)).isEqualTo(expected);
			// Another seed, or another position, is another stream.
			fresh.simulate(products, 0, 12, new Scenario(SalesPolicy.LOST_SALES, demand, 300, 78), true, true);
			assertThat(fingerprint(fresh)).isNotEqualTo(expected);
			fresh.simulate(products, 0, 13, scenario, true, true);
			assertThat(fingerprint(fresh)).isNotEqualTo(expected);
		}
	}

	@Test
	void negativeBinomialDemandIsReproducibleAndSellsItsMean() {
		// Mean 5, deviation 4 (variance 16): a day's mean sales over T = 4,000 trials has standard error
		// 4 / sqrt(4000) = 0.063 under backorders, every unit sold; allow 5 of them.
		Products products = Products.builder()
			.add("a", JAN_1_2024, 1e6, 5, 0, 30, 1).salesStd(4)
			.add("b", JAN_1_2024, 40, 5, 1, 60, 7).salesStd(4).reorderPolicy(20, 30, 4)
			.build();
		Scenario scenario = new Scenario(SalesPolicy.BACKORDER, Demand.NEGATIVE_BINOMIAL, 4000, 21);
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, scenario, true, true);
		for (int d = 0; d < 30; d++) {
			assertThat(mc.dayMeanSold(d)).isCloseTo(5, offset(5 * 4 / Math.sqrt(4000)));
		}
		String expected = fingerprint(mc);
		MonteCarlo other = new MonteCarlo();
		other.simulate(products, 1, 1, new Scenario(SalesPolicy.LOST_SALES, Demand.NEGATIVE_BINOMIAL, 300, 21), true, true);
		other.simulate(products, 0, 0, scenario, true, true);
		assertThat(fingerprint(other)).isEqualTo(expected);
		// More dispersed than the Poisson of the same mean: more trials of the reordering product run out.
		MonteCarlo poisson = new MonteCarlo();
		poisson.simulate(products, 1, 1, new Scenario(SalesPolicy.BACKORDER, Demand.POISSON, 4000, 21), false, false);
		mc.simulate(products, 1, 1, scenario, false, false);
		assertThat(mc.stockoutProbability()).isGreaterThan(poisson.stockoutProbability());
	}

	@Test
	void negativeBinomialWithTheVarianceOfTheMeanIsThePoissonToTheBit() {
		// sales_std^2 == sales_rate: the negative binomial's limit, drawn as the Poisson itself; rate 0 sells 0.
		Products products = Products.builder()
			.add("a", JAN_1_2024, 30, 4, 0, 20, 1).salesStd(2)
			.add("z", JAN_1_2024, 30, 0, 0, 20, 1)
			.build();
		for (int i = 0; i < 2; i++) {
			MonteCarlo poisson = new MonteCarlo();
			poisson.simulate(products, i, i, new Scenario(SalesPolicy.LOST_SALES, Demand.POISSON, 500, 3), true, true);
			MonteCarlo negativeBinomial = new MonteCarlo();
			negativeBinomial.simulate(products, i, i, new Scenario(SalesPolicy.LOST_SALES, Demand.NEGATIVE_BINOMIAL, 500, 3),
					true, true);
			assertThat(fingerprint(negativeBinomial)).isEqualTo(fingerprint(poisson));
		}
	}

	/** Every figure, to the bit. */
	static String fingerprint(MonteCarlo mc) {
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < mc.periods(); k++) {
			sb.append(mc.levelQuantile(k, 0)).append(' ').append(mc.levelQuantile(k, 1)).append(' ').append(mc.levelQuantile(k, 2)).append(' ')
				.append(mc.stockoutProbabilityBy(k)).append(' ').append(mc.meanSales(k)).append(' ')
				.append(mc.meanUnmet(k)).append('\n');
		}
		for (int d = 0; d < mc.days(); d++) {
			sb.append(mc.dayMeanLevel(d)).append(' ').append(mc.dayMeanSold(d)).append(' ')
				.append(mc.dayMeanRestocking(d)).append(' ').append(mc.dayMeanUnmet(d)).append(' ')
				.append(mc.dayOutProbability(d)).append('\n');
		}
		return sb.append(mc.stockoutProbability()).append(' ').append(mc.stockoutDayQuantile(0)).append(' ')
			.append(mc.stockoutDayQuantile(1)).append(' ').append(mc.stockoutDayQuantile(2)).append(' ').append(mc.endingQuantile(1))
			.append(' ').append(mc.meanTotalUnmet()).toString();
	}

	@Test
	void refusesAScenarioWithoutTrials() {
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 6, 2).build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MonteCarlo().simulate(products, 0, 0, Scenario.DEFAULT, true, false));
	}

}
