package com.stockcast.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.BindParam;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.intake.RequestDefaults;
import com.stockcast.output.View;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.Quantiles;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

/**
 * The query parameters of {@code POST /forecasts}: the view, the scenario (sales policy and the
 * probabilistic forecast's demand model, trials, seed and quantiles), and request-level values for columns
 * every row shares, used where a row leaves them out.
 */
record ForecastOptions(
		@Parameter(description = "rows (default): one row per period; summary: one row per product; "
				+ "totals: one row per date, summed over all products; orders: one row per planned order; "
				+ "exceptions: one row per product that is late or whose first order is due within within_days, "
				+ "sorted by urgency. Orders and exceptions are the deterministic plan's, also with demand or trials "
				+ "(whose trials receive that plan)",
				schema = @Schema(type = "string", allowableValues = { "rows", "summary", "totals", "orders", "exceptions" }, defaultValue = "rows")) String view,
		@Parameter(description = "backorder (default): unmet demand waits and stock may go negative; "
				+ "lost-sales: a day sells at most the stock on hand, the rest is reported as unmet demand",
				schema = @Schema(type = "string", allowableValues = { "backorder", "lost-sales" }, defaultValue = "backorder")) String policy,
		@Parameter(description = "Daily demand for the probabilistic forecast: constant (sales_rate every day), "
				+ "normal (mean sales_rate, deviation sales_std, negative draws sell 0), poisson (mean sales_rate) or "
				+ "negative-binomial (whole units, mean sales_rate, deviation sales_std: sales_std² must be at least "
				+ "sales_rate; equal, it is the Poisson). Any but constant makes the answer probabilistic, with 1000 "
				+ "trials unless trials says otherwise",
				schema = @Schema(type = "string", allowableValues = { "constant", "normal", "poisson", "negative-binomial" }, defaultValue = "constant")) String demand,
		@Parameter(name = "demand_profile", description = "flat (default): every day's demand is sales_rate; weekday: "
				+ "sales_rate times the product's weekday multiplier of the day's date, learnt from the sales history "
				+ "sent as the multipart part history (multipliers averaging 1, shrunk toward the portfolio's profile "
				+ "when the product's history is short; the portfolio's for a product the history lacks). Every "
				+ "forecast and view uses the day's demand so; needs a sales history",
				schema = @Schema(type = "string", allowableValues = { "flat", "weekday" }, defaultValue = "flat")) @BindParam("demand_profile") String demandProfile,
		@Parameter(description = "Monte Carlo trials per product; makes the answer probabilistic (percentiles "
				+ "and stockout probabilities)", schema = @Schema(type = "integer", minimum = "1")) String trials,
		@Parameter(description = "Seed of the random draws (default 0): the same seed gives the same answer "
				+ "whatever the thread count or chunking", schema = @Schema(type = "integer", format = "int64")) String seed,
		@Parameter(description = "Probabilistic forecast: the quantiles over trials to report instead of P10, P50 and P90; "
				+ "1 to " + Quantiles.MAX + " distinct numbers strictly between 0 and 1 with at most " + Quantiles.MAX_DECIMALS
				+ " decimals, comma-separated, reported in ascending order. Their columns are named q and the digits after "
				+ "\"0.\" without trailing zeros, at least two (0.05: inventory_q05, stockout_date_q05, ending_inventory_q05; "
				+ "0.5: _q50; 0.025: _q025)",
				schema = @Schema(type = "string", example = "0.05,0.5,0.95")) String quantiles,
		@Parameter(name = "sell_start_date", description = "Default start date for rows without one", schema = @Schema(type = "string", example = "2024-01-01")) @BindParam("sell_start_date") String sellStartDate,
		@Parameter(name = "initial_inventory", description = "Default stock on hand", schema = @Schema(type = "number")) @BindParam("initial_inventory") String initialInventory,
		@Parameter(name = "sales_rate", description = "Default units sold per day", schema = @Schema(type = "number", minimum = "0")) @BindParam("sales_rate") String salesRate,
		@Parameter(name = "restocking_rate", description = "Default units received per day", schema = @Schema(type = "number", minimum = "0")) @BindParam("restocking_rate") String restockingRate,
		@Parameter(name = "duration_days", description = "Default projection length in days", schema = @Schema(type = "integer", minimum = "1")) @BindParam("duration_days") String durationDays,
		@Parameter(name = "forecast_frequency", description = "Default days per output row", schema = @Schema(type = "integer", minimum = "1")) @BindParam("forecast_frequency") String forecastFrequency,
		@Parameter(name = "sales_std", description = "Default standard deviation of a day's demand (demand=normal or negative-binomial)", schema = @Schema(type = "number", minimum = "0")) @BindParam("sales_std") String salesStd,
		@Parameter(name = "reorder_point", description = "Default reorder point: an order is placed when stock on hand plus on order falls to it", schema = @Schema(type = "number")) @BindParam("reorder_point") String reorderPoint,
		@Parameter(name = "order_quantity", description = "Default units per order (orders are whole multiples of it)", schema = @Schema(type = "number", exclusiveMinimum = true, minimum = "0")) @BindParam("order_quantity") String orderQuantity,
		@Parameter(name = "lead_time_days", description = "Default days from placing an order to receiving it", schema = @Schema(type = "integer", minimum = "0")) @BindParam("lead_time_days") String leadTimeDays,
		@Parameter(name = "order_policy", description = "Default order policy: reorder-point (reorder_point, order_quantity), order-up-to (covers the demand until the next review's order arrives, plus safety_stock) or min-max (reorder_point is the min, max_level the level ordered up to)", schema = @Schema(type = "string", allowableValues = { "reorder-point", "order-up-to", "min-max" })) @BindParam("order_policy") String orderPolicy,
		@Parameter(name = "review_period_days", description = "Default days between order reviews: orders are placed on days 0, R, 2R, ... (default 1)", schema = @Schema(type = "integer", minimum = "1")) @BindParam("review_period_days") String reviewPeriodDays,
		@Parameter(name = "safety_stock", description = "Default units order-up-to keeps on hand from the first day an order can arrive (default 0)", schema = @Schema(type = "number", minimum = "0")) @BindParam("safety_stock") String safetyStock,
		@Parameter(name = "min_order_quantity", description = "Default least units of an order (default 0)", schema = @Schema(type = "number", minimum = "0")) @BindParam("min_order_quantity") String minOrderQuantity,
		@Parameter(name = "order_multiple", description = "Default pack size: order quantities are rounded up to whole packs (default: not rounded)", schema = @Schema(type = "number", exclusiveMinimum = true, minimum = "0")) @BindParam("order_multiple") String orderMultiple,
		@Parameter(name = "max_level", description = "Default level min-max orders up to; greater than reorder_point", schema = @Schema(type = "number")) @BindParam("max_level") String maxLevel,
		@Parameter(name = "service_level", description = "Default target cycle service level, the probability of no stockout in a replenishment cycle, between 0 and 1 exclusive: computes reorder_point (reorder-point, min-max) or safety_stock (order-up-to) from sales_rate and sales_std; not with fill_rate", schema = @Schema(type = "number", exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "1")) @BindParam("service_level") String serviceLevel,
		@Parameter(name = "fill_rate", description = "Default target fill rate, the share of demand met from stock, between 0 and 1 exclusive: computes reorder_point (reorder-point, min-max) or safety_stock (order-up-to) from sales_rate and sales_std; not with service_level", schema = @Schema(type = "number", exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "1")) @BindParam("fill_rate") String fillRate,
		@Parameter(name = "lead_time_std_days", description = "Default standard deviation of the lead time in days, with any order policy: used with service_level or fill_rate, and by the Monte Carlo trials to draw each order's lead time (default 0)", schema = @Schema(type = "number", minimum = "0")) @BindParam("lead_time_std_days") String leadTimeStdDays,
		@Parameter(name = "within_days", description = "view=exceptions: a product whose first planned order is placed at most this many days after its start is due (default 0: orders due on the start day); late products are listed whatever it is", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0")) @BindParam("within_days") String withinDays,
		@Parameter(name = "store_rows", description = "With Prefer: respond-async: false stores the job without its daily rows, "
				+ "only its summaries, totals and plan, for a job too big to keep them (its /rows answers 409 "
				+ "job-rows-not-stored); true (default) keeps them. Not on a synchronous request",
				schema = @Schema(type = "boolean", defaultValue = "true")) @BindParam("store_rows") String storeRows) {

	/** Trials of a probabilistic forecast that names a random demand and no trials. */
	static final int DEFAULT_TRIALS = 1000;

	View parsedView() {
		if (this.view == null || this.view.isBlank()) {
			return View.ROWS;
		}
		View parsed = View.parse(this.view);
		if (parsed == null) {
			throw InvalidInputException.forParameter("view", this.view, "must be rows, summary, totals, orders or exceptions");
		}
		return parsed;
	}

	/**
	 * The horizon of view=exceptions (docs/forecast-contract.md#exceptions): 0 to the longest
	 * projection; a 400 on any other view, where it would be silently ignored.
	 */
	int withinDays(View view, boolean async, int maxDurationDays) {
		if (!given(this.withinDays)) {
			return 0;
		}
		if (view != View.EXCEPTIONS) {
			throw InvalidInputException.forParameter("within_days", this.withinDays, "only applies to view=exceptions");
		}
		if (async) {
			// A job stores its exceptions whatever the horizon: each reader gives its own.
			throw InvalidInputException.forParameter("within_days", this.withinDays, "a job's exceptions take it when "
					+ "read: GET /forecasts/{id}/exceptions?within_days=" + this.withinDays.strip());
		}
		return withinDays(this.withinDays, maxDurationDays);
	}

	/** A {@code within_days} given as text: 0 when not given, else a whole number from 0 to {@code maxDurationDays}. */
	static int withinDays(String text, int maxDurationDays) {
		if (!given(text)) {
			return 0;
		}
		int days = whole(text, "within_days");
		if (days < 0 || days > maxDurationDays) {
			throw InvalidInputException.forParameter("within_days", text, "must be between 0 and " + maxDurationDays);
		}
		return days;
	}

	/**
	 * Whether a job keeps its daily rows ({@code store_rows}, true unless {@code false}); a 400 on a
	 * synchronous request, which stores nothing, or for a value that is neither.
	 */
	boolean storeRows(boolean async) {
		if (this.storeRows == null) {
			return true;
		}
		String value = this.storeRows.strip();
		if (!async) {
			throw InvalidInputException.forParameter("store_rows", this.storeRows,
					"only applies to a job (Prefer: respond-async): a synchronous answer stores nothing");
		}
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw InvalidInputException.forParameter("store_rows", this.storeRows, "must be true or false");
	}

	/** The scenario asked for; {@link Scenario#DEFAULT} when none of its parameters is given. */
	Scenario scenario(int maxTrials) {
		SalesPolicy salesPolicy = SalesPolicy.BACKORDER;
		if (given(this.policy)) {
			salesPolicy = SalesPolicy.parse(this.policy);
			if (salesPolicy == null) {
				throw InvalidInputException.forParameter("policy", this.policy, "must be backorder or lost-sales");
			}
		}
		Demand model = Demand.CONSTANT;
		if (given(this.demand)) {
			model = Demand.parse(this.demand);
			if (model == null) {
				throw InvalidInputException.forParameter("demand", this.demand, "must be constant, normal, poisson or negative-binomial");
			}
		}
		int trialCount = (model == Demand.CONSTANT) ? 0 : DEFAULT_TRIALS;
		if (given(this.trials)) {
			trialCount = whole(this.trials, "trials");
			if (trialCount < 1 || trialCount > maxTrials) {
				throw InvalidInputException.forParameter("trials", this.trials,
						"must be between 1 and " + maxTrials);
			}
		}
		long seedValue = 0;
		if (given(this.seed)) {
			try {
				seedValue = Long.parseLong(this.seed.strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.forParameter("seed", this.seed, "must be a whole number (64-bit)");
			}
			if (trialCount == 0) {
				throw InvalidInputException.forParameter("seed", this.seed,
						"only applies to a probabilistic forecast (give trials, or a random demand)");
			}
		}
		Quantiles reported = Quantiles.PERCENTILES;
		// An empty quantiles= is refused rather than read as absent: the caller meant to choose some.
		if (this.quantiles != null) {
			try {
				reported = Quantiles.parse(this.quantiles);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forParameter("quantiles", this.quantiles, ex.getMessage());
			}
			if (trialCount == 0) {
				throw InvalidInputException.forParameter("quantiles", this.quantiles,
						"only applies to a probabilistic forecast (give trials, or a random demand)");
			}
		}
		return new Scenario(salesPolicy, model, trialCount, seedValue, reported);
	}

	private static int whole(String text, String name) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.forParameter(name, text, "must be a whole number");
		}
	}

	private static boolean given(String text) {
		return text != null && !text.isBlank();
	}

	/** The request-level column values, checked against the demand model asked for (a bad one is the scenario's error). */
	RequestDefaults defaults() {
		Demand model = given(this.demand) ? Demand.parse(this.demand) : null;
		RequestDefaults defaults = RequestDefaults.fromParameters(columns());
		return (model == null) ? defaults : defaults.withDemand(model);
	}

	/**
	 * Whether every day's demand follows the product's weekday profile ({@code demand_profile=weekday}),
	 * which is learnt from a sales history: a 400 naming the parameter when the request sends none.
	 */
	boolean weekdayProfile(boolean hasHistory) {
		if (!given(this.demandProfile) || this.demandProfile.strip().equalsIgnoreCase("flat")) {
			return false;
		}
		if (!this.demandProfile.strip().equalsIgnoreCase("weekday")) {
			throw InvalidInputException.forParameter("demand_profile", this.demandProfile, "must be flat or weekday");
		}
		if (!hasHistory) {
			throw InvalidInputException.forParameter("demand_profile", this.demandProfile,
					"needs a sales history: send it as the multipart part history with the product list");
		}
		return true;
	}

	/** The scenario's parameters as given, for a job's settings and an idempotency fingerprint. */
	Map<String, String> scenarioParameters() {
		Map<String, String> values = new LinkedHashMap<>();
		putGiven(values, "view", this.view);
		putGiven(values, "policy", this.policy);
		putGiven(values, "demand", this.demand);
		putGiven(values, "demand_profile", this.demandProfile);
		putGiven(values, "trials", this.trials);
		putGiven(values, "seed", this.seed);
		putGiven(values, "quantiles", this.quantiles);
		putGiven(values, "store_rows", this.storeRows);
		return values;
	}

	private static void putGiven(Map<String, String> values, String name, String value) {
		if (given(value)) {
			values.put(name, value.strip());
		}
	}

	private Map<String, String> columns() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("sell_start_date", this.sellStartDate);
		values.put("initial_inventory", this.initialInventory);
		values.put("sales_rate", this.salesRate);
		values.put("restocking_rate", this.restockingRate);
		values.put("duration_days", this.durationDays);
		values.put("forecast_frequency", this.forecastFrequency);
		values.put("sales_std", this.salesStd);
		values.put("reorder_point", this.reorderPoint);
		values.put("order_quantity", this.orderQuantity);
		values.put("lead_time_days", this.leadTimeDays);
		values.put("order_policy", this.orderPolicy);
		values.put("review_period_days", this.reviewPeriodDays);
		values.put("safety_stock", this.safetyStock);
		values.put("min_order_quantity", this.minOrderQuantity);
		values.put("order_multiple", this.orderMultiple);
		values.put("max_level", this.maxLevel);
		values.put("service_level", this.serviceLevel);
		values.put("fill_rate", this.fillRate);
		values.put("lead_time_std_days", this.leadTimeStdDays);
		return values;
	}

}
