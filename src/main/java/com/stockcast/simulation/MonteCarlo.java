package com.stockcast.simulation;

import java.util.Arrays;

/**
 * The probabilistic forecast of one product: {@code trials} independent runs of the day loop of
 * {@link PolicyTrajectory}, each with its own demand draws, summarised by percentiles, means and
 * probabilities over the trials. A worker thread keeps one and reuses it for every product; once
 * its arrays have grown to the largest product it allocates nothing.
 *
 * <p><b>Demand.</b> Day {@code d}'s demand {@code D_d}: {@link Demand#CONSTANT}: {@code sales_rate};
 * {@link Demand#NORMAL}: {@code max(0, sales_rate + sales_std * Z)}, {@code Z} standard normal
 * (with {@code sales_std == 0} exactly {@code sales_rate}, no draw); {@link Demand#POISSON}: Poisson
 * with mean {@code sales_rate} ({@code sales_std} is ignored). A trial then runs exactly
 * {@link PolicyTrajectory}'s day: sales under the policy, the restocking stream, receipts, order
 * review, final level. So with constant demand (or normal with deviation 0) every trial equals
 * {@link PolicyTrajectory} to the bit, and so do every percentile and mean below.
 *
 * <p><b>Randomness.</b> The product's stream comes from {@code (scenario.seed(), position)} alone
 * (see {@link RandomStream}) and trials consume it in order, trial 0 first, day 0 first. A product's
 * answer therefore depends neither on the other products, nor on the thread, the chunking or the
 * instance that computed it. Normal deviates come from a 128-layer ziggurat, Poisson ones from an
 * inversion table or PTRS (see {@link PoissonSampler}); both are exact in distribution.
 *
 * <p><b>Percentiles</b> are nearest-rank: the {@code q}-percentile of {@code T} trial values is
 * {@code x_(ceil(q*T))} of the values sorted ascending, {@code q = 0.1, 0.5, 0.9}, so each is a
 * value some trial reached. Stockout-day percentiles sort "never ran out" above every day.
 *
 * <p><b>Means</b> over trials are computed as {@code x_0 + (Σ (x_t - x_0)) / T}: as accurate as the
 * plain mean, and exactly {@code x_0} when all trials agree.
 */
public final class MonteCarlo {

	/** Marks "the percentile trial never ran out" in the stockout-day percentiles. */
	public static final int NO_STOCKOUT = -1;

	private final RandomStream random = new RandomStream();

	private final PoissonSampler poisson = new PoissonSampler();

	/** End-of-period levels, laid out [period][trial]; reordered by the percentile selection. */
	private double[] levels = new double[0];

	private double[] p10 = new double[32];
	private double[] p50 = new double[32];
	private double[] p90 = new double[32];
	private double[] outBy = new double[32];
	private double[] salesRef = new double[32];
	private double[] salesSum = new double[32];
	private double[] unmetRef = new double[32];
	private double[] unmetSum = new double[32];

	private double[] endings = new double[32];

	/** Trials whose first stockout is day d, and at {@code [days]} those never out. */
	private int[] firstOut = new int[33];

	private long[] lotsOrdered = new long[32];

	private double[] dayLevelRef = new double[32];
	private double[] dayLevelSum = new double[32];
	private double[] daySoldRef = new double[32];
	private double[] daySoldSum = new double[32];
	private double[] dayRestockingRef = new double[32];
	private double[] dayRestockingSum = new double[32];
	private double[] dayUnmetRef = new double[32];
	private double[] dayUnmetSum = new double[32];
	private int[] dayOutCount = new int[32];

	private int trials;
	private int periods;
	private int days;
	private double stockoutProbability;
	private int stockoutDayP10;
	private int stockoutDayP50;
	private int stockoutDayP90;
	private double endingP50;
	private double meanTotalUnmet;

	/**
	 * Runs {@code scenario.trials()} trials of product {@code i} under {@code scenario.policy()} and
	 * {@code scenario.demand()}. With {@code keepPeriods} false no period figures are kept (and no
	 * period percentiles computed), with {@code keepDays} false no daily means; the summary figures
	 * are always kept.
	 *
	 * @param position the product's position in the whole input (0-based): with
	 * {@code scenario.seed()} it alone determines the product's random stream
	 * @throws IllegalArgumentException when the scenario asks for no trials
	 */
	public void simulate(Products products, int i, long position, Scenario scenario, boolean keepPeriods,
			boolean keepDays) {
		int trials = scenario.trials();
		if (trials < 1) {
			throw new IllegalArgumentException("a Monte Carlo forecast needs at least one trial, not " + trials);
		}
		int days = products.durationDays(i);
		int periodCount = products.periods(i);
		ensureCapacity(trials, keepPeriods ? periodCount : 0, days, keepDays);
		Demand demand = scenario.demand();
		double salesRate = products.salesRate(i);
		double salesStd = products.salesStd(i);
		int mode = demandMode(demand, salesRate, salesStd);
		if (mode == POISSON) {
			this.poisson.prepare(salesRate);
		}
		this.random.reset(scenario.seed(), position);
		Arrays.fill(this.firstOut, 0, days + 1, 0);
		if (keepDays) {
			Arrays.fill(this.dayLevelSum, 0, days, 0);
			Arrays.fill(this.daySoldSum, 0, days, 0);
			Arrays.fill(this.dayRestockingSum, 0, days, 0);
			Arrays.fill(this.dayUnmetSum, 0, days, 0);
			Arrays.fill(this.dayOutCount, 0, days, 0);
		}
		if (keepPeriods) {
			Arrays.fill(this.salesSum, 0, periodCount, 0);
			Arrays.fill(this.unmetSum, 0, periodCount, 0);
		}
		double unmetRef = 0;
		double unmetSum = 0;
		for (int t = 0; t < trials; t++) {
			double unmet = trial(products, i, scenario.policy(), mode, t, trials, keepPeriods, keepDays);
			if (t == 0) {
				unmetRef = unmet;
			}
			else {
				unmetSum += unmet - unmetRef;
			}
		}
		this.trials = trials;
		this.periods = keepPeriods ? periodCount : 0;
		this.days = keepDays ? days : 0;
		this.meanTotalUnmet = unmetRef + unmetSum / trials;
		summarise(products, i, trials, days, keepPeriods);
	}

	private static final int CONSTANT = 0;

	private static final int NORMAL = 1;

	private static final int POISSON = 2;

	private static int demandMode(Demand demand, double salesRate, double salesStd) {
		switch (demand) {
			case NORMAL:
				return (salesStd == 0) ? CONSTANT : NORMAL;
			case POISSON:
				return (salesRate == 0) ? CONSTANT : POISSON;
			default:
				return CONSTANT;
		}
	}

	/** One trial; returns its total unmet demand. The day is {@link PolicyTrajectory}'s, statement for statement. */
	private double trial(Products products, int i, SalesPolicy policy, int mode, int t, int trials,
			boolean keepPeriods, boolean keepDays) {
		double level = products.initialInventory(i);
		double salesRate = products.salesRate(i);
		double salesStd = products.salesStd(i);
		double restockingRate = products.restockingRate(i);
		int days = products.durationDays(i);
		int frequency = products.frequency(i);
		int periodCount = products.periods(i);
		boolean lostSales = policy == SalesPolicy.LOST_SALES;
		boolean reorder = products.hasReorderPolicy(i);
		double reorderPoint = products.reorderPoint(i);
		double quantity = products.orderQuantity(i);
		int lead = products.leadTimeDays(i);
		RandomStream random = this.random;
		PoissonSampler poisson = this.poisson;
		long[] lotsOrdered = this.lotsOrdered;
		double[] levels = this.levels;
		long lotsOnOrder = 0;
		int stockout = NO_STOCKOUT;
		double unmetTotal = 0;
		int day = 0;
		for (int k = 0; k < periodCount; k++) {
			int end = Math.min(day + frequency, days);
			double periodSales = 0;
			double periodUnmet = 0;
			for (; day < end; day++) {
				double demand;
				if (mode == CONSTANT) {
					demand = salesRate;
				}
				else if (mode == NORMAL) {
					demand = Math.max(0.0, salesRate + salesStd * random.nextGaussian());
				}
				else {
					demand = poisson.sample(random);
				}
				double sold = demand;
				double lost = 0;
				if (lostSales) {
					sold = Math.min(demand, Math.max(level, 0.0));
					lost = demand - sold;
				}
				level -= sold;
				level += restockingRate;
				double receipt = 0;
				if (reorder) {
					if (lead > 0 && day >= lead) {
						long due = lotsOrdered[day - lead];
						if (due != 0) {
							receipt = due * quantity;
							level += receipt;
							lotsOnOrder -= due;
						}
					}
					long lots = PolicyTrajectory.lotsToOrder(level + lotsOnOrder * quantity, reorderPoint, quantity);
					lotsOrdered[day] = lots;
					if (lots != 0) {
						if (lead == 0) {
							receipt = lots * quantity;
							level += receipt;
						}
						else {
							lotsOnOrder += lots;
						}
					}
				}
				periodSales += sold;
				if (lostSales) {
					periodUnmet += lost;
					unmetTotal += lost;
				}
				if (level <= 0 && stockout == NO_STOCKOUT) {
					stockout = day;
				}
				if (keepDays) {
					double restocked = (receipt == 0) ? restockingRate : restockingRate + receipt;
					if (t == 0) {
						this.dayLevelRef[day] = level;
						this.daySoldRef[day] = sold;
						this.dayRestockingRef[day] = restocked;
						this.dayUnmetRef[day] = lost;
					}
					else {
						this.dayLevelSum[day] += level - this.dayLevelRef[day];
						this.daySoldSum[day] += sold - this.daySoldRef[day];
						this.dayRestockingSum[day] += restocked - this.dayRestockingRef[day];
						this.dayUnmetSum[day] += lost - this.dayUnmetRef[day];
					}
					if (level <= 0) {
						this.dayOutCount[day]++;
					}
				}
			}
			if (keepPeriods) {
				levels[k * trials + t] = level;
				if (t == 0) {
					this.salesRef[k] = periodSales;
					this.unmetRef[k] = periodUnmet;
				}
				else {
					this.salesSum[k] += periodSales - this.salesRef[k];
					this.unmetSum[k] += periodUnmet - this.unmetRef[k];
				}
			}
		}
		this.firstOut[(stockout == NO_STOCKOUT) ? days : stockout]++;
		this.endings[t] = level;
		return unmetTotal;
	}

	private void summarise(Products products, int i, int trials, int days, boolean keepPeriods) {
		int r10 = rank(10, trials);
		int r50 = rank(50, trials);
		int r90 = rank(90, trials);
		int[] firstOut = this.firstOut;
		this.stockoutProbability = (double) (trials - firstOut[days]) / trials;
		this.stockoutDayP10 = dayOfRank(r10, days);
		this.stockoutDayP50 = dayOfRank(r50, days);
		this.stockoutDayP90 = dayOfRank(r90, days);
		this.endingP50 = Select.select(this.endings, 0, trials, r50);
		if (!keepPeriods) {
			return;
		}
		int frequency = products.frequency(i);
		int out = 0;
		int day = 0;
		for (int k = 0; k < this.periods; k++) {
			int end = Math.min(day + frequency, days);
			for (; day < end; day++) {
				out += firstOut[day];
			}
			this.outBy[k] = (double) out / trials;
			int from = k * trials;
			this.p50[k] = Select.select(this.levels, from, from + trials, from + r50);
			this.p10[k] = Select.select(this.levels, from, from + r50, from + r10);
			this.p90[k] = Select.select(this.levels, from + r50, from + trials, from + r90);
		}
	}

	/** 0-based index of the nearest-rank {@code percent}-percentile of {@code n} values: {@code ceil(percent/100 * n) - 1}. */
	static int rank(int percent, int n) {
		return (int) (((long) percent * n + 99) / 100) - 1;
	}

	private int dayOfRank(int rank, int days) {
		int seen = 0;
		for (int d = 0; d < days; d++) {
			seen += this.firstOut[d];
			if (seen > rank) {
				return d;
			}
		}
		return NO_STOCKOUT;
	}

	private void ensureCapacity(int trials, int periods, int days, boolean keepDays) {
		if (trials > this.endings.length) {
			this.endings = new double[Math.max(trials, this.endings.length * 2)];
		}
		long cells = (long) periods * trials;
		if (cells > this.levels.length) {
			if (cells > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException(periods + " periods x " + trials + " trials is too many to hold");
			}
			this.levels = new double[(int) Math.max(cells, Math.min(Integer.MAX_VALUE - 8, this.levels.length * 2L))];
		}
		if (periods > this.p10.length) {
			int n = Math.max(periods, this.p10.length * 2);
			this.p10 = new double[n];
			this.p50 = new double[n];
			this.p90 = new double[n];
			this.outBy = new double[n];
			this.salesRef = new double[n];
			this.salesSum = new double[n];
			this.unmetRef = new double[n];
			this.unmetSum = new double[n];
		}
		if (days + 1 > this.firstOut.length) {
			this.firstOut = new int[Math.max(days + 1, this.firstOut.length * 2)];
		}
		if (days > this.lotsOrdered.length) {
			this.lotsOrdered = new long[Math.max(days, this.lotsOrdered.length * 2)];
		}
		if (keepDays && days > this.dayLevelRef.length) {
			int n = Math.max(days, this.dayLevelRef.length * 2);
			this.dayLevelRef = new double[n];
			this.dayLevelSum = new double[n];
			this.daySoldRef = new double[n];
			this.daySoldSum = new double[n];
			this.dayRestockingRef = new double[n];
			this.dayRestockingSum = new double[n];
			this.dayUnmetRef = new double[n];
			this.dayUnmetSum = new double[n];
			this.dayOutCount = new int[n];
		}
	}

	public int trials() {
		return this.trials;
	}

	/** Periods kept by the last {@link #simulate} with {@code keepPeriods}; 0 otherwise. */
	public int periods() {
		return this.periods;
	}

	/** 10th percentile over trials of the stock at the end of period {@code k}. */
	public double levelP10(int k) {
		return this.p10[k];
	}

	public double levelP50(int k) {
		return this.p50[k];
	}

	public double levelP90(int k) {
		return this.p90[k];
	}

	/** Fraction of trials that ended some day at or below zero by the end of period {@code k}. */
	public double stockoutProbabilityBy(int k) {
		return this.outBy[k];
	}

	/** Mean over trials of the units sold in period {@code k}. */
	public double meanSales(int k) {
		return this.salesRef[k] + this.salesSum[k] / this.trials;
	}

	/** Mean over trials of the demand lost in period {@code k}. */
	public double meanUnmet(int k) {
		return this.unmetRef[k] + this.unmetSum[k] / this.trials;
	}

	/** Fraction of trials that ran out within the projection. */
	public double stockoutProbability() {
		return this.stockoutProbability;
	}

	/** Nearest-rank 10th percentile of the stockout day, or {@link #NO_STOCKOUT} when that trial never ran out. */
	public int stockoutDayP10() {
		return this.stockoutDayP10;
	}

	public int stockoutDayP50() {
		return this.stockoutDayP50;
	}

	public int stockoutDayP90() {
		return this.stockoutDayP90;
	}

	/** Median over trials of the stock at the end of the last day. */
	public double endingP50() {
		return this.endingP50;
	}

	/** Mean over trials of the demand lost over the whole projection. */
	public double meanTotalUnmet() {
		return this.meanTotalUnmet;
	}

	/** Days kept by the last {@link #simulate} with {@code keepDays}; 0 otherwise. */
	public int days() {
		return this.days;
	}

	/** Mean over trials of the stock at the end of day {@code d}. */
	public double dayMeanLevel(int d) {
		return this.dayLevelRef[d] + this.dayLevelSum[d] / this.trials;
	}

	public double dayMeanSold(int d) {
		return this.daySoldRef[d] + this.daySoldSum[d] / this.trials;
	}

	/** Mean over trials of what came in on day {@code d}: the restocking stream plus receipts. */
	public double dayMeanRestocking(int d) {
		return this.dayRestockingRef[d] + this.dayRestockingSum[d] / this.trials;
	}

	public double dayMeanUnmet(int d) {
		return this.dayUnmetRef[d] + this.dayUnmetSum[d] / this.trials;
	}

	/** Fraction of trials whose day {@code d} ended at or below zero. */
	public double dayOutProbability(int d) {
		return (double) this.dayOutCount[d] / this.trials;
	}

}
