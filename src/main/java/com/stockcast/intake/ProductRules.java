package com.stockcast.intake;

import java.math.BigDecimal;

import com.stockcast.intake.Violation.Location;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.Products;

/**
 * The one set of input rules (docs/forecast-contract.md#input), applied alike to CSV rows, JSON objects and request-level
 * defaults. A record arrives as texts indexed by {@link Field}; it is either added to the product list
 * whole or reported field by field.
 */
final class ProductRules {

	static final int MAX_ID_LENGTH = 128;

	/** 9999-12-31: the last day a four-digit ISO date can name. */
	private static final int LAST_DAY = 2_932_896;

	private final int maxDurationDays;

	private final OrderRules orderRules;

	ProductRules(int maxDurationDays) {
		this.maxDurationDays = maxDurationDays;
		this.orderRules = new OrderRules(maxDurationDays);
	}

	/**
	 * Validates one record and adds it to {@code products} when every field is good.
	 * @param values the record's values; a field it does not give (or gives blank) takes its
	 * request-level default from {@code defaults}
	 */
	void apply(FieldValues values, RequestDefaults defaults, Products.Builder products, ViolationLog log) {
		int errorsBefore = log.count();
		String id = values.text(Field.PRODUCT_ID);
		if (id == null || id.isEmpty()) {
			log.add(values.at(), Field.PRODUCT_ID, id, "is required");
		}
		else if (id.length() > MAX_ID_LENGTH && id.codePointCount(0, id.length()) > MAX_ID_LENGTH) {
			log.add(values.at(), Field.PRODUCT_ID, id, "must be at most " + MAX_ID_LENGTH + " characters");
		}
		else if (id.indexOf('\0') >= 0) {
			log.add(values.at(), Field.PRODUCT_ID, id.replace('\0', '?'),
					"must not contain the NUL character (U+0000)");
		}
		int start = date(values, defaults, log);
		double inventory = number(values, Field.INITIAL_INVENTORY, false, defaults, log);
		boolean fromHistory = defaults.history() != null && !given(values, Field.SALES_RATE, defaults);
		double sales = fromHistory ? historyMean(values, id, defaults.history(), log)
				: number(values, Field.SALES_RATE, true, defaults, log);
		double restocking = number(values, Field.RESTOCKING_RATE, true, defaults, log);
		int duration = wholeNumber(values, Field.DURATION_DAYS, this.maxDurationDays, defaults, log);
		int frequency = (!values.isParsed(Field.FORECAST_FREQUENCY)
				&& value(values, Field.FORECAST_FREQUENCY, defaults) == null) ? 1
						: wholeNumber(values, Field.FORECAST_FREQUENCY, Integer.MAX_VALUE, defaults, log);
		double salesStd = given(values, Field.SALES_STD, defaults)
				? number(values, Field.SALES_STD, true, defaults, log)
				: fromHistory ? historyStd(id, defaults.history()) : 0;
		if (log.count() == errorsBefore) {
			demandRates(values, defaults, sales, salesStd, log);
		}
		OrderRules.Resolved orders = this.orderRules.apply(values, defaults, duration, sales, salesStd, restocking, log);
		if (log.count() > errorsBefore) {
			log.rowFailed();
			return;
		}
		if ((long) start + duration - 1 > LAST_DAY) {
			log.add(values.at(), Field.DURATION_DAYS, Integer.toString(duration), "runs the projection past 9999-12-31");
			log.rowFailed();
			return;
		}
		// Bounds every level and period sum the simulation can reach: none may overflow to infinity.
		// Orders lift the level at most their policy's reach (OrderRules#reach); a normal draw is within 40 deviations.
		double reach = (orders == null) ? 0 : OrderRules.reach(orders.terms());
		// A weekday profile raises a day's demand and deviation at most by its largest multiplier (at most 7).
		double[] profile = defaults.weekdayProfiles() ? defaults.history().weekdayProfile(id) : null;
		double peak = (profile == null) ? 1 : java.util.Arrays.stream(profile).max().orElse(1);
		if (!Double.isFinite(Math.abs(inventory) + 2.0 * duration * peak * (sales + restocking + 40.0 * salesStd) + reach)) {
			// A plain decimal kept no text; its shortest plain form is the text less any redundant zeros.
			String given = values.isParsed(Field.INITIAL_INVENTORY)
					? BigDecimal.valueOf(inventory).stripTrailingZeros().toPlainString()
					: value(values, Field.INITIAL_INVENTORY, defaults);
			log.add(values.at(), Field.INITIAL_INVENTORY, given,
					"with these rates the projection overflows the range of numbers");
			log.rowFailed();
			return;
		}
		// Once a product is bad nothing is computed, so the list stops growing; bad receipts do not stop it,
		// since they are checked against it.
		if (!log.mainInputHasErrors()) {
			products.add(id, start, inventory, sales, restocking, duration, frequency).salesStd(salesStd);
			if (profile != null) {
				products.weekdayProfile(profile);
			}
			if (orders != null && orders.target() != null) {
				products.targetedOrderTerms(orders.terms(), orders.target()).leadTimeStdDays(orders.leadTimeStdDays());
			}
			else if (orders != null) {
				products.orderTerms(orders.terms()).leadTimeStdDays(orders.leadTimeStdDays());
			}
		}
	}

	/**
	 * Validates one request-level default on its own, so that a bad query parameter is reported
	 * once rather than on every row.
	 */
	void checkDefault(Field field, String text, ViolationLog log) {
		Location at = Location.QUERY;
		switch (field) {
			case SELL_START_DATE -> date(text, at, log);
			case INITIAL_INVENTORY -> number(text, field, false, at, log);
			case SALES_RATE, RESTOCKING_RATE -> number(text, field, true, at, log);
			case DURATION_DAYS -> wholeNumber(text, field, this.maxDurationDays, at, log);
			case FORECAST_FREQUENCY -> wholeNumber(text, field, Integer.MAX_VALUE, at, log);
			case SALES_STD, ORDER_QUANTITY -> number(text, field, true, at, log);
			case REORDER_POINT -> number(text, field, false, at, log);
			case LEAD_TIME_DAYS -> wholeNumber(text, field, 0, this.maxDurationDays, at, log);
			case ORDER_POLICY, REVIEW_PERIOD_DAYS, SAFETY_STOCK, MIN_ORDER_QUANTITY, ORDER_MULTIPLE, MAX_LEVEL,
					SERVICE_LEVEL, FILL_RATE, LEAD_TIME_STD_DAYS ->
				OrderRules.checkDefault(field, text, log);
			case PRODUCT_ID -> log.add(at, field, text, "cannot have a request-level default");
		}
	}

	/**
	 * The row's rates against the forecast's demand model: the negative binomial needs a variance of at
	 * least the mean (docs/forecast-contract.md#demand). Reported on {@code sales_std}, given or learnt
	 * from the history, since that is the value to raise.
	 */
	private static void demandRates(FieldValues values, RequestDefaults defaults, double sales, double salesStd,
			ViolationLog log) {
		Demand demand = defaults.demand();
		if (demand.admits(sales, salesStd) && Double.isFinite(salesStd * salesStd)) {
			return;
		}
		String given = given(values, Field.SALES_STD, defaults) ? (values.isParsed(Field.SALES_STD)
				? BigDecimal.valueOf(salesStd).stripTrailingZeros().toPlainString()
				: value(values, Field.SALES_STD, defaults)) : Double.toString(salesStd);
		log.add(values.at(), Field.SALES_STD, given, Double.isFinite(salesStd * salesStd)
				? "must be at least the square root of sales_rate (" + sales + ") under demand=" + demand.tag()
						+ ": its variance cannot be below the Poisson's, the mean" + (given(values, Field.SALES_STD, defaults)
								? "" : " (learnt from the sales history)")
				: "is too large to square under demand=" + demand.tag());
	}

	/** The product's mean daily sales in the history; reported when the history has no day of it. */
	private static double historyMean(FieldValues values, String id, SalesRates history, ViolationLog log) {
		double mean = (id == null || id.isEmpty()) ? Double.NaN : history.mean(id);
		if (Double.isNaN(mean)) {
			log.add(values.at(), Field.SALES_RATE, null,
					"is required: the row gives none and the sales history has no day of this product");
		}
		return mean;
	}

	private static double historyStd(String id, SalesRates history) {
		double std = (id == null || id.isEmpty()) ? Double.NaN : history.std(id);
		return Double.isNaN(std) ? 0 : std;
	}

	/** Whether the record or the request gives {@code field}. */
	static boolean given(FieldValues values, Field field, RequestDefaults defaults) {
		return values.isParsed(field) || value(values, field, defaults) != null;
	}

	static String value(FieldValues values, Field field, RequestDefaults defaults) {
		String text = values.text(field);
		if (text != null) {
			text = text.strip();
			if (!text.isEmpty()) {
				return text;
			}
		}
		return defaults.get(field);
	}

	/** A plain decimal came parsed and is valid as it is (finite, not negative); anything else is checked. */
	static double number(FieldValues values, Field field, boolean nonNegative, RequestDefaults defaults,
			ViolationLog log) {
		if (values.isParsed(field)) {
			return values.parsedValue(field);
		}
		return number(value(values, field, defaults), field, nonNegative, values.at(), log);
	}

	/** A plain whole number came parsed and is at least 1; only its upper bound is left to check. */
	private static int wholeNumber(FieldValues values, Field field, int max, RequestDefaults defaults,
			ViolationLog log) {
		return wholeNumber(values, field, 1, max, defaults, log);
	}

	static int wholeNumber(FieldValues values, Field field, int min, int max, RequestDefaults defaults,
			ViolationLog log) {
		if (values.isParsed(field)) {
			int value = (int) values.parsedValue(field);
			if (value <= max) {
				return value;
			}
			return wholeNumber(Integer.toString(value), field, min, max, values.at(), log);
		}
		return wholeNumber(value(values, field, defaults), field, min, max, values.at(), log);
	}

	static double number(String text, Field field, boolean nonNegative, Location at, ViolationLog log) {
		if (text == null) {
			log.add(at, field, null, "is required");
			return Double.NaN;
		}
		if (!Numbers.isDecimal(text)) {
			String lower = text.toLowerCase(java.util.Locale.ROOT);
			boolean nonFinite = lower.contains("nan") || lower.contains("inf");
			log.add(at, field, text, nonFinite ? "must be a finite number" : "is not a number");
			return Double.NaN;
		}
		double value = Double.parseDouble(text);
		if (!Double.isFinite(value)) {
			log.add(at, field, text, "must be a finite number");
			return Double.NaN;
		}
		if (nonNegative && value < 0) {
			log.add(at, field, text, "must not be negative");
			return Double.NaN;
		}
		return value;
	}

	private static int wholeNumber(String text, Field field, int max, Location at, ViolationLog log) {
		return wholeNumber(text, field, 1, max, at, log);
	}

	static int wholeNumber(String text, Field field, int min, int max, Location at, ViolationLog log) {
		if (text == null) {
			log.add(at, field, null, "is required");
			return -1;
		}
		long value = Numbers.parseWhole(text);
		if (value == Numbers.NOT_WHOLE) {
			log.add(at, field, text, "must be a whole number");
			return -1;
		}
		if (value < min || value > max) {
			log.add(at, field, text, (max == Integer.MAX_VALUE) ? "must be at least " + min
					: "must be between " + min + " and " + max);
			return -1;
		}
		return (int) value;
	}

	/** A plain date came parsed and is a calendar date; anything else is checked. */
	private static int date(FieldValues values, RequestDefaults defaults, ViolationLog log) {
		if (values.isParsed(Field.SELL_START_DATE)) {
			return (int) values.parsedValue(Field.SELL_START_DATE);
		}
		return date(value(values, Field.SELL_START_DATE, defaults), values.at(), log);
	}

	private static int date(String text, Location at, ViolationLog log) {
		if (text == null) {
			log.add(at, Field.SELL_START_DATE, null, "is required");
			return 0;
		}
		long day = Dates.parse(text);
		if (day == Dates.MALFORMED) {
			log.add(at, Field.SELL_START_DATE, text, "must be a date like 2023-01-31, 1/31/23 or 1/31/2023");
		}
		else if (day == Dates.IMPOSSIBLE) {
			log.add(at, Field.SELL_START_DATE, text, "is not a calendar date");
		}
		return (int) day;
	}

}
