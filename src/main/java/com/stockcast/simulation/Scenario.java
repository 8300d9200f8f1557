package com.stockcast.simulation;

/**
 * The request-level choices of a forecast beyond the product list: the sales policy, and for the
 * probabilistic forecast the demand model, the number of trials, the seed and the quantiles reported.
 *
 * @param policy what happens to demand the stock cannot meet
 * @param demand how a day's demand is drawn
 * @param trials Monte Carlo trials per product; 0 for the deterministic forecast
 * @param seed the seed every product's random stream is derived from (with its position in the input)
 * @param quantiles the quantiles over trials the probabilistic forecast reports
 */
public record Scenario(SalesPolicy policy, Demand demand, int trials, long seed, Quantiles quantiles) {

	/** The default forecast (docs/forecast-contract.md#the-day): backorders, constant demand, no trials. */
	public static final Scenario DEFAULT = new Scenario(SalesPolicy.BACKORDER, Demand.CONSTANT, 0, 0);

	/** A scenario reporting the default quantiles, P10, P50 and P90. */
	public Scenario(SalesPolicy policy, Demand demand, int trials, long seed) {
		this(policy, demand, trials, seed, Quantiles.PERCENTILES);
	}

	/** Whether the answer is the probabilistic one (quantiles over trials). */
	public boolean probabilistic() {
		return this.trials > 0;
	}

}
