package com.stockcast.simulation;

import java.util.Arrays;

/**
 * A validated product list held column by column, so that the per-SKU loop reads primitives and a
 * million products cost a few arrays rather than a million objects. Immutable once built.
 */
public final class Products {

	private final String[] ids;
	private final int[] startDays;
	private final double[] initialInventory;
	private final double[] salesRates;
	private final double[] restockingRates;
	private final int[] durations;
	private final int[] frequencies;
	private final double[] salesStds;
	private final double[] reorderPoints;
	private final double[] orderQuantities;
	private final int[] leadTimes;
	private final byte[] orderPolicies;
	private final int[] reviewPeriods;
	private final double[] safetyStocks;
	private final double[] minOrderQuantities;
	private final double[] orderMultiples;
	private final double[] maxLevels;
	private final double[] leadTimeStds;
	private final int size;

	/**
	 * Weekday demand profiles (docs/forecast-contract.md#weekday-profile): product {@code i}'s multiplier
	 * of weekday {@code w} (0 Monday .. 6 Sunday) at {@code [7 i + w]}; {@code null} when no product has
	 * one, the flat profile, which multiplies nothing so that those answers stay what they were to the bit.
	 */
	private final double[] profiles;

	/**
	 * Whether some product's safety stock or reorder point was computed from a service target
	 * (docs/forecast-contract.md#safety-stock-from-a-target): its summary then shows them. The computed
	 * figures are the terms themselves; only this flag says where they came from.
	 */
	private final boolean targets;

	/** The targets the terms were computed from, per product: NaN where none; {@code null} when no product has one. */
	private final double[] serviceLevelTargets;

	private final double[] fillRateTargets;

	/**
	 * Scheduled receipts (docs/forecast-contract.md#scheduled-receipts), or {@code null} when the
	 * request gave no receipts input: product {@code i}'s are {@code receiptFrom[i]..receiptFrom[i+1]-1},
	 * one per receipt day, days ascending.
	 */
	private final int[] receiptFrom;
	/** A receipt day as an offset from its product's start day. */
	private final int[] receiptDays;
	/** The units of a receipt day: its receipts summed in input order. */
	private final double[] receiptUnits;
	/** The units of a receipt day and every later one of its product, summed from the last day back. */
	private final double[] receiptsOnward;

	private Products(Builder b) {
		this.size = b.size;
		this.ids = Arrays.copyOf(b.ids, b.size);
		this.startDays = Arrays.copyOf(b.startDays, b.size);
		this.initialInventory = Arrays.copyOf(b.initialInventory, b.size);
		this.salesRates = Arrays.copyOf(b.salesRates, b.size);
		this.restockingRates = Arrays.copyOf(b.restockingRates, b.size);
		this.durations = Arrays.copyOf(b.durations, b.size);
		this.frequencies = Arrays.copyOf(b.frequencies, b.size);
		this.salesStds = Arrays.copyOf(b.salesStds, b.size);
		this.reorderPoints = Arrays.copyOf(b.reorderPoints, b.size);
		this.orderQuantities = Arrays.copyOf(b.orderQuantities, b.size);
		this.leadTimes = Arrays.copyOf(b.leadTimes, b.size);
		this.orderPolicies = Arrays.copyOf(b.orderPolicies, b.size);
		this.reviewPeriods = Arrays.copyOf(b.reviewPeriods, b.size);
		this.safetyStocks = Arrays.copyOf(b.safetyStocks, b.size);
		this.minOrderQuantities = Arrays.copyOf(b.minOrderQuantities, b.size);
		this.orderMultiples = Arrays.copyOf(b.orderMultiples, b.size);
		this.maxLevels = Arrays.copyOf(b.maxLevels, b.size);
		this.profiles = (b.profiles == null) ? null : Arrays.copyOf(b.profiles, 7 * b.size);
		this.leadTimeStds = Arrays.copyOf(b.leadTimeStds, b.size);
		this.targets = b.targets;
		this.serviceLevelTargets = b.targets ? Arrays.copyOf(b.serviceLevelTargets, b.size) : null;
		this.fillRateTargets = b.targets ? Arrays.copyOf(b.fillRateTargets, b.size) : null;
		this.receiptFrom = null;
		this.receiptDays = null;
		this.receiptUnits = null;
		this.receiptsOnward = null;
	}

	private Products(Products products, int[] receiptFrom, int[] receiptDays, double[] receiptUnits) {
		this.size = products.size;
		this.ids = products.ids;
		this.startDays = products.startDays;
		this.initialInventory = products.initialInventory;
		this.salesRates = products.salesRates;
		this.restockingRates = products.restockingRates;
		this.durations = products.durations;
		this.frequencies = products.frequencies;
		this.salesStds = products.salesStds;
		this.reorderPoints = products.reorderPoints;
		this.orderQuantities = products.orderQuantities;
		this.leadTimes = products.leadTimes;
		this.orderPolicies = products.orderPolicies;
		this.reviewPeriods = products.reviewPeriods;
		this.safetyStocks = products.safetyStocks;
		this.minOrderQuantities = products.minOrderQuantities;
		this.orderMultiples = products.orderMultiples;
		this.maxLevels = products.maxLevels;
		this.profiles = products.profiles;
		this.leadTimeStds = products.leadTimeStds;
		this.targets = products.targets;
		this.serviceLevelTargets = products.serviceLevelTargets;
		this.fillRateTargets = products.fillRateTargets;
		this.receiptFrom = receiptFrom;
		this.receiptDays = receiptDays;
		this.receiptUnits = receiptUnits;
		this.receiptsOnward = new double[receiptDays.length];
		for (int i = 0; i < this.size; i++) {
			double onward = 0;
			for (int r = receiptFrom[i + 1] - 1; r >= receiptFrom[i]; r--) {
				onward = receiptUnits[r] + onward;
				this.receiptsOnward[r] = onward;
			}
		}
	}

	/**
	 * These products with scheduled receipts: receipt {@code j} brings {@code units[j]} to product
	 * {@code product[j]} on day {@code day[j]} of its projection (an offset from its start day, within
	 * its horizon). Receipts may come in any order; those of one product and day are summed in the
	 * order given. With no receipts at all ({@code count} 0) the products still carry a receipts
	 * input, so that an answer shows the receipts column.
	 */
	public Products withReceipts(int[] product, int[] day, double[] units, int count) {
		// Counted out by product, in the order given; then each product's by day, ties in the order given.
		int[] from = new int[this.size + 1];
		for (int j = 0; j < count; j++) {
			int p = product[j];
			if (p < 0 || p >= this.size || day[j] < 0 || day[j] >= this.durations[p]) {
				throw new IllegalArgumentException("receipt " + j + " on day " + day[j] + " of product " + p
						+ " is outside the products' horizons");
			}
			from[p + 1]++;
		}
		for (int i = 0; i < this.size; i++) {
			from[i + 1] += from[i];
		}
		long[] byProduct = new long[count];
		int[] next = Arrays.copyOf(from, this.size);
		for (int j = 0; j < count; j++) {
			byProduct[next[product[j]]++] = ((long) day[j] << 32) | j;
		}
		int[] dayFrom = new int[this.size + 1];
		int[] days = new int[count];
		double[] sums = new double[count];
		int n = 0;
		for (int i = 0; i < this.size; i++) {
			Arrays.sort(byProduct, from[i], from[i + 1]);
			for (int k = from[i]; k < from[i + 1]; k++) {
				int d = (int) (byProduct[k] >>> 32);
				double u = units[(int) byProduct[k]];
				if (n > dayFrom[i] && days[n - 1] == d) {
					sums[n - 1] += u;
				}
				else {
					days[n] = d;
					sums[n] = u;
					n++;
				}
			}
			dayFrom[i + 1] = n;
		}
		return new Products(this, dayFrom, Arrays.copyOf(days, n), Arrays.copyOf(sums, n));
	}

	public static Builder builder() {
		return new Builder();
	}

	public int size() {
		return this.size;
	}

	public String id(int i) {
		return this.ids[i];
	}

	/** Day zero of the projection, as days since 1970-01-01. */
	public int startDay(int i) {
		return this.startDays[i];
	}

	public double initialInventory(int i) {
		return this.initialInventory[i];
	}

	public double salesRate(int i) {
		return this.salesRates[i];
	}

	/**
	 * Product {@code i}'s mean demand on day {@code day} of its projection: {@code sales_rate}, times
	 * its weekday profile's multiplier of that date when it has one. The one definition of a day's
	 * demand, which the deterministic day, the projections without an order and the Monte Carlo mean share.
	 */
	public double dayDemand(int i, int day) {
		double rate = this.salesRates[i];
		return (this.profiles == null) ? rate : rate * this.profiles[7 * i + weekday(this.startDays[i] + day)];
	}

	/** The multiplier of product {@code i}'s day {@code day}: 1 without profiles. */
	public double dayMultiplier(int i, int day) {
		return (this.profiles == null) ? 1 : this.profiles[7 * i + weekday(this.startDays[i] + day)];
	}

	/** Whether the products carry weekday profiles ({@code demand_profile=weekday}). */
	public boolean hasProfiles() {
		return this.profiles != null;
	}

	/** Product {@code i}'s multiplier of weekday {@code w}, 0 Monday .. 6 Sunday; 1 without profiles. */
	public double weekdayMultiplier(int i, int w) {
		return (this.profiles == null) ? 1 : this.profiles[7 * i + w];
	}

	/** The weekday of an epoch day, 0 Monday .. 6 Sunday (1970-01-01, day 0, was a Thursday). */
	public static int weekday(long epochDay) {
		return (int) Math.floorMod(epochDay + 3, 7L);
	}

	public double restockingRate(int i) {
		return this.restockingRates[i];
	}

	public int durationDays(int i) {
		return this.durations[i];
	}

	public int frequency(int i) {
		return this.frequencies[i];
	}

	/** Standard deviation of a day's demand, for the probabilistic forecast; 0 when not given. */
	public double salesStd(int i) {
		return this.salesStds[i];
	}

	/** Whether product {@code i} is restocked by orders: a reorder point, order quantity and lead time. */
	public boolean hasReorderPolicy(int i) {
		return this.leadTimes[i] >= 0;
	}

	/** The inventory position at or below which an order is placed; NaN without a reorder policy. */
	public double reorderPoint(int i) {
		return this.reorderPoints[i];
	}

	/** Units in one order (greater than 0); NaN without a reorder policy. */
	public double orderQuantity(int i) {
		return this.orderQuantities[i];
	}

	/** Days from placing an order to receiving it (0 or more); -1 without a reorder policy. */
	public int leadTimeDays(int i) {
		return this.leadTimes[i];
	}

	/** How product {@code i}'s orders are sized; {@code null} without an order policy. */
	public OrderPolicy orderPolicy(int i) {
		return (this.orderPolicies[i] < 0) ? null : OrderPolicy.ofOrdinal(this.orderPolicies[i]);
	}

	/** Orders are placed on days {@code d} with {@code d % reviewPeriodDays == 0}; 1 without an order policy. */
	public int reviewPeriodDays(int i) {
		return this.reviewPeriods[i];
	}

	/** The level order-up-to keeps on hand; 0 for the other policies. */
	public double safetyStock(int i) {
		return this.safetyStocks[i];
	}

	/** The least units of an order (0 when any will do). */
	public double minOrderQuantity(int i) {
		return this.minOrderQuantities[i];
	}

	/** The pack size orders are whole numbers of; NaN when quantities are not rounded. */
	public double orderMultiple(int i) {
		return this.orderMultiples[i];
	}

	/** Min-max: the level ordered up to; NaN for the other policies. */
	public double maxLevel(int i) {
		return this.maxLevels[i];
	}

	/**
	 * The standard deviation of product {@code i}'s lead time in days (0 or more; 0 without an order
	 * policy): the planning formula's σ_L, and the spread of the lead times a Monte Carlo trial draws
	 * (docs/forecast-contract.md#lead-times-that-vary).
	 */
	public double leadTimeStdDays(int i) {
		return this.leadTimeStds[i];
	}

	/** Product {@code i}'s order terms as one value; {@code null} without an order policy. */
	public OrderTerms orderTerms(int i) {
		OrderPolicy policy = orderPolicy(i);
		return (policy == null) ? null : new OrderTerms(policy, this.reorderPoints[i], this.orderQuantities[i],
				this.maxLevels[i], this.leadTimes[i], this.reviewPeriods[i], this.safetyStocks[i],
				this.minOrderQuantities[i], this.orderMultiples[i]);
	}

	/** Whether some product has a reorder policy (an answer then carries the order columns). */
	public boolean anyReorderPolicy() {
		for (int i = 0; i < this.size; i++) {
			if (this.leadTimes[i] >= 0) {
				return true;
			}
		}
		return false;
	}

	/** Whether some product's terms were computed from a service level or fill rate. */
	public boolean anyServiceTarget() {
		return this.targets;
	}

	/** The cycle service level product {@code i}'s terms were computed from; NaN when none. */
	public double targetServiceLevel(int i) {
		return this.targets ? this.serviceLevelTargets[i] : Double.NaN;
	}

	/** The fill rate product {@code i}'s terms were computed from; NaN when none. */
	public double targetFillRate(int i) {
		return this.targets ? this.fillRateTargets[i] : Double.NaN;
	}

	/** Whether the request gave scheduled receipts (perhaps none): its answer then shows them. */
	public boolean hasReceiptsInput() {
		return this.receiptFrom != null;
	}

	/** The first receipt day of product {@code i}; its days run to {@link #receiptsEnd}. */
	public int receiptsStart(int i) {
		return (this.receiptFrom == null) ? 0 : this.receiptFrom[i];
	}

	/** One past the last receipt day of product {@code i}. */
	public int receiptsEnd(int i) {
		return (this.receiptFrom == null) ? 0 : this.receiptFrom[i + 1];
	}

	/** The day of receipt day {@code r}, as an offset from its product's start day. */
	public int receiptDay(int r) {
		return this.receiptDays[r];
	}

	/** The units receipt day {@code r} brings: its receipts summed in input order. */
	public double receiptUnits(int r) {
		return this.receiptUnits[r];
	}

	/** The units of receipt day {@code r} and of its product's later ones: what is still due before it arrives. */
	public double receiptsOnward(int r) {
		return this.receiptsOnward[r];
	}

	/**
	 * Scheduled receipts of product {@code i} on days {@code from..to-1}, added one receipt day at a
	 * time: what a period's day-by-day sum of them is, since days without receipts add nothing.
	 */
	public double receipts(int i, int from, int to) {
		double sum = 0;
		for (int r = receiptsStart(i); r < receiptsEnd(i); r++) {
			int day = this.receiptDays[r];
			if (day >= from && day < to) {
				sum += this.receiptUnits[r];
			}
		}
		return sum;
	}

	/** Output rows of product {@code i}: one per period of {@code frequency} days. */
	public int periods(int i) {
		return (this.durations[i] - 1) / this.frequencies[i] + 1;
	}

	/** Days projected for products {@code from..to-1}: the sum of their durations. */
	public long days(int from, int to) {
		long days = 0;
		for (int i = from; i < to; i++) {
			days += this.durations[i];
		}
		return days;
	}

	/**
	 * Review days of products {@code from..to-1} with an order policy: the most planned orders they can
	 * place, at most one a review day.
	 */
	public long reviewDays(int from, int to) {
		long days = 0;
		for (int i = from; i < to; i++) {
			if (this.leadTimes[i] >= 0) {
				days += (this.durations[i] - 1) / this.reviewPeriods[i] + 1;
			}
		}
		return days;
	}

	/** Output rows of products {@code from..to-1}: the sum of their {@link #periods(int)}. */
	public long periods(int from, int to) {
		long rows = 0;
		for (int i = from; i < to; i++) {
			rows += periods(i);
		}
		return rows;
	}

	public static final class Builder {

		private String[] ids = new String[64];
		private int[] startDays = new int[64];
		private double[] initialInventory = new double[64];
		private double[] salesRates = new double[64];
		private double[] restockingRates = new double[64];
		private int[] durations = new int[64];
		private int[] frequencies = new int[64];
		private double[] salesStds = new double[64];
		private double[] reorderPoints = new double[64];
		private double[] orderQuantities = new double[64];
		private int[] leadTimes = new int[64];
		private byte[] orderPolicies = new byte[64];
		private int[] reviewPeriods = new int[64];
		private double[] safetyStocks = new double[64];
		private double[] minOrderQuantities = new double[64];
		private double[] orderMultiples = new double[64];
		private double[] maxLevels = new double[64];
		private double[] profiles;
		private double[] leadTimeStds = new double[64];
		private int size;
		private boolean targets;
		private double[] serviceLevelTargets;
		private double[] fillRateTargets;

		private Builder() {
		}

		public Builder add(String id, int startDay, double initialInventory, double salesRate, double restockingRate,
				int durationDays, int frequency) {
			if (this.size == this.ids.length) {
				grow();
			}
			int i = this.size++;
			this.ids[i] = id;
			this.startDays[i] = startDay;
			this.initialInventory[i] = initialInventory;
			this.salesRates[i] = salesRate;
			this.restockingRates[i] = restockingRate;
			this.durations[i] = durationDays;
			this.frequencies[i] = frequency;
			this.salesStds[i] = 0;
			this.reorderPoints[i] = Double.NaN;
			this.orderQuantities[i] = Double.NaN;
			this.leadTimes[i] = -1;
			this.orderPolicies[i] = -1;
			this.reviewPeriods[i] = 1;
			this.safetyStocks[i] = 0;
			this.minOrderQuantities[i] = 0;
			this.orderMultiples[i] = Double.NaN;
			this.maxLevels[i] = Double.NaN;
			this.leadTimeStds[i] = 0;
			return this;
		}

		/**
		 * Gives the product added last a weekday profile, {@code multipliers[w]} for weekday {@code w}
		 * (0 Monday .. 6 Sunday). Once one product has a profile every product has one: those given none
		 * are flat (all 1).
		 */
		public Builder weekdayProfile(double[] multipliers) {
			if (this.profiles == null) {
				this.profiles = new double[7 * this.ids.length];
				Arrays.fill(this.profiles, 1.0);
			}
			System.arraycopy(multipliers, 0, this.profiles, 7 * (this.size - 1), 7);
			return this;
		}

		/** Sets the demand's standard deviation of the product added last. */
		public Builder salesStd(double salesStd) {
			this.salesStds[this.size - 1] = salesStd;
			return this;
		}

		/** Gives the product added last a reorder policy in place of (or on top of) its restocking rate. */
		public Builder reorderPolicy(double reorderPoint, double orderQuantity, int leadTimeDays) {
			return orderTerms(OrderTerms.reorderPoint(reorderPoint, orderQuantity, leadTimeDays));
		}

		/**
		 * Sets the lead time's standard deviation of the product added last, after its order terms: its
		 * Monte Carlo trials then draw each order's lead time.
		 */
		public Builder leadTimeStdDays(double leadTimeStdDays) {
			this.leadTimeStds[this.size - 1] = leadTimeStdDays;
			return this;
		}

		/** Gives the product added last an order policy with its supplier constraints. */
		public Builder orderTerms(OrderTerms terms) {
			int i = this.size - 1;
			this.reorderPoints[i] = terms.reorderPoint();
			this.orderQuantities[i] = terms.orderQuantity();
			this.leadTimes[i] = terms.leadTimeDays();
			this.orderPolicies[i] = (byte) terms.policy().ordinal();
			this.reviewPeriods[i] = terms.reviewPeriodDays();
			this.safetyStocks[i] = terms.safetyStock();
			this.minOrderQuantities[i] = terms.minOrderQuantity();
			this.orderMultiples[i] = terms.orderMultiple();
			this.maxLevels[i] = terms.maxLevel();
			return this;
		}

		/**
		 * Gives the product added last an order policy whose safety stock or reorder point was computed
		 * from a {@link ServiceTarget}: {@code terms} hold the computed figure.
		 */
		public Builder targetedOrderTerms(OrderTerms terms, ServiceTarget target) {
			if (!this.targets) {
				this.targets = true;
				this.serviceLevelTargets = new double[this.ids.length];
				this.fillRateTargets = new double[this.ids.length];
				Arrays.fill(this.serviceLevelTargets, Double.NaN);
				Arrays.fill(this.fillRateTargets, Double.NaN);
			}
			int i = this.size - 1;
			boolean serviceLevel = target.measure() == ServiceTarget.Measure.SERVICE_LEVEL;
			this.serviceLevelTargets[i] = serviceLevel ? target.level() : Double.NaN;
			this.fillRateTargets[i] = serviceLevel ? Double.NaN : target.level();
			return orderTerms(terms);
		}

		public int size() {
			return this.size;
		}

		/** Output rows of product {@code i} added so far, as {@link Products#periods(int)} counts them. */
		public int periods(int i) {
			return (this.durations[i] - 1) / this.frequencies[i] + 1;
		}

		private void grow() {
			int n = this.ids.length * 2;
			if (this.targets) {
				int old = this.serviceLevelTargets.length;
				this.serviceLevelTargets = Arrays.copyOf(this.serviceLevelTargets, n);
				this.fillRateTargets = Arrays.copyOf(this.fillRateTargets, n);
				Arrays.fill(this.serviceLevelTargets, old, n, Double.NaN);
				Arrays.fill(this.fillRateTargets, old, n, Double.NaN);
			}
			this.ids = Arrays.copyOf(this.ids, n);
			this.startDays = Arrays.copyOf(this.startDays, n);
			this.initialInventory = Arrays.copyOf(this.initialInventory, n);
			this.salesRates = Arrays.copyOf(this.salesRates, n);
			this.restockingRates = Arrays.copyOf(this.restockingRates, n);
			this.durations = Arrays.copyOf(this.durations, n);
			this.frequencies = Arrays.copyOf(this.frequencies, n);
			this.salesStds = Arrays.copyOf(this.salesStds, n);
			this.reorderPoints = Arrays.copyOf(this.reorderPoints, n);
			this.orderQuantities = Arrays.copyOf(this.orderQuantities, n);
			this.leadTimes = Arrays.copyOf(this.leadTimes, n);
			this.orderPolicies = Arrays.copyOf(this.orderPolicies, n);
			this.reviewPeriods = Arrays.copyOf(this.reviewPeriods, n);
			this.safetyStocks = Arrays.copyOf(this.safetyStocks, n);
			this.minOrderQuantities = Arrays.copyOf(this.minOrderQuantities, n);
			this.orderMultiples = Arrays.copyOf(this.orderMultiples, n);
			this.maxLevels = Arrays.copyOf(this.maxLevels, n);
			if (this.profiles != null) {
				int old = this.profiles.length;
				this.profiles = Arrays.copyOf(this.profiles, 7 * n);
				Arrays.fill(this.profiles, old, 7 * n, 1.0);
			}
			this.leadTimeStds = Arrays.copyOf(this.leadTimeStds, n);
		}

		public Products build() {
			return new Products(this);
		}

	}

}
