package com.stockcast.simulation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The probabilistic forecast of products whose order terms are not the plain reorder point
 * (docs/forecast-contract.md#monte-carlo): the deterministic plan's orders, fixed, received in every
 * trial. Without variance the trials are that plan to the bit; with it, the plan's orders are still
 * the same in every trial, and the figures are those of a plain loop over the trials.
 */
class MonteCarloPlanTest {

	private static final int JAN_1_2024 = 19723;

	/** The contract's order-up-to example A: R 3, L 2, safety stock 5, packs of 6; its plan receives 6, 12, 12. */
	private static final OrderTerms ORDER_UP_TO = new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN,
			Double.NaN, 2, 3, 5, 0, 6);

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void withoutVarianceEveryTrialIsTheDeterministicPlanToTheBit(SalesPolicy policy) {
		// Random products of every policy with review periods, minimums, packs, lead times and scheduled
		// receipts; constant demand, or normal with sales_std 0, and any number of trials.
		SplittableRandom random = new SplittableRandom(61 + policy.ordinal());
		PolicyTrajectory expected = new PolicyTrajectory();
		MonteCarlo mc = new MonteCarlo();
		Map<OrderPolicy, Integer> products = new EnumMap<>(OrderPolicy.class);
		int withReceipts = 0;
		int orders = 0;
		for (int n = 0; n < 3000; n++) {
			Products product = PlannedOrdersTest.randomProduct(random);
			if (product.orderTerms(0).plainReorderPoint()) {
				continue; // reviewed in each trial: MonteCarloTest
			}
			expected.simulate(product, 0, policy, true, true);
			Demand demand = (n % 2 == 0) ? Demand.CONSTANT : Demand.NORMAL;
			mc.simulate(product, 0, n, new Scenario(policy, demand, 1 + n % 17, n), true, true);
			MonteCarloTest.assertSameAsDeterministic(mc, expected, "product " + n + " " + product.orderTerms(0));
			products.merge(product.orderPolicy(0), 1, Integer::sum);
			withReceipts += (product.receiptsEnd(0) > product.receiptsStart(0)) ? 1 : 0;
			orders += expected.orderCount();
		}
		assertThat(products.values()).hasSize(3).allMatch(count -> count > 500);
		assertThat(withReceipts).isGreaterThan(500);
		assertThat(orders).isGreaterThan(5000);
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void withNormalDemandEveryTrialReceivesThePlansOrders(SalesPolicy policy) {
		// Example A with an open order of 3 units on day 4 and demand N(4, 2^2): the trials differ, but
		// what comes in each day (the plan's orders and the scheduled receipt) is the same in all of them,
		// so its mean is the deterministic plan's to the bit. A reacting policy would order per trial.
		Products products = exampleA(2, 1).withReceipts(new int[] { 0 }, new int[] { 4 }, new double[] { 3 }, 1);
		PolicyTrajectory expected = new PolicyTrajectory();
		expected.simulate(products, 0, policy, true, true);
		MonteCarlo mc = new MonteCarlo();
		Scenario scenario = new Scenario(policy, Demand.NORMAL, 2000, 17);
		mc.simulate(products, 0, 5, scenario, true, true);
		for (int d = 0; d < 10; d++) {
			assertThat(mc.dayMeanRestocking(d)).as("day %d", d).isEqualTo(expected.dayRestocking(d));
		}
		assertThat(expected.orderCount()).isEqualTo(3);
		assertThat(mc.levelQuantile(9, 0)).isLessThan(mc.levelQuantile(9, 2));
		// The plan's lowest levels are 6 (days 4 and 7, before its orders arrive): some trials run out.
		assertThat(mc.stockoutProbability()).isStrictlyBetween(0.0, 1.0);
		String answer = MonteCarloTest.fingerprint(mc);
		// The same seed and position give the same answer from a worker that simulated other products
		// first (a longer plan, a reacting reorder point), and from another list (another chunk).
		Products other = Products.builder()
			.add("long", JAN_1_2024, 50, 5, 0, 120, 1).salesStd(3)
			.orderTerms(new OrderTerms(OrderPolicy.MIN_MAX, 10, Double.NaN, 60, 3, 2, 0, 0, 4))
			.add("plain", JAN_1_2024, 50, 5, 1, 60, 7).salesStd(2).reorderPolicy(20, 30, 4)
			.add("A", JAN_1_2024, 20, 4, 0, 10, 1).salesStd(2).orderTerms(ORDER_UP_TO)
			.build().withReceipts(new int[] { 2 }, new int[] { 4 }, new double[] { 3 }, 1);
		MonteCarlo used = new MonteCarlo();
		used.simulate(other, 0, 3, scenario, true, true);
		used.simulate(other, 1, 4, scenario, true, true);
		used.simulate(other, 2, 5, scenario, true, true);
		assertThat(MonteCarloTest.fingerprint(used)).isEqualTo(answer);
		used.simulate(other, 2, 5, new Scenario(policy, Demand.NORMAL, 2000, 18), true, true);
		assertThat(MonteCarloTest.fingerprint(used)).isNotEqualTo(answer);
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void theTrialsAreAPlainLoopOverTheHandWorkedPlan(SalesPolicy policy) {
		// Example A, demand N(4, 1.5^2), 501 trials, periods of 4 days. The plan, worked by hand in the
		// contract: day 0 orders 6 (arrives day 2), day 3 orders 12 (day 5), day 6 orders 12 (day 8).
		Products products = exampleA(1.5, 4);
		FixedPlan plan = new FixedPlan();
		plan.fix(products, 0, policy, false);
		assertThat(plan.count()).isEqualTo(3);
		int[] arrivals = { 2, 5, 8 };
		double[] units = { 6, 12, 12 };
		for (int j = 0; j < 3; j++) {
			assertThat(plan.arrivalDay(j)).isEqualTo(arrivals[j]);
			assertThat(plan.units(j)).isEqualTo(units[j]);
		}
		int trials = 501;
		long seed = 42;
		int position = 3;
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, position, new Scenario(policy, Demand.NORMAL, trials, seed), true, true);

		// The contract's "Trials and seed": trial t draws from the stream of (seed, position, t), day 0 first.
		boolean lostSales = policy == SalesPolicy.LOST_SALES;
		double[] received = new double[10];
		for (int j = 0; j < 3; j++) {
			received[arrivals[j]] = units[j];
		}
		double[][] periodEnd = new double[3][trials];
		double[] periodSales = new double[3];
		double[] unmet = new double[trials];
		int[] stockout = new int[trials];
		RandomStream stream = new RandomStream();
		for (int t = 0; t < trials; t++) {
			stream.reset(seed, position, t);
			double level = 20;
			stockout[t] = Integer.MAX_VALUE;
			for (int d = 0; d < 10; d++) {
				double demand = Math.max(0, 4 + 1.5 * stream.nextGaussian());
				double sold = lostSales ? Math.min(demand, Math.max(level, 0)) : demand;
				level -= sold;
				if (received[d] != 0) {
					level += received[d];
				}
				unmet[t] += demand - sold;
				periodSales[d / 4] += sold;
				if ((level <= 0 || demand > sold) && stockout[t] == Integer.MAX_VALUE) {
					stockout[t] = d;
				}
				if (d % 4 == 3 || d == 9) {
					periodEnd[d / 4][t] = level;
				}
			}
		}
		int out = 0;
		for (int t = 0; t < trials; t++) {
			out += (stockout[t] == Integer.MAX_VALUE) ? 0 : 1;
		}
		assertThat(mc.periods()).isEqualTo(3);
		for (int k = 0; k < 3; k++) {
			Arrays.sort(periodEnd[k]);
			// Nearest rank: the ceil(q T)-th smallest, q T = 50.1, 250.5, 450.9.
			assertThat(mc.levelQuantile(k, 0)).isEqualTo(periodEnd[k][50]);
			assertThat(mc.levelQuantile(k, 1)).isEqualTo(periodEnd[k][250]);
			assertThat(mc.levelQuantile(k, 2)).isEqualTo(periodEnd[k][450]);
			assertThat(mc.meanSales(k)).isCloseTo(periodSales[k] / trials, offset(1e-9));
			int lastDay = Math.min(4 * k + 3, 9);
			assertThat(mc.stockoutProbabilityBy(k))
				.isEqualTo((double) Arrays.stream(stockout).filter(day -> day <= lastDay).count() / trials);
		}
		assertThat(mc.endingQuantile(1)).isEqualTo(periodEnd[2][250]);
		assertThat(mc.stockoutProbability()).isEqualTo((double) out / trials).isStrictlyBetween(0.0, 1.0);
		Arrays.sort(stockout);
		assertThat(mc.stockoutDayQuantile(0)).isEqualTo(dayOrNever(stockout[50]));
		assertThat(mc.stockoutDayQuantile(1)).isEqualTo(dayOrNever(stockout[250]));
		assertThat(mc.stockoutDayQuantile(2)).isEqualTo(dayOrNever(stockout[450]));
		assertThat(mc.meanTotalUnmet()).isCloseTo(Arrays.stream(unmet).sum() / trials, offset(1e-9));
	}

	private static int dayOrNever(int day) {
		return (day == Integer.MAX_VALUE) ? MonteCarlo.NO_STOCKOUT : day;
	}

	/** Example A with demand deviation {@code salesStd}: 20 units, 4 sold a day, 10 days. */
	private static Products exampleA(double salesStd, int frequency) {
		return Products.builder().add("A", JAN_1_2024, 20, 4, 0, 10, frequency).salesStd(salesStd)
			.orderTerms(ORDER_UP_TO).build();
	}

}
