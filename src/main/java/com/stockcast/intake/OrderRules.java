package com.stockcast.intake;

import java.util.EnumSet;
import java.util.Set;

import com.stockcast.intake.Violation.Location;
import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.OrderTerms;

/**
 * The rules of a row's order policy and supplier constraints (docs/forecast-contract.md#planned-orders):
 * which policy the row has, the columns it needs, and the columns that do not apply to it. A row
 * without {@code order_policy} that gives any of the reorder point's three columns has the reorder
 * point policy exactly as before the other policies existed.
 */
final class OrderRules {

	/** The columns beyond the reorder point's three: a row without a policy may not give them. */
	private static final Set<Field> CONSTRAINTS = EnumSet.of(Field.REVIEW_PERIOD_DAYS, Field.SAFETY_STOCK,
			Field.MIN_ORDER_QUANTITY, Field.ORDER_MULTIPLE, Field.MAX_LEVEL);

	private static final String POLICIES = "must be reorder-point, order-up-to or min-max";

	private final int maxDurationDays;

	OrderRules(int maxDurationDays) {
		this.maxDurationDays = maxDurationDays;
	}

	/**
	 * The row's order terms, {@code null} when it has no order policy or a bad value (then logged).
	 * A request-level default that does not apply to a row's policy is passed over; a value the row
	 * itself gives is an error.
	 */
	OrderTerms apply(FieldValues values, RequestDefaults defaults, int duration, ViolationLog log) {
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
		switch (policy) {
			case REORDER_POINT -> {
				reorderPoint = required(values, Field.REORDER_POINT, false, policy, defaults, log);
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
				safetyStock = optional(values, Field.SAFETY_STOCK, 0, defaults, log);
				notApplying(values, policy, log, Field.REORDER_POINT, Field.ORDER_QUANTITY, Field.MAX_LEVEL);
			}
			case MIN_MAX -> {
				reorderPoint = required(values, Field.REORDER_POINT, false, policy, defaults, log);
				maxLevel = required(values, Field.MAX_LEVEL, false, policy, defaults, log);
				if (maxLevel <= reorderPoint) {
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
		return new OrderTerms(policy, reorderPoint, quantity, maxLevel, leadTime, review, safetyStock, minimum, multiple);
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
			default -> throw new IllegalArgumentException(field + " is not an order column");
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

	private static double zeroIfNaN(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
