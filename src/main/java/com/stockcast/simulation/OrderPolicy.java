package com.stockcast.simulation;

import java.util.Locale;

/**
 * How a product's planned orders are sized (docs/forecast-contract.md#planned-orders): the reorder
 * point with an order quantity (s, Q), order-up-to a level that covers the demand until the next
 * review's order arrives plus the safety stock (R, S), or min/max.
 */
public enum OrderPolicy {

	REORDER_POINT, ORDER_UP_TO, MIN_MAX;

	private static final OrderPolicy[] ALL = values();

	/** The name in the {@code order_policy} column: {@code reorder-point}, {@code order-up-to}, {@code min-max}. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The policy a column value names, ignoring case and surrounding blanks; {@code null} for none. */
	public static OrderPolicy parse(String text) {
		for (OrderPolicy policy : ALL) {
			if (policy.tag().equalsIgnoreCase(text.strip())) {
				return policy;
			}
		}
		return null;
	}

	static OrderPolicy ofOrdinal(int ordinal) {
		return ALL[ordinal];
	}

}
