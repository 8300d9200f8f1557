package com.stockcast.intake;

import java.util.EnumSet;
import java.util.Set;

import com.stockcast.intake.Violation.Location;
import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.OrderTerms;
import com.stockcast.simulation.ServiceTarget;

/**
 * The rules of a row's order policy and supplier constraints (docs/forecast-contract.md#planned-orders):
 * which policy the row has, the columns it needs, and the columns that do not apply to it. A row
 * without {@code order_policy} that gives any of the reorder point's three columns has the reorder
 * point policy exactly as before the other policies existed. A row with a service level or fill rate
 * has its protective figure computed (docs/forecast-contract.md#safety-stock-from-a-target): the
 * reorder point of reorder-point and min-max, the safety stock of order-up-to.
 */
final class OrderRules {

	/** The columns beyond the reorder point's three: a row without a policy may not give them. */
	private static final Set<Field> CONSTRAINTS = EnumSet.of(Field.REVIEW_PERIOD_DAYS, Field.SAFETY_STOCK,
			Field.MIN_ORDER_QUANTITY, Field.ORDER_MULTIPLE, Field.MAX_LEVEL, Field.SERVICE_LEVEL, Field.FILL_RATE,
			Field.LEAD_TIME_STD_DAYS);

	private static final String FRACTION = "must be greater than 0 and less than 1";

	private static final String POLICIES = "must be reorder-point, order-up-to or min-max";

	/**
	 * A row's order terms and, when its protective figure was computed, the target it was computed from.
	 * @param target {@code null} when the terms are as given
	 * @param leadTimeStdDays the lead time's deviation (0 when not given): the target's σ_L, and the spread
	 * of the lead times Monte Carlo trials draw whatever the policy
	 */
	record Resolved(OrderTerms terms, ServiceTarget target, double leadTimeStdDays) {
	}

	private final int maxDurationDays;

	OrderRules(int maxDurationDays) {
		this.maxDurationDays = maxDurationDays;
	}

	/**
	 * The row's order terms, {@code null} when it has no order policy or a bad value (then logged).
	 * A request-level default that does not apply to a row's policy is passed over; a value the row
	 * itself gives is an error.
	 * @param sales the row's mean daily demand, {@code salesStd} its deviation and {@code restocking} its
	 * stream (NaN when bad, then already logged): what a target's figure is computed from
	 */
	Resolved apply(FieldValues values, RequestDefaults defaults, int duration, double sales, double salesStd,
			double restocking, ViolationLog log) {
		int errorsBefore = log.count();
		String policyText = ProductRules.value(values, Field.ORDER_POLICY, defaults);
		OrderPolicy policy;
		if (policyText == null) {
			boolean reorder = ProductRules.given(values, Field.REORDER_POINT, defaults)
					|| ProductRules.given(values, Field.ORDER_QUANTITY, defaults)
					|| ProductRules.given(values, Field.LEAD_TIME_DAYS, defaults);
			if (!reorder) {
				for (Field field : CONSTRAINTS) {
					if (rowGives(values, field)) {
						log.add(values.at(), field, text(values, field), "applies only with an order policy (give "
								+ "order_policy, or reorder_point, order_quantity and lead_time_days)");
					}
				}
				return null;
			}
			policy = OrderPolicy.REORDER_POINT;
		}
		else {
			policy = OrderPolicy.parse(policyText);
			if (policy == null) {
				log.add(values.at(), Field.ORDER_POLICY, policyText, POLICIES);
				return null;
			}
		}
		double reorderPoint = Double.NaN;
		double quantity = Double.NaN;
		double maxLevel = Double.NaN;
		double safetyStock = 0;
		int leadTime = 0;
		Field computed = (policy == OrderPolicy.ORDER_UP_TO) ? Field.SAFETY_STOCK : Field.REORDER_POINT;
		Field aim = aim(values, computed, defaults);
		// With any policy: the Monte Carlo trials draw lead times with it (docs/forecast-contract.md#lead-times-that-vary).
		double leadTimeStd = ProductRules.given(values, Field.LEAD_TIME_STD_DAYS, defaults)
				? ProductRules.number(values, Field.LEAD_TIME_STD_DAYS, true, defaults, log) : 0;
		ServiceTarget target = target(values, aim, computed, leadTimeStd, defaults, log);
		// A target in play, good or bad, stands in for the figure it computes: the figure is not required.
		boolean targeted = aim != null;
		switch (policy) {
			case REORDER_POINT -> {
				reorderPoint = targeted ? Double.NaN : required(values, Field.REORDER_POINT, false, policy, defaults, log);
				quantity = required(values, Field.ORDER_QUANTITY, true, policy, defaults, log);
				if (quantity == 0) {
					log.add(values.at(), Field.ORDER_QUANTITY, "0", "must be greater than 0");
				}
				leadTime = ProductRules.given(values, Field.LEAD_TIME_DAYS, defaults)
						? leadTime(values, defaults, log) : missing(values, Field.LEAD_TIME_DAYS, policy, log);
				notApplying(values, policy, log, Field.MAX_LEVEL, Field.SAFETY_STOCK);
			}
			case ORDER_UP_TO -> {
				leadTime = optionalLeadTime(values, defaults, log);
				safetyStock = targeted ? 0 : optional(values, Field.SAFETY_STOCK, 0, defaults, log);
				notApplying(values, policy, log, Field.REORDER_POINT, Field.ORDER_QUANTITY, Field.MAX_LEVEL);
			}
			case MIN_MAX -> {
				reorderPoint = targeted ? Double.NaN : required(values, Field.REORDER_POINT, false, policy, defaults, log);
				maxLevel = required(values, Field.MAX_LEVEL, false, policy, defaults, log);
				if (!targeted && maxLevel <= reorderPoint) {
					log.add(values.at(), Field.MAX_LEVEL, text(values, Field.MAX_LEVEL, defaults),
							"must be greater than reorder_point (" + text(values, Field.REORDER_POINT, defaults) + ")");
				}
				leadTime = optionalLeadTime(values, defaults, log);
				notApplying(values, policy, log, Field.ORDER_QUANTITY, Field.SAFETY_STOCK);
			}
		}
		if (leadTime > duration && duration > 0) {
			log.add(values.at(), Field.LEAD_TIME_DAYS, Integer.toString(leadTime),
					"must not be longer than the projection (duration_days " + duration + ")");
		}
		int review = ProductRules.given(values, Field.REVIEW_PERIOD_DAYS, defaults)
				? ProductRules.wholeNumber(values, Field.REVIEW_PERIOD_DAYS, 1, Integer.MAX_VALUE, defaults, log) : 1;
		double minimum = optional(values, Field.MIN_ORDER_QUANTITY, 0, defaults, log);
		double multiple = ProductRules.given(values, Field.ORDER_MULTIPLE, defaults)
				? ProductRules.number(values, Field.ORDER_MULTIPLE, false, defaults, log) : Double.NaN;
		if (multiple <= 0) {
			log.add(values.at(), Field.ORDER_MULTIPLE, text(values, Field.ORDER_MULTIPLE, defaults),
					"must be greater than 0");
		}
		if (log.count() > errorsBefore) {
			return null;
		}
		if (target != null) {
			// docs/forecast-contract.md#safety-stock-from-a-target: the level drains by sales less the stream.
			int protection = ServiceTarget.protectionDays(leadTime, review);
			double drain = sales - restocking;
			if (policy == OrderPolicy.ORDER_UP_TO) {
				safetyStock = target.safetyStock(target.protectionStd(drain, salesStd, protection), sales * review);
			}
			else {
				// The expected order: min-max's least order, max - min, would be circular, the min being computed.
				double cycleDemand = (policy == OrderPolicy.REORDER_POINT) ? quantity : maxLevel - drain * protection;
				reorderPoint = target.reorderLevel(drain, salesStd, leadTime, review, cycleDemand);
			}
			if (policy == OrderPolicy.MIN_MAX && maxLevel <= reorderPoint) {
				log.add(values.at(), Field.MAX_LEVEL, text(values, Field.MAX_LEVEL, defaults), "must be greater than "
						+ "reorder_point (" + rounded(reorderPoint) + ", computed from " + target.measure().column() + ")");
				return null;
			}
		}
		OrderTerms terms = new OrderTerms(policy, reorderPoint, quantity, maxLevel, leadTime, review, safetyStock,
				minimum, multiple);
		return new Resolved(terms, target, leadTimeStd);
	}

	/**
	 * Which target column the row's figure {@code computed} comes from, {@code null} for none: what the
	 * row gives beats the request's defaults, so a row that types in {@code computed} itself passes a
	 * default target over, and a row's own target passes a default {@code computed} over.
	 */
	private static Field aim(FieldValues values, Field computed, RequestDefaults defaults) {
		if (rowGives(values, Field.SERVICE_LEVEL)) {
			return Field.SERVICE_LEVEL;
		}
		if (rowGives(values, Field.FILL_RATE)) {
			return Field.FILL_RATE;
		}
		if (rowGives(values, computed)) {
			return null;
		}
		return defaults.has(Field.SERVICE_LEVEL) ? Field.SERVICE_LEVEL
				: defaults.has(Field.FILL_RATE) ? Field.FILL_RATE : null;
	}

	/**
	 * The row's target from the column {@code given}, {@code null} when it has none or a bad one (then
	 * logged). A row's own target and its own {@code computed} figure are an error together, and so are
	 * its own two targets.
	 * @param leadTimeStd the row's lead time deviation, NaN when bad (then already logged)
	 */
	private static ServiceTarget target(FieldValues values, Field given, Field computed, double leadTimeStd,
			RequestDefaults defaults, ViolationLog log) {
		boolean rowLevel = rowGives(values, Field.SERVICE_LEVEL);
		if (rowLevel && rowGives(values, Field.FILL_RATE)) {
			log.add(values.at(), Field.FILL_RATE, text(values, Field.FILL_RATE),
					"cannot be given with service_level: give one target");
			return null;
		}
		if ((rowLevel || rowGives(values, Field.FILL_RATE)) && rowGives(values, computed)) {
			log.add(values.at(), computed, text(values, computed), "is computed from " + given.column()
					+ ": give one or the other");
			return null;
		}
		if (given == null) {
			return null;
		}
		double level = ProductRules.number(values, given, false, defaults, log);
		if (!Double.isNaN(level) && !(level > 0 && level < 1)) {
			log.add(values.at(), given, text(values, given, defaults), FRACTION);
			return null;
		}
		if (Double.isNaN(level) || Double.isNaN(leadTimeStd)) {
			return null;
		}
		return new ServiceTarget((given == Field.SERVICE_LEVEL) ? ServiceTarget.Measure.SERVICE_LEVEL
				: ServiceTarget.Measure.FILL_RATE, level, leadTimeStd);
	}

	/**
	 * How far the orders can lift a level above its reorder point, safety stock or max level, with room to
	 * spare: what the overflow check of a row adds for them.
	 */
	static double reach(OrderTerms terms) {
		return 2.0 * (zeroIfNaN(Math.abs(terms.reorderPoint())) + zeroIfNaN(terms.orderQuantity())
				+ zeroIfNaN(Math.abs(terms.maxLevel())) + terms.safetyStock() + terms.minOrderQuantity()
				+ zeroIfNaN(terms.orderMultiple()));
	}

	/** Checks a request-level default of the columns this class owns, on its own. */
	static void checkDefault(Field field, String text, ViolationLog log) {
		Location at = Location.QUERY;
		switch (field) {
			case ORDER_POLICY -> {
				if (OrderPolicy.parse(text) == null) {
					log.add(at, field, text, POLICIES);
				}
			}
			case REVIEW_PERIOD_DAYS -> ProductRules.wholeNumber(text, field, 1, Integer.MAX_VALUE, at, log);
			case SAFETY_STOCK, MIN_ORDER_QUANTITY -> ProductRules.number(text, field, true, at, log);
			case ORDER_MULTIPLE -> {
				if (ProductRules.number(text, field, false, at, log) <= 0) {
					log.add(at, field, text, "must be greater than 0");
				}
			}
			case MAX_LEVEL -> ProductRules.number(text, field, false, at, log);
			case SERVICE_LEVEL, FILL_RATE -> {
				double level = ProductRules.number(text, field, false, at, log);
				if (!Double.isNaN(level) && !(level > 0 && level < 1)) {
					log.add(at, field, text, FRACTION);
				}
			}
			case LEAD_TIME_STD_DAYS -> ProductRules.number(text, field, true, at, log);
			default -> throw new IllegalArgumentException(field + " is not an order column");
		}
	}

	/** Checks the request-level defaults together: one target at most. */
	static void checkDefaults(RequestDefaults defaults, ViolationLog log) {
		if (defaults.has(Field.SERVICE_LEVEL) && defaults.has(Field.FILL_RATE)) {
			log.add(Location.QUERY, Field.FILL_RATE, defaults.get(Field.FILL_RATE),
					"cannot be given with service_level: give one target");
		}
	}

	private int leadTime(FieldValues values, RequestDefaults defaults, ViolationLog log) {
		return ProductRules.wholeNumber(values, Field.LEAD_TIME_DAYS, 0, this.maxDurationDays, defaults, log);
	}

	private int optionalLeadTime(FieldValues values, RequestDefaults defaults, ViolationLog log) {
		return ProductRules.given(values, Field.LEAD_TIME_DAYS, defaults) ? leadTime(values, defaults, log) : 0;
	}

	private static double required(FieldValues values, Field field, boolean nonNegative, OrderPolicy policy,
			RequestDefaults defaults, ViolationLog log) {
		if (!ProductRules.given(values, field, defaults)) {
			missing(values, field, policy, log);
			return Double.NaN;
		}
		return ProductRules.number(values, field, nonNegative, defaults, log);
	}

	private static double optional(FieldValues values, Field field, double otherwise, RequestDefaults defaults,
			ViolationLog log) {
		return ProductRules.given(values, field, defaults) ? ProductRules.number(values, field, true, defaults, log)
				: otherwise;
	}

	private static int missing(FieldValues values, Field field, OrderPolicy policy, ViolationLog log) {
		log.add(values.at(), field, null, (policy == OrderPolicy.REORDER_POINT)
				? "is required with a reorder policy (reorder_point, order_quantity and lead_time_days come together)"
				: "is required with order_policy " + policy.tag());
		return -1;
	}

	/** Reports each of {@code fields} the row gives: it does not apply to {@code policy}. */
	private static void notApplying(FieldValues values, OrderPolicy policy, ViolationLog log, Field... fields) {
		for (Field field : fields) {
			if (rowGives(values, field)) {
				log.add(values.at(), field, text(values, field), "does not apply to order_policy " + policy.tag());
			}
		}
	}

	private static boolean rowGives(FieldValues values, Field field) {
		String text = values.text(field);
		return values.isParsed(field) || (text != null && !text.isBlank());
	}

	/** The value as the row (or else the request) gave it, for a message. */
	private static String text(FieldValues values, Field field, RequestDefaults defaults) {
		return values.isParsed(field) ? plain(values.parsedValue(field)) : ProductRules.value(values, field, defaults);
	}

	private static String text(FieldValues values, Field field) {
		return values.isParsed(field) ? plain(values.parsedValue(field)) : values.text(field).strip();
	}

	private static String plain(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** A computed figure as the answer writes amounts: two decimals, half to even on the binary value. */
	private static String rounded(double value) {
		return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
			.toPlainString();
	}

	private static double zeroIfNaN(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
