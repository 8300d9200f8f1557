package com.stockcast.simulation;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The reorder level s that meets a {@link ServiceTarget} for a policy whose order is triggered by the
 * position falling to s (reorder-point and min-max), allowing for the undershoot
 * (docs/forecast-contract.md#the-undershoot-below-the-reorder-point).
 *
 * <p>Why not {@code D x P + z sigma_P}: the position is reviewed at the end of a review day, after that
 * day's demand. A cycle ends at the next order's arrival, and its last day's level is the position of
 * the review before the order, which was above s, less the demand from then to the arrival's eve: the
 * review period that crossed s, then {@code L - 1} days. So the risk is {@code U + X}: U, how far the
 * crossing period's demand took the position below s, and X, the demand of the {@code L - 1} days
 * after it (with the lead time's own deviation). The classic formula counts U as a whole period's demand
 * in the mean and its deviation, so under daily review it over-protects (0.97 achieved against 0.90).
 *
 * <p>U follows renewal theory's equilibrium law of the period demand Y (mean m, deviation sigma_R): density
 * {@code P(Y > u) / m} for u at least 0, mean {@code (m^2 + sigma_R^2) / 2m} (Silver, Pyke and Thomas,
 * "Inventory and Production Management in Supply Chains", 4th ed., the undershoot of (R, s, S) and
 * (s, Q) systems; Ross, "Stochastic Processes", the equilibrium distribution). With Y and X normal the
 * law of {@code U + X} has closed forms through {@code Psi(x) = x Phi(x) + phi(x)}, the integral of Phi,
 * and {@code Psi2}, the integral of Psi; writing {@code h(sigma, y) = sigma Psi(y / sigma)} and
 * {@code h2(sigma, y) = sigma^2 Psi2(y / sigma)}, mu and sigma_X for X's mean and deviation and
 * {@code sigma_T^2 = sigma_X^2 + sigma_R^2}:
 * <ul>
 * <li>{@code P(U + X <= s) = [h(sigma_X, s - mu) - h(sigma_T, s - mu - m)] / m};</li>
 * <li>{@code E[(U + X - s)+] = [h2(sigma_T, mu + m - s) - h2(sigma_X, mu - s)] / m}.</li>
 * </ul>
 * Each follows from averaging the normal X's figure over u in [0, Y] and then over the normal Y, as
 * {@code E[Psi(a + bZ)] = sqrt(1 + b^2) Psi(a / sqrt(1 + b^2))} for a standard normal Z. When the lead time
 * varies, X's days are those of the lead time drawn, so both are mixed over the whole days the Monte Carlo
 * trials draw ({@link LeadTime}: the rounded normal, clamped at 0), each with its probability, rather than
 * approximated by adding {@code D^2 sigma_L^2} to X's variance (which under-protects by a point at
 * sigma_L 1: the lead time moves X in whole days of demand). s solves the first for the cycle service
 * level, and the shortage of a cycle, {@code E[(U+X-s)+] - E[(U+X-s-Q)+]}, equal to
 * {@code (1 - fill rate) x Q}, for the fill rate; by Newton's steps kept inside a bracket, both moving
 * monotonically with s.
 */
final class ReorderLevel {

	private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

	/** Steps at most; 60 halvings alone narrow any bracket of doubles to adjacent values. */
	private static final int STEPS = 200;

	/** The equilibrium undershoot's law is that of a period demand (mean, deviation). */
	private final double periodMean;

	private final double periodStd;

	/** Per lead time the trials may draw: its probability, and X's mean and deviation, and U + X's. */
	private final double[] weights;

	private final double[] afterMeans;

	private final double[] afterStds;

	private final double[] totalStds;

	private ReorderLevel(double drain, double demandStd, int reviewPeriodDays, int leadTimeDays, double leadTimeStd) {
		this.periodMean = drain * reviewPeriodDays;
		this.periodStd = demandStd * Math.sqrt(reviewPeriodDays);
		// The lead times LeadTime draws: L + sigma_L Z rounded half up, clamped at 0; 7 deviations each way
		// (beyond, a lead time's probability is below 1e-11, and its term changes no figure of the answer).
		int spread = (int) Math.ceil(7 * leadTimeStd);
		int first = Math.max(0, leadTimeDays - spread);
		int count = leadTimeDays + spread - first + 1;
		this.weights = new double[count];
		this.afterMeans = new double[count];
		this.afterStds = new double[count];
		this.totalStds = new double[count];
		for (int j = 0; j < count; j++) {
			int lead = first + j;
			this.weights[j] = (leadTimeStd == 0) ? 1 : roundedNormal(lead, leadTimeDays, leadTimeStd);
			int after = Math.max(lead - 1, 0);
			this.afterMeans[j] = drain * after;
			this.afterStds[j] = demandStd * Math.sqrt(after);
			this.totalStds[j] = Math.hypot(this.afterStds[j], this.periodStd);
		}
	}

	/** {@code P(max(0, round(L + sigma Z)) = lead)}, rounding half up as {@link Math#round} does. */
	private static double roundedNormal(int lead, int mean, double std) {
		double below = (lead == 0) ? 0 : STANDARD.cumulativeProbability((lead - 0.5 - mean) / std);
		return STANDARD.cumulativeProbability((lead + 0.5 - mean) / std) - below;
	}

	/**
	 * The reorder level for {@code target}, or NaN where the undershoot model does not hold (then the
	 * classic formula applies): no demand deviation (the crossing point is then fixed by where the position
	 * started, not spread over the period: the classic figure covers the largest undershoot), a level that
	 * does not drain, or an order no larger than a review period's demand (an order at nearly every review
	 * leaves no undershoot to speak of: the policy then works like order-up-to, whose window the classic
	 * figure protects).
	 * @param drain D, the units the level loses a day on average
	 * @param demandStd sigma_d, a day's demand deviation
	 * @param cycleDemand Q, the expected order
	 */
	static double of(ServiceTarget target, double drain, double demandStd, int leadTimeDays, int reviewPeriodDays,
			double cycleDemand) {
		if (!(demandStd > 0) || !(drain > 0) || !(cycleDemand > drain * reviewPeriodDays)) {
			return Double.NaN;
		}
		ReorderLevel level = new ReorderLevel(drain, demandStd, reviewPeriodDays, leadTimeDays,
				target.leadTimeStdDays());
		return (target.measure() == ServiceTarget.Measure.SERVICE_LEVEL) ? level.forCycleServiceLevel(target.level())
				: level.forFillRate(target.level(), cycleDemand);
	}

	/** {@code E[U + X]}: no level below it is asked for, as the classic safety stock is never below 0. */
	double meanRisk() {
		double undershoot = undershootMean();
		double mean = 0;
		for (int j = 0; j < this.weights.length; j++) {
			mean += this.weights[j] * (this.afterMeans[j] + undershoot);
		}
		return mean;
	}

	/** {@code E[U] = E[Y^2] / 2m = (m^2 + sigma_R^2) / 2m}, the equilibrium law's mean. */
	private double undershootMean() {
		return (this.periodMean * this.periodMean + this.periodStd * this.periodStd) / (2 * this.periodMean);
	}

	/** {@code P(U + X <= s)}: the share of cycles without a stockout at reorder level s. */
	double noStockout(double s) {
		double p = 0;
		for (int j = 0; j < this.weights.length; j++) {
			double y = s - this.afterMeans[j];
			p += this.weights[j] * (h(this.afterStds[j], y) - h(this.totalStds[j], y - this.periodMean));
		}
		return p / this.periodMean;
	}

	/** The density of {@code U + X} at s, the derivative of {@link #noStockout}. */
	private double density(double s) {
		double f = 0;
		for (int j = 0; j < this.weights.length; j++) {
			double y = s - this.afterMeans[j];
			f += this.weights[j] * (phi(this.afterStds[j], y) - phi(this.totalStds[j], y - this.periodMean));
		}
		return f / this.periodMean;
	}

	/** {@code E[(U + X - s)+]}: the units a cycle ends short at reorder level s, backlog carried in included. */
	double endShort(double s) {
		double b = 0;
		for (int j = 0; j < this.weights.length; j++) {
			double y = this.afterMeans[j] - s;
			b += this.weights[j] * (h2(this.totalStds[j], y + this.periodMean) - h2(this.afterStds[j], y));
		}
		return b / this.periodMean;
	}

	private double forCycleServiceLevel(double level) {
		return solve(s -> noStockout(s) - level, this::density,
				meanRisk() + STANDARD.inverseCumulativeProbability(level) * riskStd());
	}

	/**
	 * A cycle's shortage is what it ends short less the backlog it began with, the previous cycle's shortfall
	 * beyond its order: {@code E[(U+X-s)+] - E[(U+X-s-Q)+]}; its slope in s is {@code F(s) - F(s + Q)}.
	 */
	private double forFillRate(double level, double quantity) {
		double shortage = (1 - level) * quantity;
		double sigma = riskStd();
		return solve(s -> endShort(s) - endShort(s + quantity) - shortage,
				s -> noStockout(s) - noStockout(s + quantity), meanRisk() + ServiceTarget.fillRateFactor(shortage / sigma) * sigma);
	}

	/**
	 * The deviation of {@code U + X}: U's from its second and third moments, {@code E[U^2] = E[Y^3] / 3m}, and X's
	 * over the lead times drawn. With {@link #meanRisk} it gives the normal approximation the root is sought
	 * from, which is within a few units of it.
	 */
	private double riskStd() {
		double m = this.periodMean;
		double v = this.periodStd * this.periodStd;
		double undershootMean = undershootMean();
		double undershootVariance = (m * m * m + 3 * m * v) / (3 * m) - undershootMean * undershootMean;
		double mean = 0;
		double square = 0;
		for (int j = 0; j < this.weights.length; j++) {
			mean += this.weights[j] * this.afterMeans[j];
			square += this.weights[j] * (this.afterStds[j] * this.afterStds[j] + this.afterMeans[j] * this.afterMeans[j]);
		}
		return Math.sqrt(undershootVariance + square - mean * mean);
	}

	/**
	 * The root of {@code g}, monotone, at or above {@link #meanRisk} (below it, the mean: the floor the
	 * contract sets, and where a root would lie in the flat tail), by Newton's steps from {@code guess}, each
	 * kept inside a bracket that every evaluation narrows (a step that would leave it halves it instead).
	 */
	private double solve(DoubleUnaryOperator g, DoubleUnaryOperator slope, double guess) {
		double low = meanRisk();
		double high = low;
		for (int j = 0; j < this.weights.length; j++) {
			high = Math.max(high, this.afterMeans[j] + this.periodMean + 12 * this.totalStds[j]);
		}
		double atLow = g.applyAsDouble(low);
		boolean rising = g.applyAsDouble(high) > atLow;
		if (atLow == 0 || (atLow > 0) == rising) {
			return low;
		}
		double s = (guess > low && guess < high) ? guess : 0.5 * (low + high);
		for (int i = 0; i < STEPS && Math.nextUp(low) < high; i++) {
			double value = g.applyAsDouble(s);
			if (value == 0) {
				return s;
			}
			if ((value < 0) == rising) {
				low = s;
			}
			else {
				high = s;
			}
			double next = s - value / slope.applyAsDouble(s);
			if (!(next > low && next < high)) {
				next = 0.5 * (low + high);
			}
			if (Math.abs(next - s) <= 1e-9 * Math.max(1, Math.abs(s))) {
				return next;
			}
			s = next;
		}
		return s;
	}

	/** {@code sigma Psi(y / sigma)}, and its limit {@code max(y, 0)} for sigma 0. */
	private static double h(double sigma, double y) {
		if (sigma == 0) {
			return Math.max(y, 0);
		}
		double x = y / sigma;
		return sigma * (x * STANDARD.cumulativeProbability(x) + STANDARD.density(x));
	}

	/** {@code Phi(y / sigma)}, the derivative of {@link #h} in y; a step for sigma 0. */
	private static double phi(double sigma, double y) {
		return (sigma == 0) ? ((y > 0) ? 1 : 0) : STANDARD.cumulativeProbability(y / sigma);
	}

	/** {@code sigma^2 Psi2(y / sigma)}, {@code Psi2(x) = ((x^2 + 1) Phi(x) + x phi(x)) / 2}; for sigma 0, {@code max(y, 0)^2 / 2}. */
	private static double h2(double sigma, double y) {
		if (sigma == 0) {
			double positive = Math.max(y, 0);
			return 0.5 * positive * positive;
		}
		double x = y / sigma;
		return 0.5 * sigma * sigma * ((x * x + 1) * STANDARD.cumulativeProbability(x) + x * STANDARD.density(x));
	}

}
