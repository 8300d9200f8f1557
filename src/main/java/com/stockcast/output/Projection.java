package com.stockcast.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.stockcast.output.Table.Column;
import com.stockcast.output.Table.Kind;
import com.stockcast.simulation.MonteCarlo;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
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

	/** Whether rows carry days of cover: they do with the columns of lost sales, orders or receipts. */
	private final boolean cover;

	private final Table rows;

	private final Table summary;

	private final Table totals;

	private final Table orderRows;

	private final Table exceptionRows;

	/**
	 * @param orders whether any product has a reorder policy (adds the order columns)
	 */
	public Projection(Scenario scenario, boolean orders) {
		this(scenario, orders, false);
	}

	/**
	 * @param orders whether any product has a reorder policy (adds the order columns)
	 * @param receipts whether the request gave scheduled receipts (adds the receipts column)
	 */
	public Projection(Scenario scenario, boolean orders, boolean receipts) {
		this.scenario = scenario;
		this.orders = orders;
		this.receipts = receipts;
		this.lostSales = scenario.policy() == SalesPolicy.LOST_SALES;
		this.cover = this.lostSales || orders || receipts;
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
			columns.add(Table.column("inventory_p10", Kind.AMOUNT));
			columns.add(Table.column("inventory_p50", Kind.AMOUNT));
			columns.add(Table.column("inventory_p90", Kind.AMOUNT));
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
			columns.add(Table.column("stockout_date_p10", Kind.DATE));
			columns.add(Table.column("stockout_date_p50", Kind.DATE));
			columns.add(Table.column("stockout_date_p90", Kind.DATE));
			columns.add(Table.column("ending_inventory_p50", Kind.AMOUNT));
			if (this.lostSales) {
				columns.add(Table.column("unmet_demand_mean", Kind.AMOUNT));
			}
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
		return columns;
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
	 * planned orders to {@code orders} (deterministic forecasts only), or to none when it is {@code null}.
	 */
	public void project(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals,
			Table.Sink orders) {
		project(products, i, position, rows, summary, totals, orders, null);
	}

	/**
	 * As {@link #project(Products, int, long, Table.Sink, Table.Sink, Totals, Table.Sink)}, and adds the
	 * product to {@code exceptions} when it is one (deterministic forecasts only), or to none when it is
	 * {@code null}.
	 */
	public void project(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals,
			Table.Sink orders, Exceptions exceptions) {
		int startDay = products.startDay(i);
		if (this.scenario.probabilistic()) {
			MonteCarlo simulation = SIMULATIONS.get();
			simulation.simulate(products, i, position, this.scenario, rows != null, totals != null);
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
			return;
		}
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
		exceptions.add(new Exceptions.Row(position, products.id(i), shortfall.late(), orderDate, arrivalDate, quantity,
				stockout, shortfall.units(), shortfall.days(), reason));
	}

	/** Hands the sorted {@code exceptions} to {@code sink} as the exceptions table's records. */
	public void exceptions(Exceptions exceptions, Table.Sink sink) {
		for (Exceptions.Row row : exceptions.sorted()) {
			sink.text(row.productId()).text(row.late() ? "late" : "due").date(row.orderDate()).date(row.arrivalDate())
				.amount(row.quantity()).date(row.stockoutDate()).amount(row.shortfallUnits())
				.count(row.shortfallDays()).phrase(row.reason(), row.reason().length).end();
		}
	}

	private void probabilisticRows(Products products, int i, MonteCarlo simulation, Table.Sink sink) {
		String id = products.id(i);
		int startDay = products.startDay(i);
		int frequency = products.frequency(i);
		for (int k = 0; k < simulation.periods(); k++) {
			sink.text(id).date(startDay + k * frequency).amount(simulation.levelP10(k))
				.amount(simulation.levelP50(k)).amount(simulation.levelP90(k))
				.fraction(simulation.stockoutProbabilityBy(k)).amount(simulation.meanSales(k));
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
		sink.text(products.id(i)).fraction(simulation.stockoutProbability())
			.date(date(startDay, simulation.stockoutDayP10())).date(date(startDay, simulation.stockoutDayP50()))
			.date(date(startDay, simulation.stockoutDayP90())).amount(simulation.endingP50());
		if (this.lostSales) {
			sink.amount(simulation.meanTotalUnmet());
		}
		sink.end();
	}

	/** The date {@code offset} days after {@code startDay}; none for a negative offset (no stockout). */
	private static int date(int startDay, int offset) {
		return (offset < 0) ? Integer.MIN_VALUE : startDay + offset;
	}

}
