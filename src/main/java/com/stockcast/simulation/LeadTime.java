package com.stockcast.simulation;

/**
 * The lead time a Monte Carlo trial draws for one order when the product's lead time varies
 * (docs/forecast-contract.md#lead-times-that-vary): {@code L + σ_L Z} rounded to the nearest whole day
 * (halves up) and clamped to {@code [0, max]}, {@code Z} standard normal from the trial's lead-time
 * stream. A discretized normal because days are whole here, the planning formula of
 * {@link ServiceTarget} assumes a normal lead time of that mean and deviation, and {@link RandomStream}
 * already draws normals exactly (no sampler library needed for it).
 *
 * <p>The rounding adds about 1/12 day² to the variance and the clamp at 0 lifts the mean once
 * {@code σ_L} nears {@code L} (the contract tabulates both); the upper clamp changes no answer, since
 * {@link #longest} is the projection's length or more than 8 deviations past the mean.
 */
final class LeadTime {

	private LeadTime() {
	}

	/**
	 * The longest lead time a trial draws: the projection's {@code days} (an order due later is never
	 * received, whatever its day), or fewer when {@code L + 8σ_L} is shorter, which bounds the arrival
	 * schedule a trial keeps (a normal beyond 8 deviations has probability below 1e-15).
	 */
	static int longest(int lead, double std, int days) {
		return (int) Math.min(days, lead + Math.ceil(8 * std));
	}

	/** One order's lead time, drawn from {@code random}: one normal deviate (one or more numbers). */
	static int draw(RandomStream random, int lead, double std, int longest) {
		long days = Math.round(lead + std * random.nextGaussian());
		return (int) ((days < 0) ? 0 : (days > longest) ? longest : days);
	}

}
