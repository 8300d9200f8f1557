package com.stockcast.intake;

/**
 * Daily sales rates learnt from a product's sales history, for products whose rows give no
 * {@code sales_rate}: the history's mean, and its standard deviation for the probabilistic forecast.
 */
public interface SalesRates {

	/** The mean units a day of {@code productId}'s history; NaN when the history has no day of it. */
	double mean(String productId);

	/** The sample standard deviation of a day's units; NaN when the history has fewer than two days. */
	double std(String productId);

	/**
	 * The product's weekday profile, seven multipliers Monday first averaging 1
	 * (docs/forecast-contract.md#weekday-profile); the portfolio's when the history does not hold it.
	 */
	double[] weekdayProfile(String productId);

}
