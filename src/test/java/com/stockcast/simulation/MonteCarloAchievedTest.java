package com.stockcast.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plan achieves (docs/forecast-contract.md#what-the-plan-achieves): the achieved cycle service
 * level and fill rate over the trials, their definitions checked against a plain loop, and the standard
 * formula of {@link ServiceTarget} judged by them.
 */
class MonteCarloAchievedTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void theAchievedFiguresAreThoseOfAPlainLoopOverTheTrials() {
		for (SalesPolicy policy : SalesPolicy.values()) {
			Products products = Products.builder().add("P", JAN_1_2024, 50, 10, 0, 200, 7).salesStd(4)
				.reorderPolicy(35, 40, 3).build();
			int trials = 101;
			long seed = 8;
			int position = 2;
			MonteCarlo mc = new MonteCarlo();
			mc.simulate(products, 0, position, new Scenario(policy, Demand.NORMAL, trials, seed), false, false);
			boolean lostSales = policy == SalesPolicy.LOST_SALES;
			long cycles = 0;
			long shortCycles = 0;
			double demand = 0;
			double shortUnits = 0;
			RandomStream random = new RandomStream();
			for (int t = 0; t < trials; t++) {
				random.reset(seed, position, t);
				double level = 50;
				long onOrder = 0;
				long[] due = new long[204];
				int cycle = 0; // 0: before the first arrival, 1: open, 2: open with a stockout
				double trialDemand = 0;
				double trialShort = 0;
				for (int d = 0; d < 200; d++) {
					double demanded = Math.max(0, 10 + 4 * random.nextGaussian());
					double sold = lostSales ? Math.min(demanded, Math.max(level, 0)) : demanded;
					level -= sold;
					boolean arrived = due[d] != 0;
					level += due[d] * 40.0;
					onOrder -= due[d];
					long lots = OrderReview.lotsToOrder(level + onOrder * 40.0, 35, 40);
					onOrder += lots;
					due[d + 3] += lots;
					trialDemand += demanded;
					trialShort += lostSales ? demanded - sold : Math.min(demanded, Math.max(0, -level));
					if (arrived) {
						cycles += (cycle == 0) ? 0 : 1;
						shortCycles += (cycle == 2) ? 1 : 0;
						cycle = 1;
					}
					if (cycle == 1 && (level <= 0 || demanded > sold)) {
						cycle = 2;
					}
				}
				demand += trialDemand;
				shortUnits += trialShort;
			}
			assertThat(cycles).isGreaterThan(trials * 40L);
			assertThat(shortCycles).isPositive();
			assertThat(mc.achievedCycleServiceLevel()).as(policy.name())
				.isEqualTo((double) (cycles - shortCycles) / cycles);
			assertThat(mc.achievedFillRate()).as(policy.name()).isEqualTo(1 - shortUnits / demand);
			assertThat(mc.cycleServiceLevelLow()).isLessThan(mc.achievedCycleServiceLevel());
			assertThat(mc.cycleServiceLevelHigh()).isGreaterThan(mc.achievedCycleServiceLevel());
			assertThat(mc.fillRateLow()).isLessThan(mc.achievedFillRate());
			assertThat(mc.fillRateHigh()).isGreaterThan(mc.achievedFillRate());
		}
	}

	@Test
	void withoutAnOrderPolicyNothingIsAchieved() {
		Products products = Products.builder().add("P", JAN_1_2024, 50, 10, 0, 20, 7).salesStd(4).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 10, 1), false, false);
		assertThat(mc.achievedCycleServiceLevel()).isNaN();
		assertThat(mc.achievedFillRate()).isNaN();
	}

	/**
	 * The standard formula (docs/forecast-contract.md#safety-stock-from-a-target) for the reorder point with
	 * daily review, which the trials review themselves: s = d L + z σ_d sqrt(L). Normal demand of 20 a day
	 * (deviation 5), lots of 100, 3,650 days, 300 trials (about 200,000 cycles), seed fixed: it cannot flake.
	 */
	@Test
	void theStandardFormulasReorderPointOverProtectsUnderDailyReview() {
		System.out.println("target  L  achieved CSL [95% interval]    achieved fill rate [95% interval]");
		for (double alpha : new double[] { 0.9, 0.95 }) {
			for (int lead : new int[] { 3, 7 }) {
				MonteCarlo mc = run(alpha, lead, 20, 5, Demand.NORMAL, 3650, 300);
				report(alpha, lead, "normal, 3650 days", mc);
				// The formula protects L days of demand from a position at s. Reviewed at the end of each day,
				// the last review that orders nothing leaves the position above s, and the order placed the
				// next day arrives before day L's stockout is judged: the risk is L - 1 days of demand plus the
				// undershoot below s (about half a day), so the achieved level is above the target, outside its
				// interval.
				assertThat(mc.cycleServiceLevelLow()).as("alpha " + alpha + " L " + lead).isGreaterThan(alpha);
				// Lowering s by a day's demand less the mean undershoot, d - (d^2 + σ^2) / 2d, brings it near.
				double shift = 20 - (20.0 * 20 + 5 * 5) / (2 * 20);
				report(alpha, lead, "normal, s - (d - E[undershoot])",
						run(alpha, lead, 20, 5, Demand.NORMAL, 3650, 300, -shift));
			}
		}
		// Where else the formula misses: a short horizon, lumpy demand, a high coefficient of variation.
		for (double alpha : new double[] { 0.9, 0.95 }) {
			report(alpha, 5, "normal, 30 days", run(alpha, 5, 20, 5, Demand.NORMAL, 30, 2000));
			report(alpha, 5, "Poisson 0.3/day", run(alpha, 5, 0.3, Math.sqrt(0.3), Demand.POISSON, 3650, 300));
			report(alpha, 5, "normal, CV 1", run(alpha, 5, 20, 20, Demand.NORMAL, 3650, 300));
		}
	}

	private static MonteCarlo run(double alpha, int lead, double rate, double std, Demand demand, int days, int trials) {
		return run(alpha, lead, rate, std, demand, days, trials, 0);
	}

	private static MonteCarlo run(double alpha, int lead, double rate, double std, Demand demand, int days, int trials,
			double extra) {
		ServiceTarget target = new ServiceTarget(ServiceTarget.Measure.SERVICE_LEVEL, alpha, 0);
		int protection = ServiceTarget.protectionDays(lead, 1);
		double quantity = Math.max(1, Math.round(5 * rate));
		double reorderPoint = rate * protection
				+ target.safetyStock(target.protectionStd(rate, std, protection), quantity) + extra;
		Products products = Products.builder().add("P", JAN_1_2024, reorderPoint + quantity, rate, 0, days, days)
			.salesStd(std).reorderPolicy(reorderPoint, quantity, lead).build();
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, demand, trials, 20241), false, false);
		return mc;
	}

	private static void report(double alpha, int lead, String what, MonteCarlo mc) {
		System.out.printf("%.2f  %d  %.4f [%.4f, %.4f]   %.4f [%.4f, %.4f]   %s%n", alpha, lead,
				mc.achievedCycleServiceLevel(), mc.cycleServiceLevelLow(), mc.cycleServiceLevelHigh(),
				mc.achievedFillRate(), mc.fillRateLow(), mc.fillRateHigh(), what);
	}

}
