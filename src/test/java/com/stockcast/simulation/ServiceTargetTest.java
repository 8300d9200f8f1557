package com.stockcast.simulation;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.stockcast.simulation.ServiceTarget.Measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Safety stock from a target (docs/forecast-contract.md#safety-stock-from-a-target): the formulas against
 * published worked examples, the contract's own example, and the cycle service level the computed safety
 * stock achieves when an order-up-to policy is simulated day by day with random normal demand.
 */
class ServiceTargetTest {

	private static ServiceTarget serviceLevel(double level, double leadTimeStd) {
		return new ServiceTarget(Measure.SERVICE_LEVEL, level, leadTimeStd);
	}

	private static ServiceTarget fillRate(double level) {
		return new ServiceTarget(Measure.FILL_RATE, level, 0);
	}

	@Test
	void protectionIsTheLeadTimePlusTheReviewPeriodLessTheReviewDay() {
		assertThat(ServiceTarget.protectionDays(2, 1)).isEqualTo(2);
		assertThat(ServiceTarget.protectionDays(2, 3)).isEqualTo(4);
		assertThat(ServiceTarget.protectionDays(0, 1)).isZero();
	}

	/**
	 * Chopra and Meindl, "Supply Chain Management: Strategy, Planning, and Operation", ch. 12 (safety
	 * inventory), the Lego boxes at a Wal-Mart store: weekly demand mean 2,500, deviation 500, lead time
	 * 2 weeks, continuous review, CSL 90%: sigma_L = sqrt(2) x 500 = 707, ss = NORMSINV(0.9) x 707 = 906,
	 * reorder point 5,000 + 906 = 5,906. A week is a day here; continuous review is review every day.
	 */
	@Test
	void cycleServiceLevelMatchesChopraMeindlsLegoExample() {
		int protection = ServiceTarget.protectionDays(2, 1);
		ServiceTarget target = serviceLevel(0.9, 0);
		double sigma = target.protectionStd(2500, 500, protection);
		assertThat(sigma).isCloseTo(707.1, within(0.05));
		double safetyStock = target.safetyStock(sigma, Double.NaN);
		assertThat(safetyStock).isCloseTo(906, within(0.5));
		assertThat(2500 * protection + safetyStock).isCloseTo(5906, within(0.5));
	}

	/**
	 * Chopra and Meindl, ch. 12, the Dell PCs with an uncertain lead time: daily demand mean 1,000,
	 * deviation 300, lead time mean 7 days, deviation 7 days, CSL 90%:
	 * sigma_L = sqrt(7 x 300^2 + 1000^2 x 7^2) = 7,045, ss = NORMSINV(0.9) x 7,045 = 9,029 (the book
	 * rounds sigma_L first; unrounded it is 9,028.3).
	 */
	@Test
	void leadTimeDeviationMatchesChopraMeindlsDellExample() {
		ServiceTarget target = serviceLevel(0.9, 7);
		double sigma = target.protectionStd(1000, 300, ServiceTarget.protectionDays(7, 1));
		assertThat(sigma).isCloseTo(7045, within(0.5));
		assertThat(target.safetyStock(sigma, Double.NaN)).isCloseTo(9029, within(1.0));
	}

	/**
	 * Chopra and Meindl, ch. 12, the Lego boxes again with a fill rate: lot size Q = 10,000, sigma_L = 707.
	 * With ss = 1,000 the expected shortage per cycle is ESC = 25.13 and the fill rate
	 * 1 - 25.13 / 10,000 = 0.9975; for a desired fill rate of 0.975, ESC = 250 and Goal Seek gives ss = 67.
	 */
	@Test
	void fillRateMatchesChopraMeindlsLegoExamples() {
		double sigma = Math.sqrt(2) * 500;
		assertThat(sigma * ServiceTarget.loss(1000 / sigma)).isCloseTo(25.13, within(0.005));
		assertThat(fillRate(0.975).safetyStock(sigma, 10_000)).isCloseTo(67, within(0.5));
		// The loss function's own values: G(0) = phi(0) = 0.3989; G(1) = 0.0833 (as tabulated in the texts' unit normal loss tables).
		assertThat(ServiceTarget.loss(0)).isCloseTo(0.3989, within(0.00005));
		assertThat(ServiceTarget.loss(1)).isCloseTo(0.0833, within(0.00005));
	}

	/** docs/forecast-contract.md#safety-stock-from-a-target: d 10, sigma 3, L 2, R 3, 95%. */
	@Test
	void theContractsHandWorkedExample() {
		int protection = ServiceTarget.protectionDays(2, 3);
		ServiceTarget target = serviceLevel(0.95, 0);
		double sigma = target.protectionStd(10, 3, protection);
		assertThat(sigma).isEqualTo(6);
		assertThat(target.safetyStock(sigma, Double.NaN)).isCloseTo(9.869, within(0.0005));
	}

	@Test
	void noUncertaintyNeedsNoSafetyStockAndALowTargetNone() {
		assertThat(serviceLevel(0.99, 0).safetyStock(serviceLevel(0.99, 0).protectionStd(10, 0, 4), Double.NaN))
			.isZero();
		assertThat(serviceLevel(0.3, 0).safetyStock(6, Double.NaN)).isZero();
		assertThat(serviceLevel(0.5, 0).safetyStock(6, Double.NaN)).isZero();
		// A fill rate the cycle's demand already meets without safety stock: G(z) = 0.4 x 30 / 6 = 2 > G(0).
		assertThat(fillRate(0.6).safetyStock(6, 30)).isZero();
		// No demand to fill.
		assertThat(fillRate(0.99).safetyStock(6, 0)).isZero();
	}

	@Test
	void aHigherTargetNeverLowersTheSafetyStock() {
		double previous = 0;
		for (double level = 0.5; level < 0.9999; level += 0.0137) {
			double stock = fillRate(level).safetyStock(6, 40);
			assertThat(stock).isGreaterThanOrEqualTo(previous);
			previous = stock;
		}
	}

	/**
	 * Brute force: an order-up-to policy (review every R days at the end of the day, orders up to
	 * S = d x P + SS in inventory position, received at step 3 of day d + L) simulated day by day with
	 * normal demand over 200,000 replenishment cycles. A cycle is the window an order protects, days
	 * d + L to d + R + L - 1 (the contract's window); it is out of stock when any of its days ends at or
	 * below zero. The share of cycles without a stockout lands within 3 standard errors of the target
	 * (sqrt(a (1 - a) / n): 0.0020 at 90%, 0.0015 at 95%). The seed is fixed: the test cannot flake.
	 */
	@Test
	void theComputedSafetyStockAchievesTheCycleServiceLevelInASimulation() {
		for (double alpha : new double[] { 0.9, 0.95 }) {
			double achieved = simulatedCycleServiceLevel(alpha, 20, 5, 3, 4, 200_000, 17);
			double standardError = Math.sqrt(alpha * (1 - alpha) / 200_000);
			assertThat(achieved).as("alpha " + alpha).isCloseTo(alpha, within(3 * standardError));
		}
	}

	/**
	 * Brute force for the fill rate: the same order-up-to policy with the safety stock for beta (Q = d x R),
	 * over 2,000,000 days. As the contract judges a stockout on the day's final level, a day's demand is
	 * short by what that final level still owes of it (the backlog is filled oldest first). The achieved
	 * fill rate lands within a tenth of the gap to 1 of the target (0.005 at 95%, 0.002 at 98%; seed 23
	 * gives 0.94999 and 0.98001).
	 */
	@Test
	void theComputedSafetyStockAchievesTheFillRateInASimulation() {
		for (double beta : new double[] { 0.95, 0.98 }) {
			double achieved = simulatedFillRate(beta, 20, 5, 3, 4, 2_000_000, 23);
			assertThat(achieved).as("beta " + beta).isCloseTo(beta, within(0.1 * (1 - beta)));
		}
	}

	private static double simulatedFillRate(double beta, double rate, double std, int lead, int review, int days,
			long seed) {
		int protection = ServiceTarget.protectionDays(lead, review);
		ServiceTarget target = fillRate(beta);
		double orderUpTo = rate * protection
				+ target.safetyStock(target.protectionStd(rate, std, protection), rate * review);
		SplittableRandom random = new SplittableRandom(seed);
		double[] arriving = new double[days + lead + 1];
		double level = orderUpTo;
		double onOrder = 0;
		double demand = 0;
		double shortage = 0;
		for (int day = 0; day < days; day++) {
			double d = Math.max(0, rate + std * random.nextGaussian());
			level -= d;
			level += arriving[day];
			onOrder -= arriving[day];
			if (day >= 1000) {
				demand += d;
				// Backlog is filled oldest first: of today's demand, what the day's final level still owes.
				shortage += Math.min(d, Math.max(0, -level));
			}
			if (day % review == 0) {
				double order = Math.max(0, orderUpTo - (level + onOrder));
				arriving[day + lead] += order;
				onOrder += order;
			}
		}
		return 1 - shortage / demand;
	}

	/** The share of {@code cycles} order-up-to cycles without a stockout. */
	private static double simulatedCycleServiceLevel(double alpha, double rate, double std, int lead, int review,
			int cycles, long seed) {
		int protection = ServiceTarget.protectionDays(lead, review);
		ServiceTarget target = serviceLevel(alpha, 0);
		double orderUpTo = rate * protection + target.safetyStock(target.protectionStd(rate, std, protection), 0);
		SplittableRandom random = new SplittableRandom(seed);
		int warmUp = 10;
		int days = (cycles + warmUp) * review + lead;
		double[] arriving = new double[days + lead + 1];
		double level = orderUpTo;
		double onOrder = 0;
		int counted = 0;
		int withoutStockout = 0;
		// Cycle c's order is placed on day c x R; its window ends on day c x R + R + L - 1.
		boolean windowShort = false;
		for (int day = 0; day < days; day++) {
			level -= rate + std * random.nextGaussian();
			level += arriving[day];
			onOrder -= arriving[day];
			int sinceOrder = day - lead;
			if (sinceOrder >= 0 && level <= 0) {
				windowShort = true;
			}
			// The last day of the window of the order placed R + L - 1 days ago.
			if (sinceOrder >= 0 && (sinceOrder + 1) % review == 0) {
				int cycle = (sinceOrder + 1) / review - 1;
				if (cycle >= warmUp && counted < cycles) {
					counted++;
					if (!windowShort) {
						withoutStockout++;
					}
				}
				windowShort = false;
			}
			if (day % review == 0) {
				double order = Math.max(0, orderUpTo - (level + onOrder));
				if (lead == 0) {
					level += order;
				}
				else {
					arriving[day + lead] += order;
					onOrder += order;
				}
			}
		}
		assertThat(counted).isEqualTo(cycles);
		return (double) withoutStockout / counted;
	}

	/**
	 * Brute force for the reorder level (docs/forecast-contract.md#the-undershoot-below-the-reorder-point)
	 * where the Monte Carlo trials cannot check it, as they receive a fixed plan there: the reorder point
	 * with a review period and min-max (the daily-reviewed reorder point: {@code MonteCarloAchievedTest}), reviewed at the end of every R-th day and reacting to their own
	 * demand, simulated day by day with normal demand (20 a day, deviation 5) over 100,000 cycles of the
	 * contract's kind (arrival to the eve of the next). The achieved cycle service level lands within 3
	 * standard errors of the target (0.0028 at 90%, 0.0021 at 95%), the fill rate within a tenth of its gap
	 * to 1. The seed is fixed: the test cannot flake.
	 */
	@Test
	void theReorderLevelAchievesItsTargetUnderAReviewPeriodAndForMinMax() {
		for (int[] leadReview : new int[][] { { 3, 2 }, { 7, 3 }, { 2, 1 } }) {
			for (double alpha : new double[] { 0.9, 0.95 }) {
				double standardError = Math.sqrt(alpha * (1 - alpha) / 100_000);
				for (boolean minMax : new boolean[] { false, true }) {
					double[] achieved = simulatedTriggerPolicy(serviceLevel(alpha, 0), minMax, leadReview[0],
							leadReview[1], 100_000, 31);
					expectAchieved(achieved[0], alpha, 3 * standardError, minMax && leadReview[1] > 1,
							"alpha %s L %d R %d min-max %s", alpha, leadReview[0], leadReview[1], minMax);
				}
			}
			for (double beta : new double[] { 0.98, 0.995 }) {
				for (boolean minMax : new boolean[] { false, true }) {
					double[] achieved = simulatedTriggerPolicy(fillRate(beta), minMax, leadReview[0], leadReview[1],
							100_000, 37);
					expectAchieved(achieved[1], beta, 0.1 * (1 - beta), minMax,
							"beta %s L %d R %d min-max %s", beta, leadReview[0], leadReview[1], minMax);
				}
			}
		}
	}

	/**
	 * Within {@code tolerance} of the target; or, where the contract says the level over-protects, at or above
	 * the target and by no more than 0.04: min-max reviewed every R > 1 days (its position restarts from max
	 * at each order, and over the few periods from max down to min the undershoot does not spread as the
	 * equilibrium law has it: 0.916 and 0.937 for 0.90), and min-max's fill rate (its orders exceed the
	 * expected order Q the fill rate is solved with by the undershoot: 0.9822 for 0.98).
	 */
	private static void expectAchieved(double achieved, double target, double tolerance, boolean overProtects,
			String description, Object... arguments) {
		if (overProtects) {
			assertThat(achieved).as(description, arguments).isBetween(target, target + 0.04);
		}
		else {
			assertThat(achieved).as(description, arguments).isCloseTo(target, within(tolerance));
		}
	}

	/**
	 * {cycle service level, fill rate} of the reorder point (lots of 150) or min-max (max 150 above the
	 * drain over P), its level computed from {@code target}, over {@code cycles} cycles after a warm-up.
	 */
	private static double[] simulatedTriggerPolicy(ServiceTarget target, boolean minMax, int lead, int review,
			int cycles, long seed) {
		double rate = 20;
		double std = 5;
		int protection = ServiceTarget.protectionDays(lead, review);
		double maxLevel = rate * protection + 150;
		double quantity = minMax ? maxLevel - rate * protection : 150;
		double reorderLevel = target.reorderLevel(rate, std, lead, review, quantity);
		SplittableRandom random = new SplittableRandom(seed);
		int warmUp = 20;
		double[] arriving = new double[64];
		double level = reorderLevel + quantity;
		double onOrder = 0;
		int arrivals = 0;
		int counted = 0;
		int withoutStockout = 0;
		boolean cycleShort = false;
		double demand = 0;
		double shortage = 0;
		for (int day = 0; counted < cycles; day++) {
			double d = Math.max(0, rate + std * random.nextGaussian());
			level -= d;
			double received = arriving[day % 64];
			arriving[day % 64] = 0;
			level += received;
			onOrder -= received;
			if (received > 0) {
				// A cycle ends on the eve of an arrival: count the one that just ended.
				if (arrivals > warmUp) {
					counted++;
					withoutStockout += cycleShort ? 0 : 1;
				}
				arrivals++;
				cycleShort = false;
			}
			cycleShort |= level <= 0;
			if (arrivals > warmUp) {
				demand += d;
				shortage += Math.min(d, Math.max(0, -level));
			}
			double position = level + onOrder;
			if (day % review == 0 && position <= reorderLevel) {
				double order = minMax ? maxLevel - position
						: OrderReview.lotsToOrder(position, reorderLevel, quantity) * quantity;
				arriving[(day + lead) % 64] += order;
				onOrder += order;
			}
		}
		return new double[] { (double) withoutStockout / counted, 1 - shortage / demand };
	}

}
