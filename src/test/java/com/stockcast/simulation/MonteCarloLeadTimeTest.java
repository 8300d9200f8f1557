package com.stockcast.simulation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Lead times that vary (docs/forecast-contract.md#lead-times-that-vary): each order of a trial draws
 * its lead time from the trial's own lead-time stream, orders cross, and the answer is a plain loop
 * over the trials with the same streams, to the bit.
 */
class MonteCarloLeadTimeTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void drawnLeadTimesHaveTheDocumentedMeanAndDeviation() {
		// L + σZ rounded to whole days, clamped at 0: its exact mean and deviation by integrating the
		// normal density, against 400,000 draws of a fixed stream (standard errors about 0.004).
		double[][] cases = { { 5, 2 }, { 1, 2 }, { 3, 0.4 }, { 10, 5 } };
		RandomStream random = new RandomStream();
		for (double[] c : cases) {
			int lead = (int) c[0];
			double std = c[1];
			double[] exact = discretizedMoments(lead, std);
			random.reset(7, lead, (int) (std * 10));
			int n = 400_000;
			double sum = 0;
			double squares = 0;
			for (int j = 0; j < n; j++) {
				int days = LeadTime.draw(random, lead, std, LeadTime.longest(lead, std, 1000));
				assertThat(days).isNotNegative();
				sum += days;
				squares += (double) days * days;
			}
			double mean = sum / n;
			double deviation = Math.sqrt(squares / n - mean * mean);
			String as = "L " + lead + " σ " + std + ": exact mean " + exact[0] + " deviation " + exact[1];
			assertThat(mean).as(as).isCloseTo(exact[0], offset(5 * exact[1] / Math.sqrt(n)));
			assertThat(deviation).as(as).isCloseTo(exact[1], offset(0.01 * exact[1]));
			System.out.printf("lead time L %d σ_L %.1f: mean %.3f, deviation %.3f (drawn %.3f, %.3f)%n", lead, std,
					exact[0], exact[1], mean, deviation);
		}
	}

	/** Mean and deviation of max(0, round(L + σZ)), integrating the normal density numerically. */
	private static double[] discretizedMoments(int lead, double std) {
		double step = 1e-4;
		double mass = 0;
		double first = 0;
		double second = 0;
		for (double z = -12; z < 12; z += step) {
			double weight = Math.exp(-0.5 * z * z) * step / Math.sqrt(2 * Math.PI);
			double days = Math.max(0, Math.round(lead + std * z));
			mass += weight;
			first += weight * days;
			second += weight * days * days;
		}
		double mean = first / mass;
		return new double[] { mean, Math.sqrt(second / mass - mean * mean) };
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void theReorderPointsTrialsAreAPlainLoopWithTheirOwnLeadTimeStreams(SalesPolicy policy) {
		// Reorder point 60, lots of 15, 10 a day with deviation 3, L 5 with σ_L 3: several orders are on
		// the way at once, so later ones overtake earlier ones and some days receive two or more.
		Products products = Products.builder().add("P", JAN_1_2024, 70, 10, 0, 120, 7).salesStd(3)
			.reorderPolicy(60, 15, 5).leadTimeStdDays(3).build();
		int[] crossings = new int[2];
		bruteForce(products, policy, 301, 11, 4, true, crossings);
		assertThat(crossings[0]).as("orders overtaken").isGreaterThan(100);
		assertThat(crossings[1]).as("days receiving several orders").isGreaterThan(100);
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void theFixedPlansOrdersArriveAfterEachTrialsOwnLeadTimes(SalesPolicy policy) {
		// Order-up-to, R 3, L 4 with σ_L 2.5, safety stock 8: the deterministic plan's orders, each drawn a
		// lead time per trial (0 arrives the day it is placed; one due after the last day never arrives).
		Products products = Products.builder().add("U", JAN_1_2024, 30, 6, 0.5, 60, 5).salesStd(2)
			.orderTerms(new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 4, 3, 8, 0, 5))
			.leadTimeStdDays(2.5).build();
		int[] crossings = new int[2];
		bruteForce(products, policy, 257, -5, 9, false, crossings);
		assertThat(crossings[0]).as("orders overtaken").isGreaterThan(100);
	}

	@Test
	void withConstantDemandTheTrialsStillDifferByTheirLeadTimes() {
		Products products = Products.builder().add("P", JAN_1_2024, 40, 10, 0, 20, 1)
			.reorderPolicy(45, 40, 4).leadTimeStdDays(1).build();
		bruteForce(products, SalesPolicy.BACKORDER, 200, 3, 0, true, new int[2]);
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, Demand.CONSTANT, 200, 3), true, true);
		// Deterministically it never runs out (position 45 covers 4 days of 10 and more); late orders do.
		assertThat(mc.stockoutProbability()).isStrictlyBetween(0.0, 1.0);
	}

	@Test
	void theStockoutProbabilityRisesWithTheLeadTimesDeviation() {
		// A tight reorder point: 10 a day (deviation 3), L 5, s 70, lots of 100, 60 days, 2,000 trials.
		double[] deviations = { 0, 0.5, 1, 2, 3 };
		double[] probabilities = new double[deviations.length];
		MonteCarlo mc = new MonteCarlo();
		for (int j = 0; j < deviations.length; j++) {
			Products products = Products.builder().add("T", JAN_1_2024, 100, 10, 0, 60, 30).salesStd(3)
				.reorderPolicy(70, 100, 5).leadTimeStdDays(deviations[j]).build();
			mc.simulate(products, 0, 0, new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 2000, 2024), false, false);
			probabilities[j] = mc.stockoutProbability();
			System.out.printf("σ_L %.1f: stockout probability %.4f%n", deviations[j], probabilities[j]);
		}
		for (int j = 1; j < deviations.length; j++) {
			assertThat(probabilities[j]).as("σ_L " + deviations[j]).isGreaterThan(probabilities[j - 1]);
		}
	}

	@Test
	void aDeviationOfZeroIsTheFixedLeadTimeToTheBit() {
		Products fixed = Products.builder().add("P", JAN_1_2024, 70, 10, 0, 120, 7).salesStd(3)
			.reorderPolicy(60, 15, 5).build();
		Products zero = Products.builder().add("P", JAN_1_2024, 70, 10, 0, 120, 7).salesStd(3)
			.reorderPolicy(60, 15, 5).leadTimeStdDays(0).build();
		MonteCarlo mc = new MonteCarlo();
		Scenario scenario = new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 100, 5);
		mc.simulate(fixed, 0, 2, scenario, true, true);
		String expected = MonteCarloTest.fingerprint(mc);
		mc.simulate(zero, 0, 2, scenario, true, true);
		assertThat(MonteCarloTest.fingerprint(mc)).isEqualTo(expected);
	}

	/**
	 * Simulates product 0 with {@link MonteCarlo} and again trial by trial in a plain loop (contract's
	 * "Trials and seed" and "Lead times that vary"), and compares every daily mean, the stockout
	 * probability and day quantiles and the ending quantiles exactly. Counts in {@code crossings} the
	 * orders that arrive before one placed earlier, and the days receiving more than one order.
	 */
	private static void bruteForce(Products products, SalesPolicy policy, int trials, long seed, int position,
			boolean reacting, int[] crossings) {
		int days = products.durationDays(0);
		double rate = products.salesRate(0);
		double std = products.salesStd(0);
		double restocking = products.restockingRate(0);
		int lead = products.leadTimeDays(0);
		double leadStd = products.leadTimeStdDays(0);
		int longest = LeadTime.longest(lead, leadStd, days);
		boolean lostSales = policy == SalesPolicy.LOST_SALES;
		Demand demand = (std == 0) ? Demand.CONSTANT : Demand.NORMAL;
		PolicyTrajectory plan = new PolicyTrajectory();
		plan.simulate(products, 0, policy, false, false);
		assertThat(products.orderTerms(0).plainReorderPoint()).isEqualTo(reacting);

		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, position, new Scenario(policy, demand, trials, seed), false, true);

		double[][] levels = new double[days][trials];
		double[][] restocked = new double[days][trials];
		int[] stockout = new int[trials];
		double[] ending = new double[trials];
		RandomStream demandStream = new RandomStream();
		RandomStream leadStream = new RandomStream();
		long gamma = RandomStream.gamma(seed, position);
		for (int t = 0; t < trials; t++) {
			demandStream.reset(seed, position, t);
			leadStream.use(RandomStream.leadTimeState(seed, position, t), gamma);
			double level = products.initialInventory(0);
			long lotsOnOrder = 0;
			long[] lotsArriving = new long[days];
			double[] unitsArriving = new double[days];
			int[] ordersArriving = new int[days];
			int latestArrival = -1;
			int planned = 0;
			stockout[t] = Integer.MAX_VALUE;
			for (int d = 0; d < days; d++) {
				double demanded = (std == 0) ? rate : Math.max(0, rate + std * demandStream.nextGaussian());
				double sold = lostSales ? Math.min(demanded, Math.max(level, 0)) : demanded;
				level -= sold;
				level += restocking;
				double receipt = 0;
				if (!reacting && planned < plan.orderCount() && plan.orderDay(planned) == d) {
					int arrival = d + LeadTime.draw(leadStream, lead, leadStd, longest);
					latestArrival = count(crossings, arrival, latestArrival, ordersArriving, days);
					if (arrival < days) {
						unitsArriving[arrival] += plan.orderUnits(planned);
					}
					planned++;
				}
				if (unitsArriving[d] != 0) {
					receipt = unitsArriving[d];
					level += receipt;
				}
				if (reacting) {
					double quantity = products.orderQuantity(0);
					if (lotsArriving[d] != 0) {
						receipt = lotsArriving[d] * quantity;
						level += receipt;
						lotsOnOrder -= lotsArriving[d];
					}
					long lots = OrderReview.lotsToOrder(level + lotsOnOrder * quantity, products.reorderPoint(0), quantity);
					if (lots != 0) {
						int arrival = d + LeadTime.draw(leadStream, lead, leadStd, longest);
						latestArrival = count(crossings, arrival, latestArrival, ordersArriving, days);
						if (arrival == d) {
							receipt += lots * quantity;
							level += lots * quantity;
						}
						else {
							lotsOnOrder += lots;
							if (arrival < days) {
								lotsArriving[arrival] += lots;
							}
						}
					}
				}
				levels[d][t] = level;
				restocked[d][t] = PolicyTrajectory.dayIn(restocking, 0, receipt);
				if ((level <= 0 || demanded > sold) && stockout[t] == Integer.MAX_VALUE) {
					stockout[t] = d;
				}
			}
			ending[t] = level;
			for (int d = 0; d < days; d++) {
				crossings[1] += (ordersArriving[d] > 1) ? 1 : 0;
			}
		}
		for (int d = 0; d < days; d++) {
			assertThat(mc.dayMeanLevel(d)).as("day %d", d).isEqualTo(meanAsMonteCarlo(levels[d]));
			assertThat(mc.dayMeanRestocking(d)).as("day %d", d).isEqualTo(meanAsMonteCarlo(restocked[d]));
		}
		long out = Arrays.stream(stockout).filter(day -> day != Integer.MAX_VALUE).count();
		assertThat(mc.stockoutProbability()).isEqualTo((double) out / trials);
		Arrays.sort(stockout);
		Arrays.sort(ending);
		for (int j = 0; j < 3; j++) {
			int rank = Quantiles.PERCENTILES.rank(j, trials);
			int day = stockout[rank];
			assertThat(mc.stockoutDayQuantile(j)).isEqualTo((day == Integer.MAX_VALUE) ? MonteCarlo.NO_STOCKOUT : day);
		}
		assertThat(mc.endingQuantile(1)).isEqualTo(ending[Quantiles.PERCENTILES.rank(1, trials)]);
	}

	/** Counts an order overtaking an earlier one, and its arrival day; returns the latest arrival so far. */
	private static int count(int[] crossings, int arrival, int latestArrival, int[] ordersArriving, int days) {
		if (arrival < latestArrival) {
			crossings[0]++;
		}
		if (arrival < days) {
			ordersArriving[arrival]++;
		}
		return Math.max(arrival, latestArrival);
	}

	/** The daily mean as MonteCarlo forms it: trial 0's value plus the mean difference, summed in trial order. */
	private static double meanAsMonteCarlo(double[] values) {
		double ref = values[0];
		double sum = 0;
		for (double value : values) {
			sum += value - ref;
		}
		return ref + sum / values.length;
	}

}
