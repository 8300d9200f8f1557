package com.stockcast.history;

import com.stockcast.intake.SalesHistory;
import com.stockcast.intake.SalesRates;

/**
 * A sales history as the product list reads it: each product's mean daily sales and their
 * standard deviation, by the same arithmetic as {@code POST /sales-statistics}, and its weekday profile.
 */
public final class HistoryRates implements SalesRates {

	private final SalesHistory history;

	private final SalesStatistics statistics = new SalesStatistics();

	private int lastSku = -1;

	private SkuStatistics last;

	private WeekdayProfiles profiles;

	private HistoryRates(SalesHistory history) {
		this.history = history;
	}

	/** The rates of {@code history}, for one reader on one thread. */
	public static SalesRates of(SalesHistory history) {
		return new HistoryRates(history);
	}

	@Override
	public double mean(String productId) {
		SkuStatistics of = statisticsOf(productId);
		return (of == null) ? Double.NaN : of.mean();
	}

	@Override
	public double std(String productId) {
		SkuStatistics of = statisticsOf(productId);
		return (of == null) ? Double.NaN : of.std();
	}

	@Override
	public double[] weekdayProfile(String productId) {
		// Learnt on first use: a forecast without demand_profile=weekday never pays for the pass over the history.
		if (this.profiles == null) {
			this.profiles = WeekdayProfiles.of(this.history);
		}
		int sku = (productId == null) ? -1 : this.history.indexOf(productId);
		return (sku < 0) ? this.profiles.portfolio() : this.profiles.of(sku);
	}

	/** The product's statistics; the last ones are kept, as a row asks for its mean and then its deviation. */
	private SkuStatistics statisticsOf(String productId) {
		int sku = this.history.indexOf(productId);
		if (sku < 0) {
			return null;
		}
		if (sku != this.lastSku) {
			this.last = this.statistics.compute(this.history, sku, SalesStatistics.DEFAULT_TREND_DAYS);
			this.lastSku = sku;
		}
		return this.last;
	}

}
