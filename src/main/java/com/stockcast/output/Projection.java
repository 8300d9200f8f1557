package com.stockcast.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.stockcast.output.Table.Column;
import com.stockcast.output.Table.Kind;
import com.stockcast.simulation.MonteCarlo;
import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Quantiles;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;
import com.stockcast.simulation.Shortfall;

/**
 * A forecast under one scenario: the simulation each product runs (its deterministic trajectory, or
 * the Monte Carlo trials of the probabilistic forecast) and the records it makes in each view, with
 * their {@link Table}s. The default forecast is the simplest scenario: backorders, constant demand,
 * no reorder policy, and the five columns of the contract. A synchronous answer, a job's chunk and
 * the portfolio totals all compute products here, and only here.
 */
public final class Projection {

	private static final ThreadLocal<PolicyTrajectory> TRAJECTORIES = ThreadLocal.withInitial(PolicyTrajectory::new);

	private static final ThreadLocal<MonteCarlo> SIMULATIONS = ThreadLocal.withInitial(MonteCarlo::new);

	private static final ThreadLocal<OrderReasons> REASONS = ThreadLocal.withInitial(OrderReasons::new);

	private static final ThreadLocal<int[]> ORDER_DATES = ThreadLocal.withInitial(() -> new int[16]);

	private final Scenario scenario;

	private final boolean orders;

	private final boolean lostSales;

	/** Whether the request gave scheduled receipts: rows then show them per period. */
	private final boolean receipts;

	/**
	 * Whether some product's safety stock or reorder point was computed from a service target: the
	 * summary then shows both figures (docs/forecast-contract.md#safety-stock-from-a-target).
	 */
	private final boolean targets;

	/** Whether rows carry days of cover: they do with the columns of lost sales, orders or receipts. */
	private final boolean cover;

	private final Table rows;

	private final Table summary;

	private final Table totals;

	private final Table orderRows;

	private final Table exceptionRows;

	/** @param features what the product list holds that adds columns to the answers */
	public Projection(Scenario scenario, ListFeatures features) {
		this.scenario = scenario;
		this.orders = features.orders();
		this.receipts = features.receipts();
		this.targets = features.targets();
		this.lostSales = scenario.policy() == SalesPolicy.LOST_SALES;
		this.cover = this.lostSales || this.orders || this.receipts;
		this.rows = new Table(rowColumns());
		this.summary = new Table(summaryColumns());
		this.totals = new Table(totalColumns());
		this.orderRows = new Table(orderColumns());
		this.exceptionRows = new Table(exceptionColumns());
	}

	/** The table of {@code view}'s records. */
	public Table table(View view) {
		return switch (view) {
			case ROWS -> this.rows;
			case SUMMARY -> this.summary;
			case TOTALS -> this.totals;
			case ORDERS -> this.orderRows;
			case EXCEPTIONS -> this.exceptionRows;
		};
	}

	/** The exceptions' columns (docs/forecast-contract.md#exceptions), whatever the scenario. */
	private static List<Column> exceptionColumns() {
		return List.of(Table.column("product_id", Kind.TEXT), Table.column("urgency", Kind.TEXT),
				Table.column("order_date", Kind.DATE), Table.column("arrival_date", Kind.DATE),
				Table.column("quantity", Kind.AMOUNT), Table.column("stockout_date", Kind.DATE),
				Table.column("shortfall_units", Kind.AMOUNT), Table.column("shortfall_days", Kind.COUNT),
				Table.column("reason", Kind.TEXT));
	}

	/** The planned orders' columns (docs/forecast-contract.md#planned-orders), whatever the scenario. */
	private static List<Column> orderColumns() {
		return List.of(Table.column("product_id", Kind.TEXT), Table.column("order_date", Kind.DATE),
				Table.column("arrival_date", Kind.DATE), Table.column("quantity", Kind.AMOUNT),
				Table.column("level_before_arrival", Kind.AMOUNT), Table.column("reason", Kind.TEXT));
	}

	private List<Column> rowColumns() {
		List<Column> columns = new ArrayList<>();
		columns.add(Table.column("product_id", Kind.TEXT));
		columns.add(Table.column("update_date", Kind.DATE));
		if (this.scenario.probabilistic()) {
			Quantiles quantiles = this.scenario.quantiles();
			for (int j = 0; j < quantiles.count(); j++) {
				columns.add(Table.column("inventory_" + quantiles.name(j), Kind.AMOUNT));
			}
			columns.add(Table.column("stockout_probability", Kind.FRACTION));
			columns.add(Table.column("sales_mean", Kind.AMOUNT));
			if (this.lostSales) {
				columns.add(Table.column("unmet_demand_mean", Kind.AMOUNT));
			}
			if (this.receipts) {
				columns.add(Table.column("receipts", Kind.AMOUNT));
			}
			return columns;
		}
		columns.add(Table.column("inventory_level", Kind.AMOUNT));
		columns.add(Table.column("sales", Kind.AMOUNT));
		columns.add(Table.column("restocking", Kind.AMOUNT));
		if (this.lostSales) {
			columns.add(Table.column("unmet_demand", Kind.AMOUNT));
		}
		if (this.orders) {
			columns.add(Table.column("orders_placed", Kind.AMOUNT));
			columns.add(Table.column("orders_received", Kind.AMOUNT));
		}
		if (this.receipts) {
			columns.add(Table.column("receipts", Kind.AMOUNT));
		}
		if (this.cover) {
			columns.add(Table.column("days_of_cover", Kind.AMOUNT));
		}
		return columns;
	}

	private List<Column> summaryColumns() {
		List<Column> columns = new ArrayList<>();
		columns.add(Table.column("product_id", Kind.TEXT));
		if (this.scenario.probabilistic()) {
			columns.add(Table.column("stockout_probability", Kind.FRACTION));
			Quantiles quantiles = this.scenario.quantiles();
			for (int j = 0; j < quantiles.count(); j++) {
				columns.add(Table.column("stockout_date_" + quantiles.name(j), Kind.DATE));
			}
			for (int j = 0; j < quantiles.count(); j++) {
				if (quantiles.reportsEnding(j)) {
					columns.add(Table.column("ending_inventory_" + quantiles.name(j), Kind.AMOUNT));
				}
			}
			if (this.lostSales) {
				columns.add(Table.column("unmet_demand_mean", Kind.AMOUNT));
			}
			if (this.orders) {
				// docs/forecast-contract.md#what-the-plan-achieves
				for (String name : List.of("achieved_cycle_service_level", "cycle_service_level_low",
						"cycle_service_level_high", "achieved_fill_rate", "fill_rate_low", "fill_rate_high")) {
					columns.add(Table.column(name, Kind.FRACTION));
				}
				if (this.targets) {
					// Beside what was achieved, what was aimed at (docs/forecast-contract.md#what-the-plan-achieves).
					columns.add(Table.column("target_cycle_service_level", Kind.FRACTION));
					columns.add(Table.column("target_fill_rate", Kind.FRACTION));
				}
			}
			targetColumns(columns);
			return columns;
		}
		columns.add(Table.column("stockout_date", Kind.DATE));
		columns.add(Table.column("min_inventory_level", Kind.AMOUNT));
		columns.add(Table.column("ending_inventory_level", Kind.AMOUNT));
		if (this.lostSales) {
			columns.add(Table.column("unmet_demand", Kind.AMOUNT));
		}
		if (this.orders) {
			columns.add(Table.column("order_count", Kind.COUNT));
			columns.add(Table.column("order_dates", Kind.DATES));
		}
		targetColumns(columns);
		return columns;
	}

	/** The summary's last columns when some product's terms were computed from a target. */
	private void targetColumns(List<Column> columns) {
		if (this.targets) {
			columns.add(Table.column("safety_stock", Kind.AMOUNT));
			columns.add(Table.column("reorder_point", Kind.AMOUNT));
		}
	}

	/**
	 * Product {@code i}'s protective figures, given or computed: order-up-to's safety stock, the reorder
	 * point of reorder-point and min-max (its min); empty where the policy has none.
	 */
	private void targetFigures(Products products, int i, Table.Sink sink) {
		if (this.targets) {
			OrderPolicy policy = products.hasReorderPolicy(i) ? products.orderPolicy(i) : null;
			sink.amount((policy == OrderPolicy.ORDER_UP_TO) ? products.safetyStock(i) : Double.NaN)
				.amount((policy == null || policy == OrderPolicy.ORDER_UP_TO) ? Double.NaN : products.reorderPoint(i));
		}
	}

	/**
	 * Whether the totals carry the plan's figures: with orders or scheduled receipts, deterministic
	 * (docs/forecast-contract.md#totals).
	 */
	private boolean planTotals() {
		return (this.orders || this.receipts) && !this.scenario.probabilistic();
	}

	/**
	 * The portfolio totals' columns. Under the probabilistic forecast the sums are of the means over
	 * trials (expected totals), and the products out of stock are the expected number: the sum of
	 * their probabilities of being out.
	 */
	private List<Column> totalColumns() {
		List<Column> columns = new ArrayList<>();
		columns.add(Table.column("date", Kind.DATE));
		columns.add(Table.column("inventory_level", Kind.AMOUNT));
		columns.add(Table.column("sales", Kind.AMOUNT));
		columns.add(Table.column("restocking", Kind.AMOUNT));
		if (this.lostSales) {
			columns.add(Table.column("unmet_demand", Kind.AMOUNT));
		}
		if (planTotals()) {
			if (this.orders) {
				columns.add(Table.column("orders_placed", Kind.AMOUNT));
				columns.add(Table.column("orders_received", Kind.AMOUNT));
			}
			if (this.receipts) {
				columns.add(Table.column("receipts", Kind.AMOUNT));
			}
			columns.add(Table.column("on_order", Kind.AMOUNT));
		}
		columns.add(Table.column("skus_out_of_stock", this.scenario.probabilistic() ? Kind.FRACTION : Kind.COUNT));
		columns.add(Table.column("skus", Kind.COUNT));
		return columns;
	}

	/**
	 * Computes product {@code i} once and hands its rows, its summary and its days to whichever of
	 * the three is given: a stored job keeps all three from one simulation.
	 * @param position the product's position in the whole input: with the seed it determines the
	 * product's random stream, so that a job's chunk draws what the same product draws in one request
	 * @param rows takes the records of {@link #table(View) the rows table}, or {@code null}
	 * @param summary takes the record of the summary table, or {@code null}
	 * @param totals takes the product's days, or {@code null}
	 */
	public void project(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals) {
		project(products, i, position, rows, summary, totals, null);
	}

	/**
	 * As {@link #project(Products, int, long, Table.Sink, Table.Sink, Totals)}, and hands the product's
	 * planned orders to {@code orders}, or to none when it is {@code null}. They are the deterministic
	 * plan's under a probabilistic scenario too, the plan its trials receive.
	 */
	public void project(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals,
			Table.Sink orders) {
		project(products, i, position, rows, summary, totals, orders, null);
	}

	/**
	 * As {@link #project(Products, int, long, Table.Sink, Table.Sink, Totals, Table.Sink)}, and adds the
	 * product to {@code exceptions} when it is one, or to none when it is {@code null}; from the
	 * deterministic plan, as the planned orders.
	 */
	public void project(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals,
			Table.Sink orders, Exceptions exceptions) {
		if (this.scenario.probabilistic()) {
			if (rows != null || summary != null || totals != null) {
				trials(products, i, position, rows, summary, totals);
			}
			// The planned orders and exceptions are the deterministic plan's, made from the mean demand: the
			// plan the trials receive (docs/forecast-contract.md#monte-carlo).
			if (orders != null || exceptions != null) {
				deterministic(products, i, position, null, null, null, orders, exceptions);
			}
			return;
		}
		deterministic(products, i, position, rows, summary, totals, orders, exceptions);
	}

	/** The deterministic forecast's records of product {@code i}, for those of the five that are given. */
	private void deterministic(Products products, int i, long position, Table.Sink rows, Table.Sink summary,
			Totals totals, Table.Sink orders, Exceptions exceptions) {
		int startDay = products.startDay(i);
		PolicyTrajectory trajectory = TRAJECTORIES.get();
		trajectory.simulate(products, i, this.scenario.policy(), rows != null, totals != null);
		if (rows != null) {
			rows(products, i, trajectory, rows);
		}
		if (summary != null) {
			summary(products, i, trajectory, summary);
		}
		if (orders != null) {
			orders(products, i, trajectory, orders);
		}
		if (exceptions != null) {
			exception(products, i, position, trajectory, exceptions);
		}
		if (totals != null) {
			for (int d = 0; d < trajectory.days(); d++) {
				totals.add(startDay + d, trajectory.dayLevel(d), trajectory.daySold(d), trajectory.dayRestocking(d),
						trajectory.dayUnmet(d), trajectory.dayOut(d) ? 1 : 0);
			}
			if (planTotals()) {
				planTotals(products, i, trajectory, totals);
			}
		}
	}

	/** The probabilistic forecast's records of product {@code i}, for those of the three that are given. */
	private void trials(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals) {
		int startDay = products.startDay(i);
		MonteCarlo simulation = SIMULATIONS.get();
		simulation.simulate(products, i, position, this.scenario, rows != null, totals != null,
				summary != null && this.orders);
		if (rows != null) {
			probabilisticRows(products, i, simulation, rows);
		}
		if (summary != null) {
			probabilisticSummary(products, i, simulation, summary);
		}
		if (totals != null) {
			for (int d = 0; d < simulation.days(); d++) {
				totals.add(startDay + d, simulation.dayMeanLevel(d), simulation.dayMeanSold(d),
						simulation.dayMeanRestocking(d), simulation.dayMeanUnmet(d), simulation.dayOutProbability(d));
			}
		}
	}

	/**
	 * Adds product {@code i}'s plan to {@code totals} day by day: the units its planned orders placed
	 * and received, its scheduled receipts arriving, and what is on order at the end of the day, the
	 * scheduled receipts still to come plus the planned orders placed and not yet received (those due
	 * after the last day too).
	 */
	private static void planTotals(Products products, int i, PolicyTrajectory trajectory, Totals totals) {
		int startDay = products.startDay(i);
		int receipt = products.receiptsStart(i);
		int receiptsEnd = products.receiptsEnd(i);
		int count = trajectory.orderCount();
		// Orders firstOpen..placed-1 are placed and not yet received: at most one is placed and one
		// received a day, in the order placed. What is on order is summed afresh each day, not carried,
		// so that no rounding accumulates over the horizon.
		int placed = 0;
		int firstOpen = 0;
		for (int d = 0; d < trajectory.days(); d++) {
			double scheduled = 0;
			if (receipt < receiptsEnd && products.receiptDay(receipt) == d) {
				scheduled = products.receiptUnits(receipt);
				receipt++;
			}
			double ordered = 0;
			if (placed < count && trajectory.orderDay(placed) == d) {
				ordered = trajectory.orderUnits(placed);
				placed++;
			}
			double received = 0;
			if (firstOpen < placed && trajectory.orderArrivalDay(firstOpen) == d) {
				received = trajectory.orderUnits(firstOpen);
				firstOpen++;
			}
			double onOrder = (receipt < receiptsEnd) ? products.receiptsOnward(receipt) : 0;
			for (int j = firstOpen; j < placed; j++) {
				onOrder += trajectory.orderUnits(j);
			}
			totals.addPlan(startDay + d, ordered, received, scheduled, onOrder);
		}
	}

	/** Hands {@code totals} to {@code sink} as the totals table's records, one per date with products. */
	public void totals(Totals totals, Table.Sink sink) {
		for (int d = 0; d < totals.length(); d++) {
			if (totals.skus(d) == 0) {
				continue;
			}
			sink.date(totals.firstDay() + d).amount(totals.level(d)).amount(totals.sold(d)).amount(totals.restocking(d));
			if (this.lostSales) {
				sink.amount(totals.unmet(d));
			}
			if (planTotals()) {
				if (this.orders) {
					sink.amount(totals.placed(d)).amount(totals.received(d));
				}
				if (this.receipts) {
					sink.amount(totals.receipts(d));
				}
				sink.amount(totals.onOrder(d));
			}
			if (this.scenario.probabilistic()) {
				sink.fraction(totals.out(d));
			}
			else {
				sink.count(Math.round(totals.out(d)));
			}
			sink.count(totals.skus(d)).end();
		}
	}

	private void rows(Products products, int i, PolicyTrajectory trajectory, Table.Sink sink) {
		String id = products.id(i);
		int startDay = products.startDay(i);
		int frequency = products.frequency(i);
		if (!this.cover && sink instanceof Table.Writer writer) {
			// The default forecast's rows, written: one call a row (see Table.Writer#record).
			for (int k = 0; k < trajectory.periods(); k++) {
				writer.record(id, startDay + k * frequency, trajectory.level(k), trajectory.sales(k),
						trajectory.restocking(k));
			}
			return;
		}
		for (int k = 0; k < trajectory.periods(); k++) {
			sink.text(id).date(startDay + k * frequency).amount(trajectory.level(k)).amount(trajectory.sales(k))
				.amount(trajectory.restocking(k));
			if (this.lostSales) {
				sink.amount(trajectory.unmet(k));
			}
			if (this.orders) {
				sink.amount(trajectory.ordered(k)).amount(trajectory.received(k));
			}
			if (this.receipts) {
				sink.amount(periodReceipts(products, i, k));
			}
			if (this.cover) {
				sink.amount(trajectory.daysOfCover(k));
			}
			sink.end();
		}
	}

	private void summary(Products products, int i, PolicyTrajectory trajectory, Table.Sink sink) {
		int startDay = products.startDay(i);
		if (!this.lostSales && !this.orders && sink instanceof Table.Writer writer) {
			// The default forecast's summary, written in one call (see Table.Writer#record).
			writer.record(products.id(i), date(startDay, trajectory.stockoutDay()), trajectory.minimumLevel(),
					trajectory.endingLevel());
			return;
		}
		sink.text(products.id(i)).date(date(startDay, trajectory.stockoutDay()))
			.amount(trajectory.minimumLevel()).amount(trajectory.endingLevel());
		if (this.lostSales) {
			sink.amount(trajectory.totalUnmet());
		}
		if (this.orders) {
			int count = trajectory.orderCount();
			int[] dates = ORDER_DATES.get();
			if (dates.length < count) {
				dates = new int[Math.max(count, dates.length * 2)];
				ORDER_DATES.set(dates);
			}
			for (int j = 0; j < count; j++) {
				dates[j] = startDay + trajectory.orderDay(j);
			}
			sink.count(count).dates(dates, count);
		}
		targetFigures(products, i, sink);
		sink.end();
	}

	/** One record per planned order of product {@code i}, in the order placed. */
	private static void orders(Products products, int i, PolicyTrajectory trajectory, Table.Sink sink) {
		int count = trajectory.orderCount();
		if (count == 0) {
			return;
		}
		int startDay = products.startDay(i);
		String id = products.id(i);
		OrderReasons reasons = REASONS.get();
		reasons.of(products, i);
		for (int j = 0; j < count; j++) {
			sink.text(id).date(startDay + trajectory.orderDay(j)).date(startDay + trajectory.orderArrivalDay(j))
				.amount(trajectory.orderUnits(j)).amount(trajectory.orderLevelBeforeArrival(j));
			OutputBuffer reason = reasons.phrase(trajectory, j);
			sink.phrase(reason.bytes(), reason.length()).end();
		}
	}

	/**
	 * Adds product {@code i} to {@code exceptions} when it is late or its first planned order is due
	 * within their horizon (docs/forecast-contract.md#exceptions).
	 */
	private static void exception(Products products, int i, long position, PolicyTrajectory trajectory,
			Exceptions exceptions) {
		boolean ordered = trajectory.orderCount() > 0;
		boolean due = ordered && exceptions.due(trajectory.orderDay(0));
		// Without an order due, only a product whose orders take days to arrive can be late: most products
		// skip the second projection.
		if (!due && products.leadTimeDays(i) <= 0) {
			return;
		}
		Shortfall shortfall = trajectory.shortfall(products, i);
		if (!due && !shortfall.late()) {
			return;
		}
		int startDay = products.startDay(i);
		byte[] reason = new byte[0];
		int orderDay = ordered ? trajectory.orderDay(0) : -1;
		int orderDate = Integer.MIN_VALUE;
		int arrivalDate = Integer.MIN_VALUE;
		double quantity = Double.NaN;
		if (ordered) {
			OrderReasons reasons = REASONS.get();
			reasons.of(products, i);
			OutputBuffer phrase = reasons.phrase(trajectory, 0);
			reason = Arrays.copyOf(phrase.bytes(), phrase.length());
			orderDate = startDay + trajectory.orderDay(0);
			arrivalDate = startDay + trajectory.orderArrivalDay(0);
			quantity = trajectory.orderUnits(0);
		}
		int stockout = (shortfall.stockoutDay() == PolicyTrajectory.NO_STOCKOUT) ? Integer.MIN_VALUE
				: startDay + shortfall.stockoutDay();
		exceptions.add(new Exceptions.Row(position, products.id(i), shortfall.late(), orderDay, orderDate, arrivalDate, quantity,
				stockout, shortfall.units(), shortfall.days(), reason));
	}

	/** Hands the sorted {@code exceptions} to {@code sink} as the exceptions table's records. */
	public void exceptions(Exceptions exceptions, Table.Sink sink) {
		exceptions(exceptions.sorted(), sink);
	}

	/** Hands {@code rows}, sorted exceptions or a page of them, to {@code sink} as the exceptions table's records. */
	public void exceptions(List<Exceptions.Row> rows, Table.Sink sink) {
		for (Exceptions.Row row : rows) {
			sink.text(row.productId()).text(row.late() ? "late" : "due").date(row.orderDate()).date(row.arrivalDate())
				.amount(row.quantity()).date(row.stockoutDate()).amount(row.shortfallUnits())
				.count(row.shortfallDays()).phrase(row.reason(), row.reason().length).end();
		}
	}

	private void probabilisticRows(Products products, int i, MonteCarlo simulation, Table.Sink sink) {
		String id = products.id(i);
		int startDay = products.startDay(i);
		int frequency = products.frequency(i);
		int quantiles = this.scenario.quantiles().count();
		for (int k = 0; k < simulation.periods(); k++) {
			sink.text(id).date(startDay + k * frequency);
			for (int j = 0; j < quantiles; j++) {
				sink.amount(simulation.levelQuantile(k, j));
			}
			sink.fraction(simulation.stockoutProbabilityBy(k)).amount(simulation.meanSales(k));
			if (this.lostSales) {
				sink.amount(simulation.meanUnmet(k));
			}
			if (this.receipts) {
				sink.amount(periodReceipts(products, i, k));
			}
			sink.end();
		}
	}

	/** Scheduled receipts in period {@code k} of product {@code i}: the same in every trial. */
	private static double periodReceipts(Products products, int i, int k) {
		int frequency = products.frequency(i);
		int from = k * frequency;
		return products.receipts(i, from, (int) Math.min((long) from + frequency, products.durationDays(i)));
	}

	private void probabilisticSummary(Products products, int i, MonteCarlo simulation, Table.Sink sink) {
		int startDay = products.startDay(i);
		Quantiles quantiles = this.scenario.quantiles();
		sink.text(products.id(i)).fraction(simulation.stockoutProbability());
		for (int j = 0; j < quantiles.count(); j++) {
			sink.date(date(startDay, simulation.stockoutDayQuantile(j)));
		}
		for (int j = 0; j < quantiles.count(); j++) {
			if (quantiles.reportsEnding(j)) {
				sink.amount(simulation.endingQuantile(j));
			}
		}
		if (this.lostSales) {
			sink.amount(simulation.meanTotalUnmet());
		}
		if (this.orders) {
			sink.fraction(simulation.achievedCycleServiceLevel()).fraction(simulation.cycleServiceLevelLow())
				.fraction(simulation.cycleServiceLevelHigh()).fraction(simulation.achievedFillRate())
				.fraction(simulation.fillRateLow()).fraction(simulation.fillRateHigh());
			if (this.targets) {
				sink.fraction(products.targetServiceLevel(i)).fraction(products.targetFillRate(i));
			}
		}
		targetFigures(products, i, sink);
		sink.end();
	}

	/** The date {@code offset} days after {@code startDay}; none for a negative offset (no stockout). */
	private static int date(int startDay, int offset) {
		return (offset < 0) ? Integer.MIN_VALUE : startDay + offset;
	}

}
