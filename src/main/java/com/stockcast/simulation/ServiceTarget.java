package com.stockcast.simulation;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A product's target for the protection its order policy carries, in place of a safety stock typed in
 * by hand (docs/forecast-contract.md#safety-stock-from-a-target): a cycle service level (the
 * probability of no stockout in a replenishment cycle) or a fill rate (the share of demand met from
 * stock), and the standard deviation of the lead time in days. The safety stock follows with the
 * standard normal approximations of Silver, Pyke and Thomas ("Inventory and Production Management in
 * Supply Chains", 4th ed., ch. 6 and 7) and Chopra and Meindl ("Supply Chain Management", ch. 12).
 *
 * @param measure which of the two {@code level} is
 * @param level strictly between 0 and 1
 * @param leadTimeStdDays at least 0
 */
public record ServiceTarget(Measure measure, double level, double leadTimeStdDays) {

	/** The two targets, named as their columns. */
	public enum Measure {

		SERVICE_LEVEL, FILL_RATE;

		/** The column that gives it. */
		public String column() {
			return (this == SERVICE_LEVEL) ? "service_level" : "fill_rate";
		}

	}

	private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

	/** Beyond this safety factor no shortage is left to a double: Phi(10) is 1 - 7.6e-24. */
	private static final double HIGHEST_FACTOR = 10;

	/**
	 * The days of demand the protective level must cover: {@code L + R - 1}. An order placed at the end
	 * of review day {@code d} is the last chance before the next one, placed on {@code d + R} and received
	 * at step 3 of {@code d + R + L}, before that day's stockout is judged; so the position the review leaves
	 * must last through the end of day {@code d + R + L - 1}, that is the demand of days {@code d + 1} to
	 * {@code d + R + L - 1}. With daily review this is the classic {@code L} of continuous review; the
	 * texts' {@code R + L} for periodic review counts the review day's own demand, which here is already
	 * sold when the order is placed.
	 */
	public static int protectionDays(int leadTimeDays, int reviewPeriodDays) {
		return leadTimeDays + reviewPeriodDays - 1;
	}

	/**
	 * The standard deviation of the demand over the protection interval, {@code sqrt(P sd^2 + d^2 sL^2)}:
	 * the days' independent demands plus the lead time's own uncertainty, which moves the whole drain.
	 * @param drain the units the level loses a day on average ({@code sales_rate - restocking_rate})
	 * @param demandStd the standard deviation of a day's demand ({@code sales_std})
	 */
	public double protectionStd(double drain, double demandStd, int protectionDays) {
		return Math.sqrt(protectionDays * demandStd * demandStd
				+ drain * drain * this.leadTimeStdDays * this.leadTimeStdDays);
	}

	/**
	 * The safety stock that meets this target: {@code z x sigmaP}, never below 0 (a target lower than no
	 * safety stock achieves asks for none: the service does not plan to run short on purpose). For a cycle
	 * service level {@code z = Phi^-1(level)}; for a fill rate {@code z} solves
	 * {@code G(z) = (1 - level) x cycleDemand / sigmaP}, {@code G} the standard normal loss function. With
	 * {@code sigmaP = 0} nothing is uncertain and the safety stock is 0.
	 * @param sigmaP the demand's standard deviation over the protection interval ({@link #protectionStd})
	 * @param cycleDemand the demand of one replenishment cycle, the fill rate's denominator (the expected
	 * order size); not used for a cycle service level
	 */
	public double safetyStock(double sigmaP, double cycleDemand) {
		if (sigmaP == 0) {
			return 0;
		}
		double z = (this.measure == Measure.SERVICE_LEVEL) ? STANDARD.inverseCumulativeProbability(this.level)
				: fillRateFactor((1 - this.level) * cycleDemand / sigmaP);
		return (z > 0) ? z * sigmaP : 0;
	}

	/**
	 * The reorder level of a policy whose order is triggered by the position falling to it (reorder-point,
	 * and min-max's min): the level that meets this target allowing for the undershoot below it
	 * ({@link ReorderLevel}), or, where that model does not hold, the classic {@code D x P + SS}.
	 * @param drain the units the level loses a day on average
	 * @param demandStd the standard deviation of a day's demand
	 * @param cycleDemand the expected order
	 */
	public double reorderLevel(double drain, double demandStd, int leadTimeDays, int reviewPeriodDays,
			double cycleDemand) {
		double level = ReorderLevel.of(this, drain, demandStd, leadTimeDays, reviewPeriodDays, cycleDemand);
		if (!Double.isNaN(level)) {
			return level;
		}
		int protection = protectionDays(leadTimeDays, reviewPeriodDays);
		return drain * protection + safetyStock(protectionStd(drain, demandStd, protection), cycleDemand);
	}

	/**
	 * The standard normal loss function {@code G(z) = phi(z) - z (1 - Phi(z))}: the expected units short
	 * per unit of deviation when the safety factor is {@code z}. The survival function keeps the tail
	 * exact where {@code 1 - Phi(z)} would cancel.
	 */
	static double loss(double z) {
		return STANDARD.density(z) - z * STANDARD.survivalProbability(z);
	}

	/**
	 * The safety factor {@code z >= 0} with {@code G(z) = shortage}, by bisection: G falls strictly from
	 * {@code G(0) = phi(0)} toward 0, so one root lies in {@code [0, 10]}. A shortage at or above
	 * {@code G(0)} needs no safety stock (0); none at all (no demand to fill) is met by none either.
	 * Sixty halvings narrow the interval to below 1e-17, past a double's resolution near z.
	 */
	static double fillRateFactor(double shortage) {
		if (!(shortage > 0) || shortage >= loss(0)) {
			return 0;
		}
		double low = 0;
		double high = HIGHEST_FACTOR;
		for (int i = 0; i < 60; i++) {
			double middle = 0.5 * (low + high);
			if (loss(middle) > shortage) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return 0.5 * (low + high);
	}

}
