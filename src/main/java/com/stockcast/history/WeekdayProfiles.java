package com.stockcast.history;

import java.util.Arrays;

import com.stockcast.intake.SalesHistory;
import com.stockcast.simulation.Products;

/**
 * Weekday demand profiles learnt from a sales history (docs/forecast-contract.md#weekday-profile):
 * seven multipliers per product, Monday first, that average 1.
 *
 * <ul>
 * <li><b>Portfolio.</b> Weekday {@code w}'s multiplier is the mean units of all products' days on
 * {@code w} over the mean units of all their days (pooled, so the big sellers weigh most, as they do in
 * the units the forecast plans); a weekday the history never shows takes 1; then renormalised.</li>
 * <li><b>Product.</b> Its raw multiplier of {@code w} is its mean units on {@code w} over its mean units
 * on all its days. With {@code n_w} days of the product on {@code w} (its weeks of history there), the
 * multiplier is shrunk toward the portfolio's: {@code (n_w raw_w + k portfolio_w) / (n_w + k)},
 * {@code k = }{@value #PRIOR_WEEKS}, then renormalised to average 1. A product without a day on {@code w}
 * takes the portfolio's there; a product that never sold takes the portfolio's profile whole.</li>
 * </ul>
 *
 * <p>Why {@code k = 4}: the weight {@code n/(n+k)} is the empirical-Bayes one, with {@code k} the ratio of a
 * single week's noise to the spread of true weekday effects between products. A weekday mean over {@code n}
 * weeks of a product selling {@code μ} a day has a relative error of about {@code 1/sqrt(n μ)} (Poisson):
 * for a typical item of a few units a day that is 0.2 to 0.3 at four weeks, the size of the weekday
 * effects themselves (0.1 to 0.5), so four weeks is where the product's own pattern and the portfolio's
 * are worth as much, and half a year (26 weeks) gives the product 87 % of the weight.
 */
final class WeekdayProfiles {

	/** Weeks of a product's own history that weigh as much as the portfolio's profile. */
	static final double PRIOR_WEEKS = 4;

	private final SalesHistory history;

	private final double[] portfolio;

	private WeekdayProfiles(SalesHistory history, double[] portfolio) {
		this.history = history;
		this.portfolio = portfolio;
	}

	static WeekdayProfiles of(SalesHistory history) {
		double[] units = new double[7];
		long[] days = new long[7];
		for (int sku = 0; sku < history.size(); sku++) {
			tally(history, sku, units, days);
		}
		double[] portfolio = new double[7];
		double totalUnits = 0;
		long totalDays = 0;
		for (int w = 0; w < 7; w++) {
			totalUnits += units[w];
			totalDays += days[w];
		}
		double overall = (totalDays == 0) ? 0 : totalUnits / totalDays;
		for (int w = 0; w < 7; w++) {
			portfolio[w] = (days[w] == 0 || overall == 0) ? 1 : (units[w] / days[w]) / overall;
		}
		return new WeekdayProfiles(history, averagingOne(portfolio));
	}

	/** The portfolio's profile, for products the history does not hold. */
	double[] portfolio() {
		return this.portfolio.clone();
	}

	/** The profile of the history's product {@code sku}. */
	double[] of(int sku) {
		double[] units = new double[7];
		long[] days = new long[7];
		tally(this.history, sku, units, days);
		double totalUnits = 0;
		long totalDays = 0;
		for (int w = 0; w < 7; w++) {
			totalUnits += units[w];
			totalDays += days[w];
		}
		if (totalUnits == 0) {
			return portfolio();
		}
		double overall = totalUnits / totalDays;
		double[] profile = new double[7];
		for (int w = 0; w < 7; w++) {
			double raw = (days[w] == 0) ? 0 : (units[w] / days[w]) / overall;
			profile[w] = (days[w] * raw + PRIOR_WEEKS * this.portfolio[w]) / (days[w] + PRIOR_WEEKS);
		}
		return averagingOne(profile);
	}

	private static void tally(SalesHistory history, int sku, double[] units, long[] days) {
		int[] dayArray = history.dayArray(sku);
		double[] unitArray = history.unitArray(sku);
		for (int j = 0; j < history.days(sku); j++) {
			int w = Products.weekday(dayArray[j]);
			units[w] += unitArray[j];
			days[w]++;
		}
	}

	/** {@code profile} divided by its mean, so the seven average 1 (a week's demand stays 7 x sales_rate). */
	private static double[] averagingOne(double[] profile) {
		double mean = Arrays.stream(profile).sum() / 7;
		for (int w = 0; w < 7; w++) {
			profile[w] /= mean;
		}
		return profile;
	}

}
