package com.stockcast.simulation;

/**
 * One product's replenishment rule and supplier constraints, as the input gave them
 * (docs/forecast-contract.md#planned-orders). A value that does not apply to the policy is NaN
 * ({@code reorderPoint} and {@code orderQuantity} of order-up-to, {@code maxLevel} of all but
 * min-max); {@code orderMultiple} is NaN when quantities are not rounded to packs.
 */
public record OrderTerms(OrderPolicy policy, double reorderPoint, double orderQuantity, double maxLevel,
		int leadTimeDays, int reviewPeriodDays, double safetyStock, double minOrderQuantity, double orderMultiple) {

	/** Today's reorder policy (s, Q) with lead time L, reviewed every day, no minimum, no pack size. */
	public static OrderTerms reorderPoint(double reorderPoint, double orderQuantity, int leadTimeDays) {
		return new OrderTerms(OrderPolicy.REORDER_POINT, reorderPoint, orderQuantity, Double.NaN, leadTimeDays, 1, 0, 0,
				Double.NaN);
	}

	/**
	 * Whether these are the reorder policy as it was before the supplier constraints: daily review, no
	 * minimum, no pack size. Its orders are whole lots of Q, counted as lots (see {@link PolicyTrajectory}),
	 * and the Monte Carlo forecast simulates them.
	 */
	public boolean plainReorderPoint() {
		return this.policy == OrderPolicy.REORDER_POINT && this.reviewPeriodDays == 1 && this.minOrderQuantity == 0
				&& Double.isNaN(this.orderMultiple);
	}

	/**
	 * {@code quantity} raised to the minimum order quantity, then rounded up to a whole number of packs:
	 * {@code n x order_multiple}, {@code n} the least whole number from 1 up with
	 * {@code n x order_multiple >= quantity} (evaluated in doubles exactly so).
	 */
	public static double constrained(double quantity, double minOrderQuantity, double orderMultiple) {
		double q = (quantity < minOrderQuantity) ? minOrderQuantity : quantity;
		if (Double.isNaN(orderMultiple)) {
			return q;
		}
		long n = Math.max(1, (long) Math.ceil(q / orderMultiple));
		while (n * orderMultiple < q) {
			n++;
		}
		while (n > 1 && (n - 1) * orderMultiple >= q) {
			n--;
		}
		return n * orderMultiple;
	}

}
