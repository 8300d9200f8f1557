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
 * with mean {@code sales_rate} ({@code sales_std} is ignored); {@link Demand#NEGATIVE_BINOMIAL}: the
 * gamma-Poisson mixture, {@code Λ ~ Gamma(shape r = μ²/(σ²-μ), scale (σ²-μ)/μ)} then Poisson({@code Λ}),
 * of mean {@code μ = sales_rate} and variance {@code σ² = sales_std²} (with {@code σ² = μ} the Poisson
 * itself, with {@code μ = 0} exactly 0; the intake refuses {@code σ² < μ}). Under a weekday profile each
 * day's law is the flat one scaled by the day's multiplier {@code m} ({@link Products#dayDemand}): normal
 * mean and deviation times {@code m}, Poisson rate times {@code m}, the negative binomial's mixed rate
 * {@code Λ} times {@code m}. A trial then runs exactly
 * {@link PolicyTrajectory}'s day: sales under the policy, the restocking stream, receipts (the
 * scheduled ones, the same in every trial, then the order due), order review, final level. So with
 * constant demand (or normal with deviation 0) every trial equals {@link PolicyTrajectory} to the bit,
 * and so do every percentile and mean below.
 *
 * <p><b>Orders.</b> The plain reorder point (daily review, no minimum, no pack:
 * {@link OrderTerms#plainReorderPoint}) is reviewed in each trial, on that trial's own level, so each
 * trial orders when its own stock calls for it. Every other order policy or constraint is a plan made
 * in advance (docs/forecast-contract.md#monte-carlo): the deterministic plan's orders, from
 * {@link PolicyTrajectory} at {@code sales_rate} under the scenario's sales policy, are fixed
 * ({@link FixedPlan}) and every trial receives each one's units on its arrival day, at step 3 right
 * after the scheduled receipts (a second addition, where {@link PolicyTrajectory} adds the order due),
 * with no review in the trials. The answer then says how often, and how badly, that one plan runs
 * out when demand varies; with constant demand the trials are the plan itself, to the bit.
 *
 * <p><b>Lead times that vary</b> ({@code lead_time_std_days} above 0,
 * docs/forecast-contract.md#lead-times-that-vary): each order of a trial, the reorder point's own or
 * the fixed plan's (placed on its plan day), arrives after a lead time the trial draws ({@link LeadTime}),
 * so orders may cross and several arrive on one day; each trial keeps its arrival schedule, a ring of
 * {@link LeadTime#longest} + 1 days. With deviation 0 nothing is drawn and every number is as with one
 * fixed lead time, to the bit.
 *
 * <p><b>Randomness.</b> Trial {@code t}'s stream comes from {@code (scenario.seed(), position, t)}
 * alone (SplitMix64, see {@link RandomStream}) and the trial consumes it in order, day 0 first; its
 * lead times come from a second stream of the same three numbers (another salt), one draw per order in
 * the order placed, so that drawing them leaves the demand draws as they were. A
 * product's answer therefore depends neither on the other products, nor on the thread, the
 * chunking or the instance that computed it. Normal deviates come from a 128-layer ziggurat, Poisson ones from an
 * inversion table or PTRS (see {@link PoissonSampler}), negative binomial ones from
 * {@link NegativeBinomialSampler}; all are exact in distribution.
 *
 * <p><b>Quantiles</b> are nearest-rank: the {@code q}-quantile of {@code T} trial values is
 * {@code x_(ceil(q*T))} of the values sorted ascending, for the scenario's {@link Quantiles} (by
 * default {@code q = 0.1, 0.5, 0.9}), so each is a value some trial reached. Stockout-day quantiles
 * sort "never ran out" above every day.
 *
 * <p><b>Means</b> over trials are computed as {@code x_0 + (Σ (x_t - x_0)) / T}: as accurate as the
 * plain mean, and exactly {@code x_0} when all trials agree. (The sums run in a fixed order, four
 * interleaved partial sums for period and total figures, trial order for daily ones.)
 */
public final class MonteCarlo {

	/** Marks "the quantile's trial never ran out" in the stockout-day quantiles. */
	public static final int NO_STOCKOUT = -1;

	private final RandomStream random = new RandomStream();

	private final PoissonSampler poisson = new PoissonSampler();

	private final NegativeBinomialSampler negativeBinomial = new NegativeBinomialSampler(this.random);

	/** Poisson demand under a weekday profile: one prepared rate per weekday, Monday first. */
	private final PoissonSampler[] weekdayPoisson = new PoissonSampler[7];

	/** Per-trial state, indexed by trial: all trials advance one day together (see {@link #simulate}). */
	private double[] level = new double[32];
	private long[] states = new long[32];
	private long[] lotsOnOrder = new long[32];
	private int[] stockout = new int[32];
	private double[] periodSales = new double[32];
	private double[] periodUnmet = new double[32];
	private double[] totalUnmet = new double[32];

	/**
	 * Each trial's arrival schedule: lots due on day {@code a} at [a mod slots][trial], cleared as they
	 * arrive; {@code slots} is one more than the longest lead time ({@link LeadTime#longest}), so orders
	 * drawn with different lead times may arrive out of order or several on one day.
	 */
	private long[] lotsDue = new long[32];

	/** The fixed plan's units due, laid out as {@link #lotsDue}: kept only when its lead times vary. */
	private double[] unitsDue = new double[32];

	/** Each trial's lead-time stream (see {@link RandomStream#leadTimeState}): drawn only when they vary. */
	private long[] leadStates = new long[32];

	/**
	 * What each trial's policy achieves (docs/forecast-contract.md#what-the-plan-achieves), kept for
	 * products with an order policy: its completed cycles, those with a stockout, the state of its open
	 * cycle ({@link #NO_CYCLE}, {@link #CYCLE}, {@link #SHORT_CYCLE}), its demand and the part not met
	 * from stock.
	 */
	private int[] cycles = new int[32];
	private int[] shortCycles = new int[32];
	private byte[] cycle = new byte[32];
	private double[] demanded = new double[32];
	private double[] shortOf = new double[32];

	private static final byte NO_CYCLE = 0;
	private static final byte CYCLE = 1;
	private static final byte SHORT_CYCLE = 2;

	/** Whether the last product had an order policy, so that its achieved figures were kept. */
	private boolean achieving;
	private double achievedCycleServiceLevel;
	private double cycleServiceLevelLow;
	private double cycleServiceLevelHigh;
	private double achievedFillRate;
	private double fillRateLow;
	private double fillRateHigh;

	/** Whether the trials draw each order's lead time: the product's lead time deviation is above 0. */
	private boolean varying;

	private int slots;

	private int longestLead;

	/** Where the quantiles are selected, so that the trial state stays in trial order. */
	private double[] scratch = new double[32];

	private final Select select = new Select();

	/** The last scenario's quantiles, and their 0-based ranks among its trials. */
	private Quantiles quantiles = Quantiles.PERCENTILES;
	private final int[] ranks = new int[Quantiles.MAX];

	/** The ranks of the quantiles whose ending level is reported, and what {@link Select#ranks} selects. */
	private final int[] endingRanks = new int[Quantiles.MAX];
	private final double[] selected = new double[Quantiles.MAX];

	/** Quantile j of the level at the end of period k, at [k * quantile count + j]. */
	private double[] levelQuantiles = new double[3 * 32];
	private double[] outBy = new double[32];
	private double[] salesRef = new double[32];
	private double[] salesSum = new double[32];
	private double[] unmetRef = new double[32];
	private double[] unmetSum = new double[32];

	/** Trials whose first stockout is day d, and at {@code [days]} those never out. */
	private int[] firstOut = new int[33];

	private double[] dayLevel = new double[32];
	private double[] daySold = new double[32];
	private double[] dayRestocking = new double[32];
	private double[] dayUnmet = new double[32];
	private int[] dayOutCount = new int[32];

	/** The deterministic plan's orders, received in every trial, for order terms the trials do not review themselves. */
	private final FixedPlan plan = new FixedPlan();

	/** Whether the trials review the product's orders themselves: the plain reorder point. */
	private boolean reacting;

	/** The product's next scheduled receipt day (an index into its receipts), its day, and the units still due from it on. */
	private int receipt;
	private int receiptDay;
	private double scheduledDue;

	private int trials;
	private int periods;
	private int days;
	private double stockoutProbability;
	private final int[] stockoutDays = new int[Quantiles.MAX];
	private final double[] ending = new double[Quantiles.MAX];
	private double meanTotalUnmet;

	/**
	 * Runs {@code scenario.trials()} trials of product {@code i} under {@code scenario.policy()} and
	 * {@code scenario.demand()}, reporting {@code scenario.quantiles()}. With {@code keepPeriods} false
	 * no period figures are kept (and no period quantiles computed), with {@code keepDays} false no
	 * daily means; the summary figures are always kept.
	 *
	 * <p>The trials advance in lockstep, one day for all of them before the next day, so that the
	 * processor overlaps independent trials instead of waiting on each day's result; each trial
	 * draws from its own stream, so the order does not change any number.
	 *
	 * @param position the product's position in the whole input (0-based): with
	 * {@code scenario.seed()} it alone determines the product's random stream
	 * @throws IllegalArgumentException when the scenario asks for no trials
	 */
	public void simulate(Products products, int i, long position, Scenario scenario, boolean keepPeriods,
			boolean keepDays) {
		simulate(products, i, position, scenario, keepPeriods, keepDays, true);
	}

	/**
	 * As {@link #simulate(Products, int, long, Scenario, boolean, boolean)}; with {@code keepAchieved}
	 * false the achieved service figures are not kept (NaN), which spares the day loop their bookkeeping
	 * (it costs up to 1.7 times the day's work with constant demand and the reorder point; only the summary
	 * shows them).
	 */
	public void simulate(Products products, int i, long position, Scenario scenario, boolean keepPeriods,
			boolean keepDays, boolean keepAchieved) {
		int trials = scenario.trials();
		if (trials < 1) {
			throw new IllegalArgumentException("a Monte Carlo forecast needs at least one trial, not " + trials);
		}
		int days = products.durationDays(i);
		int frequency = products.frequency(i);
		int periodCount = products.periods(i);
		boolean reacting = products.hasReorderPolicy(i) && products.orderTerms(i).plainReorderPoint();
		this.reacting = reacting;
		boolean lostSales = scenario.policy() == SalesPolicy.LOST_SALES;
		double leadStd = products.hasReorderPolicy(i) ? products.leadTimeStdDays(i) : 0;
		boolean varying = leadStd > 0;
		this.varying = varying;
		if (products.hasReorderPolicy(i) && !reacting) {
			this.plan.fix(products, i, scenario.policy(), varying);
		}
		else {
			this.plan.clear();
		}
		int lead = products.leadTimeDays(i);
		this.longestLead = varying ? LeadTime.longest(lead, leadStd, days) : lead;
		int slots = (reacting || varying) ? this.longestLead + 1 : 0;
		this.slots = slots;
		Quantiles quantiles = scenario.quantiles();
		this.quantiles = quantiles;
		for (int j = 0; j < quantiles.count(); j++) {
			this.ranks[j] = quantiles.rank(j, trials);
		}
		ensureCapacity(trials, keepPeriods ? periodCount : 0, quantiles.count(), days, keepDays, slots,
				varying && !reacting);
		double salesRate = products.salesRate(i);
		int mode = demandMode(scenario.demand(), salesRate, products.salesStd(i));
		if (mode == POISSON && products.hasProfiles()) {
			for (int w = 0; w < 7; w++) {
				if (this.weekdayPoisson[w] == null) {
					this.weekdayPoisson[w] = new PoissonSampler();
				}
				// The same product as Products#dayDemand forms, so the mean is the deterministic day's to the bit.
				this.weekdayPoisson[w].prepare(salesRate * products.weekdayMultiplier(i, w));
			}
		}
		else if (mode == POISSON) {
			this.poisson.prepare(salesRate);
		}
		if (mode == NEGATIVE_BINOMIAL) {
			this.negativeBinomial.prepare(salesRate, products.salesStd(i));
		}
		long gamma = RandomStream.gamma(scenario.seed(), position);
		long seed = scenario.seed();
		for (int t = 0; t < trials; t++) {
			this.states[t] = (mode == CONSTANT) ? 0 : RandomStream.trialState(seed, position, t);
		}
		if (varying) {
			for (int t = 0; t < trials; t++) {
				this.leadStates[t] = RandomStream.leadTimeState(seed, position, t);
			}
		}
		Arrays.fill(this.level, 0, trials, products.initialInventory(i));
		Arrays.fill(this.lotsOnOrder, 0, trials, 0);
		Arrays.fill(this.stockout, 0, trials, NO_STOCKOUT);
		Arrays.fill(this.totalUnmet, 0, trials, 0);
		boolean achieving = keepAchieved && products.hasReorderPolicy(i);
		this.achieving = achieving;
		if (achieving) {
			Arrays.fill(this.cycles, 0, trials, 0);
			Arrays.fill(this.shortCycles, 0, trials, 0);
			Arrays.fill(this.cycle, 0, trials, NO_CYCLE);
			Arrays.fill(this.demanded, 0, trials, 0);
			Arrays.fill(this.shortOf, 0, trials, 0);
		}
		Arrays.fill(this.lotsDue, 0, reacting ? slots * trials : 0, 0);
		Arrays.fill(this.unitsDue, 0, (varying && !reacting) ? slots * trials : 0, 0);
		this.receipt = products.receiptsStart(i);
		nextReceipt(products, i);
		int day = 0;
		for (int k = 0; k < periodCount; k++) {
			int end = Math.min(day + frequency, days);
			if (keepPeriods) {
				Arrays.fill(this.periodSales, 0, trials, 0);
				Arrays.fill(this.periodUnmet, 0, trials, 0);
			}
			for (; day < end; day++) {
				advance(products, i, day, days, trials, mode, gamma, lostSales, keepPeriods, keepDays);
			}
			if (keepPeriods) {
				summarisePeriod(k, trials);
			}
		}
		this.trials = trials;
		this.periods = keepPeriods ? periodCount : 0;
		this.days = keepDays ? days : 0;
		summarise(frequency, trials, days, keepPeriods);
		if (achieving) {
			summariseAchieved(trials);
		}
	}

	/**
	 * The achieved cycle service level (completed cycles of all trials without a stockout) with its Wilson
	 * interval, and the fill rate (1 - units short / units demanded, over all trials) with the delta
	 * method's interval for a ratio of the trials' sums (trials are independent, so the spread of
	 * {@code shortCountt - r demand_t} over them gives the ratio's standard error).
	 */
	private void summariseAchieved(int trials) {
		long cycles = 0;
		long shortCount = 0;
		double demand = 0;
		double shortUnits = 0;
		for (int t = 0; t < trials; t++) {
			cycles += this.cycles[t];
			shortCount += this.shortCycles[t];
			demand += this.demanded[t];
			shortUnits += this.shortOf[t];
		}
		this.achievedCycleServiceLevel = (cycles == 0) ? Double.NaN : (double) (cycles - shortCount) / cycles;
		this.cycleServiceLevelLow = Achieved.wilson(cycles - shortCount, cycles, true);
		this.cycleServiceLevelHigh = Achieved.wilson(cycles - shortCount, cycles, false);
		if (demand == 0) {
			this.achievedFillRate = Double.NaN;
			this.fillRateLow = Double.NaN;
			this.fillRateHigh = Double.NaN;
			return;
		}
		double ratio = shortUnits / demand;
		double half = Achieved.ratioHalfWidth(this.shortOf, this.demanded, trials, ratio, demand);
		this.achievedFillRate = 1 - ratio;
		this.fillRateLow = Math.max(0, this.achievedFillRate - half);
		this.fillRateHigh = Math.min(1, this.achievedFillRate + half);
	}

	private static final int CONSTANT = 0;

	private static final int NORMAL = 1;

	private static final int POISSON = 2;

	private static final int NEGATIVE_BINOMIAL = 3;

	private static int demandMode(Demand demand, double salesRate, double salesStd) {
		switch (demand) {
			case NORMAL:
				return (salesStd == 0) ? CONSTANT : NORMAL;
			case POISSON:
				return (salesRate == 0) ? CONSTANT : POISSON;
			case NEGATIVE_BINOMIAL:
				if (salesRate == 0) {
					return CONSTANT;
				}
				if (NegativeBinomialSampler.proper(salesRate, salesStd)) {
					return NEGATIVE_BINOMIAL;
				}
				// Variance equal to the mean is the negative binomial's Poisson limit; below it the intake refused
				// the row (Demand#admits), so only a product built past the intake lands there, as a Poisson.
				// A shape that underflows to 0 (a vanishing mean, a huge deviation) is no gamma the sampler takes:
				// such a product is drawn as its mean, constant.
				return (salesStd * salesStd <= salesRate) ? POISSON : CONSTANT;
			default:
				return CONSTANT;
		}
	}

	/** Points at the product's next scheduled receipt day from {@link #receipt} on, or at none. */
	private void nextReceipt(Products products, int i) {
		boolean more = this.receipt < products.receiptsEnd(i);
		this.receiptDay = more ? products.receiptDay(this.receipt) : -1;
		this.scheduledDue = more ? products.receiptsOnward(this.receipt) : 0;
	}

	/** Day {@code day} of every trial: {@link PolicyTrajectory}'s day, statement for statement. */
	private void advance(Products products, int i, int day, int days, int trials, int mode, long gamma,
			boolean lostSales, boolean keepPeriods, boolean keepDays) {
		// Under a weekday profile the day's law is the flat one scaled by the day's multiplier m: the normal's
		// mean and deviation times m, the Poisson's rate, the negative binomial's gamma rate (so its shape stays).
		boolean profiled = products.hasProfiles();
		double multiplier = profiled ? products.dayMultiplier(i, day) : 1;
		double salesRate = profiled ? products.dayDemand(i, day) : products.salesRate(i);
		double salesStd = profiled ? products.salesStd(i) * multiplier : products.salesStd(i);
		double restockingRate = products.restockingRate(i);
		boolean reorder = this.reacting;
		double reorderPoint = products.reorderPoint(i);
		double quantity = products.orderQuantity(i);
		int lead = products.leadTimeDays(i);
		double leadStd = products.leadTimeStdDays(i);
		boolean varying = this.varying;
		int longestLead = this.longestLead;
		RandomStream random = this.random;
		PoissonSampler poisson = (profiled && mode == POISSON)
				? this.weekdayPoisson[Products.weekday((long) products.startDay(i) + day)] : this.poisson;
		NegativeBinomialSampler negativeBinomial = this.negativeBinomial;
		boolean poissonTable = poisson.tabulated();
		long[] zigguratK = RandomStream.Ziggurat.K;
		double[] zigguratW = RandomStream.Ziggurat.W;
		double[] level = this.level;
		long[] states = this.states;
		long[] lotsOnOrder = this.lotsOnOrder;
		long[] lotsDue = this.lotsDue;
		double[] unitsDue = this.unitsDue;
		long[] leadStates = this.leadStates;
		int[] stockout = this.stockout;
		double[] periodSales = this.periodSales;
		double[] periodUnmet = this.periodUnmet;
		double[] totalUnmet = this.totalUnmet;
		boolean achieving = this.achieving;
		int[] cycles = this.cycles;
		int[] shortCycles = this.shortCycles;
		byte[] cycle = this.cycle;
		double[] demanded = this.demanded;
		double[] shortOf = this.shortOf;
		// An order due on day a sits in slot a mod slots until then; with one lead time L, today's order's is fixed.
		int slots = this.slots;
		int dueSlot = (slots == 0) ? 0 : (day % slots) * trials;
		int orderSlot = (reorder && !varying) ? ((day + lead) % slots) * trials : 0;
		boolean orderReceived = day + lead < days;
		// Scheduled receipts are the same in every trial.
		double scheduled = 0;
		if (day == this.receiptDay) {
			scheduled = products.receiptUnits(this.receipt++);
			nextReceipt(products, i);
		}
		double scheduledDue = this.scheduledDue;
		// So is the fixed plan's order due today (never with the plain reorder point, which orders per trial),
		// unless its lead times vary: then each trial draws when the order placed today arrives.
		double planned = varying ? 0 : this.plan.unitsArriving(day);
		double placed = (varying && !reorder) ? this.plan.unitsPlaced(day) : 0;
		boolean planVaries = varying && !reorder;
		double levelSum = 0;
		double soldSum = 0;
		double restockingSum = 0;
		double unmetSum = 0;
		int out = 0;
		double levelRef = 0;
		double soldRef = 0;
		double restockingRef = 0;
		double unmetRef = 0;
		for (int t = 0; t < trials; t++) {
			double demand;
			if (mode == CONSTANT) {
				demand = salesRate;
			}
			else if (mode == NEGATIVE_BINOMIAL) {
				random.use(states[t], gamma);
				demand = negativeBinomial.sample(multiplier);
				states[t] = random.state();
			}
			else {
				// SplitMix64 inline (RandomStream's nextLong), so the hot path keeps the state in a register.
				long state = states[t] + gamma;
				long bits = RandomStream.mix64(state);
				if (mode == NORMAL) {
					int layer = (int) bits & 127;
					long u = bits >> 8;
					double z;
					if (Math.abs(u) < zigguratK[layer]) {
						z = u * zigguratW[layer];
					}
					else {
						random.use(state, gamma);
						z = RandomStream.Ziggurat.fix(random, layer, u);
						state = random.state();
					}
					demand = salesRate + salesStd * z;
					demand = (demand > 0) ? demand : 0.0;
				}
				else if (poissonTable) {
					demand = poisson.invert((bits >>> 11) * 0x1.0p-53);
				}
				else {
					random.use(state, gamma);
					demand = poisson.sample(random);
					state = random.state();
				}
				states[t] = state;
			}
			double x = level[t];
			double sold = demand;
			double lost = 0;
			if (lostSales) {
				double onHand = (x > 0) ? x : 0.0;
				sold = (demand < onHand) ? demand : onHand;
				lost = demand - sold;
			}
			x -= sold;
			x += restockingRate;
			if (scheduled != 0) {
				x += scheduled;
			}
			double receipt = 0;
			boolean arrived = false;
			if (planned != 0) {
				// A second addition after the scheduled receipt, as PolicyTrajectory adds the order due.
				receipt = planned;
				x += planned;
				arrived = true;
			}
			if (planVaries) {
				if (placed != 0) {
					// Drawn before today's receipt: an order drawn with lead time 0 arrives today.
					random.use(leadStates[t], gamma);
					int arrival = day + LeadTime.draw(random, lead, leadStd, longestLead);
					leadStates[t] = random.state();
					if (arrival < days) {
						unitsDue[(arrival % slots) * trials + t] += placed;
					}
				}
				double due = unitsDue[dueSlot + t];
				if (due != 0) {
					unitsDue[dueSlot + t] = 0;
					receipt = due;
					x += due;
					arrived = true;
				}
			}
			if (reorder) {
				long due = lotsDue[dueSlot + t];
				if (due != 0) {
					lotsDue[dueSlot + t] = 0;
					receipt = due * quantity;
					x += receipt;
					lotsOnOrder[t] -= due;
					arrived = true;
				}
				double position = x + lotsOnOrder[t] * quantity;
				if (scheduledDue != 0) {
					position += scheduledDue;
				}
				long lots = OrderReview.lotsToOrder(position, reorderPoint, quantity);
				if (lots != 0) {
					int leadDays = lead;
					boolean received = orderReceived;
					int slot = orderSlot;
					if (varying) {
						random.use(leadStates[t], gamma);
						leadDays = LeadTime.draw(random, lead, leadStd, longestLead);
						leadStates[t] = random.state();
						received = day + leadDays < days;
						slot = ((day + leadDays) % slots) * trials;
					}
					if (leadDays == 0) {
						// Added to what arrived today (0 but with drawn lead times: 0 + r is r, to the bit).
						double units = lots * quantity;
						receipt += units;
						x += units;
						arrived = true;
					}
					else {
						lotsOnOrder[t] += lots;
						if (received) {
							lotsDue[slot + t] += lots;
						}
					}
				}
			}
			level[t] = x;
			if (achieving) {
				// A cycle runs from an order's arrival to the day before the next one's; the first begins
				// with the first arrival. Under backorders a day is short by what its final level still owes
				// of its demand (the backlog filled oldest first), under lost sales by what it lost.
				demanded[t] += demand;
				double owed = (x < 0) ? -x : 0.0;
				shortOf[t] += lostSales ? lost : (owed < demand) ? owed : demand;
				byte c = cycle[t];
				if (arrived) {
					if (c != NO_CYCLE) {
						cycles[t]++;
						if (c == SHORT_CYCLE) {
							shortCycles[t]++;
						}
					}
					c = CYCLE;
				}
				if (c == CYCLE && (x <= 0 || lost > 0)) {
					c = SHORT_CYCLE;
				}
				cycle[t] = c;
			}
			if (keepPeriods) {
				periodSales[t] += sold;
				if (lostSales) {
					periodUnmet[t] += lost;
				}
			}
			if (lostSales) {
				totalUnmet[t] += lost;
			}
			if ((x <= 0 || lost > 0) && stockout[t] == NO_STOCKOUT) {
				stockout[t] = day;
			}
			if (keepDays) {
				double restocked = PolicyTrajectory.dayIn(restockingRate, scheduled, receipt);
				if (t == 0) {
					levelRef = x;
					soldRef = sold;
					restockingRef = restocked;
					unmetRef = lost;
				}
				levelSum += x - levelRef;
				soldSum += sold - soldRef;
				restockingSum += restocked - restockingRef;
				unmetSum += lost - unmetRef;
				if (x <= 0 || lost > 0) {
					out++;
				}
			}
		}
		if (keepDays) {
			this.dayLevel[day] = levelRef + levelSum / trials;
			this.daySold[day] = soldRef + soldSum / trials;
			this.dayRestocking[day] = restockingRef + restockingSum / trials;
			this.dayUnmet[day] = unmetRef + unmetSum / trials;
			this.dayOutCount[day] = out;
		}
	}

	private void summarisePeriod(int k, int trials) {
		double[] periodSales = this.periodSales;
		double[] periodUnmet = this.periodUnmet;
		double salesRef = periodSales[0];
		double unmetRef = periodUnmet[0];
		this.salesRef[k] = salesRef;
		this.salesSum[k] = sumOfDifferences(periodSales, trials, salesRef);
		this.unmetRef[k] = unmetRef;
		this.unmetSum[k] = sumOfDifferences(periodUnmet, trials, unmetRef);
		int count = this.quantiles.count();
		this.select.ranks(this.level, trials, this.ranks, count, this.selected, this.scratch);
		System.arraycopy(this.selected, 0, this.levelQuantiles, k * count, count);
	}

	private void summarise(int frequency, int trials, int days, boolean keepPeriods) {
		int[] firstOut = this.firstOut;
		Arrays.fill(firstOut, 0, days + 1, 0);
		for (int t = 0; t < trials; t++) {
			int day = this.stockout[t];
			firstOut[(day == NO_STOCKOUT) ? days : day]++;
		}
		double unmetRef = this.totalUnmet[0];
		this.meanTotalUnmet = unmetRef + sumOfDifferences(this.totalUnmet, trials, unmetRef) / trials;
		this.stockoutProbability = (double) (trials - firstOut[days]) / trials;
		Quantiles quantiles = this.quantiles;
		int reported = 0;
		for (int j = 0; j < quantiles.count(); j++) {
			this.stockoutDays[j] = dayOfRank(this.ranks[j], days);
			if (quantiles.reportsEnding(j)) {
				this.endingRanks[reported++] = this.ranks[j];
			}
		}
		// The default reports the median alone, one quickselect as ever; chosen quantiles all of theirs.
		this.select.ranks(this.level, trials, this.endingRanks, reported, this.selected, this.scratch);
		reported = 0;
		for (int j = 0; j < quantiles.count(); j++) {
			this.ending[j] = quantiles.reportsEnding(j) ? this.selected[reported++] : Double.NaN;
		}
		if (!keepPeriods) {
			return;
		}
		int out = 0;
		int day = 0;
		for (int k = 0; k < this.periods; k++) {
			int end = Math.min(day + frequency, days);
			for (; day < end; day++) {
				out += firstOut[day];
			}
			this.outBy[k] = (double) out / trials;
		}
	}

	/**
	 * {@code Σ (values[t] - ref)} over {@code t < n}, in four interleaved partial sums (t mod 4) added
	 * at the end, so that the additions do not wait on one another; a fixed order, so the same
	 * inputs give the same bits, and exactly 0 when every value equals {@code ref}.
	 */
	static double sumOfDifferences(double[] values, int n, double ref) {
		double s0 = 0;
		double s1 = 0;
		double s2 = 0;
		double s3 = 0;
		int t = 0;
		for (; t + 3 < n; t += 4) {
			s0 += values[t] - ref;
			s1 += values[t + 1] - ref;
			s2 += values[t + 2] - ref;
			s3 += values[t + 3] - ref;
		}
		for (; t < n; t++) {
			s0 += values[t] - ref;
		}
		return (s0 + s1) + (s2 + s3);
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

	private void ensureCapacity(int trials, int periods, int quantiles, int days, boolean keepDays, int slots,
			boolean planVaries) {
		if (trials > this.level.length) {
			int n = Math.max(trials, this.level.length * 2);
			this.level = new double[n];
			this.states = new long[n];
			this.lotsOnOrder = new long[n];
			this.leadStates = new long[n];
			this.cycles = new int[n];
			this.shortCycles = new int[n];
			this.cycle = new byte[n];
			this.demanded = new double[n];
			this.shortOf = new double[n];
			this.stockout = new int[n];
			this.periodSales = new double[n];
			this.periodUnmet = new double[n];
			this.totalUnmet = new double[n];
			this.scratch = new double[n];
		}
		long cells = (long) slots * trials;
		if (cells > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a lead time of " + (slots - 1) + " days x " + trials
					+ " trials is too many to hold");
		}
		if (!planVaries && cells > this.lotsDue.length) {
			this.lotsDue = new long[(int) Math.max(cells, Math.min(Integer.MAX_VALUE - 8, this.lotsDue.length * 2L))];
		}
		if (planVaries && cells > this.unitsDue.length) {
			this.unitsDue = new double[(int) Math.max(cells, Math.min(Integer.MAX_VALUE - 8, this.unitsDue.length * 2L))];
		}
		if ((long) periods * quantiles > this.levelQuantiles.length) {
			this.levelQuantiles = new double[Math.max(periods * quantiles, this.levelQuantiles.length * 2)];
		}
		if (periods > this.outBy.length) {
			int n = Math.max(periods, this.outBy.length * 2);
			this.outBy = new double[n];
			this.salesRef = new double[n];
			this.salesSum = new double[n];
			this.unmetRef = new double[n];
			this.unmetSum = new double[n];
		}
		if (days + 1 > this.firstOut.length) {
			this.firstOut = new int[Math.max(days + 1, this.firstOut.length * 2)];
		}
		if (keepDays && days > this.dayLevel.length) {
			int n = Math.max(days, this.dayLevel.length * 2);
			this.dayLevel = new double[n];
			this.daySold = new double[n];
			this.dayRestocking = new double[n];
			this.dayUnmet = new double[n];
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

	/** The quantiles the last {@link #simulate} reported: its scenario's. */
	public Quantiles quantiles() {
		return this.quantiles;
	}

	/** Quantile {@code j} (of {@link #quantiles()}) over trials of the stock at the end of period {@code k}. */
	public double levelQuantile(int k, int j) {
		return this.levelQuantiles[k * this.quantiles.count() + j];
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

	/** Quantile {@code j} of the stockout day, or {@link #NO_STOCKOUT} when that trial never ran out. */
	public int stockoutDayQuantile(int j) {
		return this.stockoutDays[j];
	}

	/**
	 * Quantile {@code j} over trials of the stock at the end of the last day; computed only where
	 * {@link Quantiles#reportsEnding} (the median alone by default), NaN elsewhere.
	 */
	public double endingQuantile(int j) {
		return this.ending[j];
	}

	/** Mean over trials of the demand lost over the whole projection. */
	public double meanTotalUnmet() {
		return this.meanTotalUnmet;
	}

	/**
	 * The share of the last product's completed replenishment cycles, over all trials, without a stockout
	 * (docs/forecast-contract.md#what-the-plan-achieves); NaN without an order policy or a completed cycle.
	 */
	public double achievedCycleServiceLevel() {
		return this.achieving ? this.achievedCycleServiceLevel : Double.NaN;
	}

	/** The 95% Wilson interval's low end of {@link #achievedCycleServiceLevel}. */
	public double cycleServiceLevelLow() {
		return this.achieving ? this.cycleServiceLevelLow : Double.NaN;
	}

	public double cycleServiceLevelHigh() {
		return this.achieving ? this.cycleServiceLevelHigh : Double.NaN;
	}

	/**
	 * The share of the last product's demand, over all trials, met from stock; NaN without an order policy
	 * or without demand.
	 */
	public double achievedFillRate() {
		return this.achieving ? this.achievedFillRate : Double.NaN;
	}

	/** The 95% interval's low end of {@link #achievedFillRate}. */
	public double fillRateLow() {
		return this.achieving ? this.fillRateLow : Double.NaN;
	}

	public double fillRateHigh() {
		return this.achieving ? this.fillRateHigh : Double.NaN;
	}

	/** Days kept by the last {@link #simulate} with {@code keepDays}; 0 otherwise. */
	public int days() {
		return this.days;
	}

	/** Mean over trials of the stock at the end of day {@code d}. */
	public double dayMeanLevel(int d) {
		return this.dayLevel[d];
	}

	public double dayMeanSold(int d) {
		return this.daySold[d];
	}

	/** Mean over trials of what came in on day {@code d}: the restocking stream plus receipts. */
	public double dayMeanRestocking(int d) {
		return this.dayRestocking[d];
	}

	public double dayMeanUnmet(int d) {
		return this.dayUnmet[d];
	}

	/** Fraction of trials whose day {@code d} ended at or below zero. */
	public double dayOutProbability(int d) {
		return (double) this.dayOutCount[d] / this.trials;
	}

}
