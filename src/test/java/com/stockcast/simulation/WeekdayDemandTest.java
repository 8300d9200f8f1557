package com.stockcast.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Demand under a weekday profile (docs/forecast-contract.md#weekday-profile): the deterministic day by
 * hand, the projections without an order on the same daily demand, Monte Carlo's means, and the flat
 * profile changing nothing.
 */
class WeekdayDemandTest {

	/** 2024-01-01, a Monday. */
	private static final int JAN_1_2024 = 19723;

	/** Weekdays x0.75, the weekend x1.625: averages 1, and every product below is exact in binary. */
	private static final double[] WEEKEND = { 0.75, 0.75, 0.75, 0.75, 0.75, 1.625, 1.625 };

	@Test
	void theDeterministicDaySellsTheRateTimesTheDaysMultiplier() {
		// Rate 8 from Monday: 6 a weekday, 13 on Saturday and Sunday. 50 on hand, nothing in:
		// 44, 38, 32, 26, 20, 7, -6; out on Sunday (day 6). Started on a Saturday the week shifts: 13, 13, 6...
		Products products = Products.builder()
			.add("MON", JAN_1_2024, 50, 8, 0, 7, 7).weekdayProfile(WEEKEND)
			.add("SAT", JAN_1_2024 + 5, 50, 8, 0, 3, 1).weekdayProfile(WEEKEND)
			.build();
		PolicyTrajectory trajectory = new PolicyTrajectory();
		trajectory.simulate(products, 0, SalesPolicy.BACKORDER, true, true);
		double[] levels = { 44, 38, 32, 26, 20, 7, -6 };
		for (int d = 0; d < 7; d++) {
			assertThat(trajectory.dayLevel(d)).isEqualTo(levels[d]);
		}
		assertThat(trajectory.sales(0)).isEqualTo(56);
		assertThat(trajectory.stockoutDay()).isEqualTo(6);
		trajectory.simulate(products, 0, SalesPolicy.LOST_SALES, true, true);
		assertThat(trajectory.dayUnmet(6)).isEqualTo(6);
		assertThat(trajectory.daySold(6)).isEqualTo(7);
		trajectory.simulate(products, 1, SalesPolicy.BACKORDER, true, true);
		assertThat(trajectory.daySold(0)).isEqualTo(13);
		assertThat(trajectory.daySold(1)).isEqualTo(13);
		assertThat(trajectory.daySold(2)).isEqualTo(6);
	}

	@Test
	void theProjectionWithoutAnOrderDrainsTheSameDailyDemand() {
		// Reorder point 30, 100 a lot, lead time 3: the first order is placed on day 3 (level 26) and arrives
		// on day 6 (-6 + 100 = 94). Without any order the level falls 44, 38, 32, 26, 20, 7, -6: out on day 6,
		// the Sunday's 13, which the order arriving that day covers, so no day before it is out.
		Products products = Products.builder()
			.add("A", JAN_1_2024, 50, 8, 0, 7, 1).reorderPolicy(30, 100, 3).weekdayProfile(WEEKEND)
			.build();
		PolicyTrajectory trajectory = new PolicyTrajectory();
		trajectory.simulate(products, 0, SalesPolicy.BACKORDER, false, true);
		assertThat(trajectory.dayLevel(3)).isEqualTo(26);
		assertThat(trajectory.dayLevel(6)).isEqualTo(94);
		Shortfall shortfall = trajectory.shortfall(products, 0);
		assertThat(shortfall.stockoutDay()).isEqualTo(6);
		assertThat(shortfall.days()).isZero();
		assertThat(shortfall.late()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void constantDemandTrialsAreTheProfiledDeterministicPathToTheBit(SalesPolicy policy) {
		double[] odd = { 0.3, 1.7, 0.9, 1.1, 0.6, 1.9, 0.5 };
		Products products = Products.builder()
			.add("A", JAN_1_2024 + 2, 40, 3.3, 0.7, 45, 4).weekdayProfile(odd)
			.add("B", JAN_1_2024 + 4, 25, 2.1, 0, 60, 7).reorderPolicy(12, 20, 3).weekdayProfile(WEEKEND)
			.add("C", JAN_1_2024, 80, 5, 0, 50, 5)
			.orderTerms(new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 4, 7, 6, 0,
					Double.NaN))
			.weekdayProfile(odd)
			.build();
		PolicyTrajectory expected = new PolicyTrajectory();
		MonteCarlo mc = new MonteCarlo();
		for (int i = 0; i < products.size(); i++) {
			expected.simulate(products, i, policy, true, true);
			mc.simulate(products, i, i, new Scenario(policy, Demand.CONSTANT, 7, 1), true, true);
			MonteCarloTest.assertSameAsDeterministic(mc, expected, "product " + i);
			mc.simulate(products, i, i, new Scenario(policy, Demand.NORMAL, 7, 1), true, true);
			MonteCarloTest.assertSameAsDeterministic(mc, expected, "normal, deviation 0, product " + i);
		}
	}

	@Test
	void randomDemandsMeanTheDaysProfiledRate() {
		// Backorders, every unit sold: a day's mean over T = 4,000 trials has standard error sqrt(var / T),
		// var the day's: Poisson 10 m, normal (3 m)^2, negative binomial 10 m + (10 m)^2 / r with r = 100 / 15.
		Products products = Products.builder()
			.add("A", JAN_1_2024, 1e6, 10, 0, 14, 1).salesStd(5).weekdayProfile(WEEKEND)
			.build();
		int trials = 4000;
		for (Demand demand : new Demand[] { Demand.POISSON, Demand.NORMAL, Demand.NEGATIVE_BINOMIAL }) {
			MonteCarlo mc = new MonteCarlo();
			mc.simulate(products, 0, 3, new Scenario(SalesPolicy.BACKORDER, demand, trials, 4), false, true);
			for (int d = 0; d < 14; d++) {
				double mean = products.dayDemand(0, d);
				double variance = switch (demand) {
					case POISSON -> mean;
					case NORMAL -> 25 * products.dayMultiplier(0, d) * products.dayMultiplier(0, d);
					default -> mean + mean * mean / (100.0 / 15);
				};
				assertThat(mc.dayMeanSold(d)).as("%s day %d", demand, d)
					.isCloseTo(mean, offset(5 * Math.sqrt(variance / trials)));
			}
		}
	}

	@Test
	void aFlatProfileChangesNoFigure() {
		Products plain = Products.builder().add("A", JAN_1_2024, 40, 3.3, 0.7, 45, 4).salesStd(1.2).build();
		Products flat = Products.builder().add("A", JAN_1_2024, 40, 3.3, 0.7, 45, 4).salesStd(1.2)
			.weekdayProfile(new double[] { 1, 1, 1, 1, 1, 1, 1 }).build();
		for (Demand demand : Demand.values()) {
			Scenario scenario = new Scenario(SalesPolicy.LOST_SALES, demand, 50, 9);
			MonteCarlo a = new MonteCarlo();
			a.simulate(plain, 0, 0, scenario, true, true);
			MonteCarlo b = new MonteCarlo();
			b.simulate(flat, 0, 0, scenario, true, true);
			assertThat(MonteCarloTest.fingerprint(b)).as(demand.tag()).isEqualTo(MonteCarloTest.fingerprint(a));
		}
	}

}
