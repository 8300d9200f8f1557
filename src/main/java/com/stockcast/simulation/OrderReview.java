package com.stockcast.simulation;

/**
 * What one product's review day decides (docs/forecast-contract.md#planned-orders), step 4 of
 * {@link PolicyTrajectory}'s day on review days (every {@code R} days from day 0): whether to order and how much, under
 * the product's policy and supplier constraints. The order it decides is placed in the trajectory's
 * {@link OrderBook}.
 */
final class OrderReview {

	private final OrderBook orders;

	private final LevelWithoutOrder projection;

	private OrderPolicy policy;
	private double reorderPoint;
	private double quantity;
	private int lead;
	private int review;
	private int days;
	private double safetyStock;
	private double minimumOrder;
	private double multiple;
	private double maxLevel;
	/**
	 * The plain reorder point counts its orders in lots of Q, as it always has: n x Q is not, to the
	 * bit, the sum of the orders' units when Q is not a whole number.
	 */
	private boolean inLots;
	/** The projected level on the day {@link #bindingDay} returned. */
	private double lowest;

	OrderReview(OrderBook orders, LevelWithoutOrder projection) {
		this.orders = orders;
		this.projection = projection;
	}

	/** Sets the product, which has an order policy, whose review days the next reviews are. */
	void of(Products products, int i) {
		this.policy = products.orderPolicy(i);
		this.reorderPoint = products.reorderPoint(i);
		this.quantity = products.orderQuantity(i);
		this.lead = products.leadTimeDays(i);
		this.review = products.reviewPeriodDays(i);
		this.days = products.durationDays(i);
		this.safetyStock = products.safetyStock(i);
		this.minimumOrder = products.minOrderQuantity(i);
		this.multiple = products.orderMultiple(i);
		this.maxLevel = products.maxLevel(i);
		this.inLots = this.policy == OrderPolicy.REORDER_POINT && this.minimumOrder == 0 && Double.isNaN(this.multiple);
	}

	/**
	 * Review day {@code day}'s review, the level being {@code level} after the day's receipts, with
	 * {@code scheduledDue} units of scheduled receipts still to come from receipt {@code receipt} on:
	 * places the order it decides in the book and returns its units, or 0 when it orders nothing.
	 */
	double review(int day, double level, double scheduledDue, int receipt) {
		double units = 0;
		long lots = 0;
		double figure = Double.NaN;
		int figureDay = -1;
		if (this.policy == OrderPolicy.ORDER_UP_TO) {
			if ((long) day + this.lead < this.days) {
				figureDay = bindingDay(day, level, receipt);
				figure = this.lowest;
				if (figure < this.safetyStock) {
					units = OrderTerms.constrained(this.safetyStock - figure, this.minimumOrder, this.multiple);
				}
			}
		}
		else {
			double position = this.inLots ? level + this.orders.lotsOnOrder() * this.quantity
					: level + this.orders.unitsOnOrder();
			if (scheduledDue != 0) {
				// Open orders count in the position like the policy's own: they are on their way.
				position += scheduledDue;
			}
			figure = position;
			if (this.policy == OrderPolicy.MIN_MAX) {
				if (position <= this.reorderPoint) {
					units = OrderTerms.constrained(this.maxLevel - position, this.minimumOrder, this.multiple);
				}
			}
			else {
				lots = lotsToOrder(position, this.reorderPoint, this.quantity);
				if (lots != 0) {
					units = lots * this.quantity;
					if (!this.inLots) {
						units = OrderTerms.constrained(units, this.minimumOrder, this.multiple);
						lots = 0;
					}
				}
			}
		}
		if (units != 0) {
			this.orders.place(day, units, lots, figure, figureDay, level);
		}
		return units;
	}

	/**
	 * Order-up-to's review on {@code day}: projects the end-of-day level without a new order over the
	 * window the order protects, from its arrival {@code day + L} to the day before the next review's
	 * order can arrive (or the last day), with the receipts and orders already due. Returns the first
	 * day of the window whose projected level is lowest, and leaves that level in {@link #lowest}.
	 */
	private int bindingDay(int day, double level, int receipt) {
		int arrival = day + this.lead;
		int last = (int) Math.min((long) day + this.review + this.lead - 1, this.days - 1);
		double lowest = Double.POSITIVE_INFINITY;
		int binding = -1;
		if (arrival == day) {
			lowest = level;
			binding = day;
		}
		LevelWithoutOrder p = this.projection;
		p.from(receipt, this.orders.firstOpen());
		double projected = level;
		for (int t = day + 1; t <= last; t++) {
			projected = p.next(t, projected);
			if (t >= arrival && projected < lowest) {
				lowest = projected;
				binding = t;
			}
		}
		this.lowest = lowest;
		return binding;
	}

	/**
	 * Lots to order at inventory {@code position}: 0 when {@code position > reorderPoint}, else the
	 * least {@code k >= 1} with {@code position + k * quantity > reorderPoint}, evaluated in doubles
	 * exactly as written (the estimate from a division is corrected both ways, so rounding cannot
	 * make it off by one).
	 */
	static long lotsToOrder(double position, double reorderPoint, double quantity) {
		if (position > reorderPoint) {
			return 0;
		}
		long k = Math.max(1, (long) Math.floor((reorderPoint - position) / quantity) + 1);
		while (position + k * quantity <= reorderPoint) {
			k++;
		}
		while (k > 1 && position + (k - 1) * quantity > reorderPoint) {
			k--;
		}
		return k;
	}

}
