package com.stockcast.output;

import java.util.ArrayList;
import java.util.List;

import com.stockcast.output.Table.Column;
import com.stockcast.output.Table.Kind;
import com.stockcast.simulation.MonteCarlo;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

/**
 * Rows or summaries of a forecast beyond the default one (docs/forecast-contract.md#rows): lost sales, reorder policies, and the
 * probabilistic (Monte Carlo) forecast. The columns follow the request: unmet demand only under
 * lost sales, orders only when some product has a reorder policy.
 */
public final class ScenarioEncoder implements AnswerEncoder {

	private static final ThreadLocal<PolicyTrajectory> TRAJECTORIES = ThreadLocal.withInitial(PolicyTrajectory::new);

	private static final ThreadLocal<MonteCarlo> SIMULATIONS = ThreadLocal.withInitial(MonteCarlo::new);

	private static final ThreadLocal<int[]> ORDER_DATES = ThreadLocal.withInitial(() -> new int[16]);

	private final Format format;

	private final View view;

	private final Scenario scenario;

	private final boolean orders;

	private final boolean lostSales;

	private final Table table;

	/**
	 * @param orders whether any product of the answer has a reorder policy (adds the order columns)
	 */
	public ScenarioEncoder(Format format, View view, Scenario scenario, boolean orders) {
		if (view == View.TOTALS) {
			throw new IllegalArgumentException("totals are a reduction: see TotalsEncoder");
		}
		this.format = format;
		this.view = view;
		this.scenario = scenario;
		this.orders = orders;
		this.lostSales = scenario.policy() == SalesPolicy.LOST_SALES;
		this.table = new Table(columns(view, scenario, orders));
	}

	/** The columns of {@code view} under {@code scenario}, in order. */
	public static List<Column> columns(View view, Scenario scenario, boolean orders) {
		boolean lost = scenario.policy() == SalesPolicy.LOST_SALES;
		List<Column> columns = new ArrayList<>();
		columns.add(Table.column("product_id", Kind.TEXT));
		if (scenario.probabilistic()) {
			if (view == View.ROWS) {
				columns.add(Table.column("update_date", Kind.DATE));
				columns.add(Table.column("inventory_p10", Kind.AMOUNT));
				columns.add(Table.column("inventory_p50", Kind.AMOUNT));
				columns.add(Table.column("inventory_p90", Kind.AMOUNT));
				columns.add(Table.column("stockout_probability", Kind.FRACTION));
				columns.add(Table.column("sales_mean", Kind.AMOUNT));
				if (lost) {
					columns.add(Table.column("unmet_demand_mean", Kind.AMOUNT));
				}
			}
			else {
				columns.add(Table.column("stockout_probability", Kind.FRACTION));
				columns.add(Table.column("stockout_date_p10", Kind.DATE));
				columns.add(Table.column("stockout_date_p50", Kind.DATE));
				columns.add(Table.column("stockout_date_p90", Kind.DATE));
				columns.add(Table.column("ending_inventory_p50", Kind.AMOUNT));
				if (lost) {
					columns.add(Table.column("unmet_demand_mean", Kind.AMOUNT));
				}
			}
			return columns;
		}
		if (view == View.ROWS) {
			columns.add(Table.column("update_date", Kind.DATE));
			columns.add(Table.column("inventory_level", Kind.AMOUNT));
			columns.add(Table.column("sales", Kind.AMOUNT));
			columns.add(Table.column("restocking", Kind.AMOUNT));
			if (lost) {
				columns.add(Table.column("unmet_demand", Kind.AMOUNT));
			}
			if (orders) {
				columns.add(Table.column("orders_placed", Kind.AMOUNT));
				columns.add(Table.column("orders_received", Kind.AMOUNT));
			}
			columns.add(Table.column("days_of_cover", Kind.AMOUNT));
		}
		else {
			columns.add(Table.column("stockout_date", Kind.DATE));
			columns.add(Table.column("min_inventory_level", Kind.AMOUNT));
			columns.add(Table.column("ending_inventory_level", Kind.AMOUNT));
			if (lost) {
				columns.add(Table.column("unmet_demand", Kind.AMOUNT));
			}
			if (orders) {
				columns.add(Table.column("order_count", Kind.COUNT));
				columns.add(Table.column("order_dates", Kind.DATES));
			}
		}
		return columns;
	}

	public Table table() {
		return this.table;
	}

	@Override
	public Format format() {
		return this.format;
	}

	@Override
	public byte[] prologue() {
		return this.table.prologue(this.format);
	}

	@Override
	public byte[] epilogue() {
		return this.table.epilogue(this.format);
	}

	@Override
	public long rowCount(Products products, int from, int to) {
		return (this.view == View.SUMMARY) ? to - from : products.periods(from, to);
	}

	@Override
	public long typicalBytes(long rows) {
		return rows * ((this.format == Format.CSV) ? 64 : 200);
	}

	@Override
	public void encode(Products products, int from, int to, boolean first, OutputBuffer out) {
		encode(products, from, to, 0, first, out);
	}

	/**
	 * Computes products {@code from..to-1} and appends their records.
	 * @param positionBase the position in the whole input of {@code products}' first product: with
	 * the seed it determines each product's random stream, so that a stored job's chunk draws what the
	 * same products draw in one request
	 */
	public void encode(Products products, int from, int to, long positionBase, boolean first, OutputBuffer out) {
		Table.Writer writer = this.table.writer(this.format, out, first);
		boolean rows = this.view == View.ROWS;
		for (int i = from; i < to; i++) {
			record(products, i, positionBase + i, rows ? writer : null, rows ? null : writer, null);
		}
	}

	/**
	 * Computes product {@code i} once and hands its rows, its summary and its days to whichever of
	 * the three is given: a stored job keeps all three from one simulation.
	 * @param position the product's position in the whole input
	 * @param rows takes the rows of {@link #columns(View, Scenario, boolean) the rows view}, or {@code null}
	 * @param summary takes the summary of the summary view, or {@code null}
	 * @param totals takes the product's days, or {@code null}
	 */
	public void record(Products products, int i, long position, Table.Sink rows, Table.Sink summary, Totals totals) {
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
		if (totals != null) {
			for (int d = 0; d < trajectory.days(); d++) {
				totals.add(startDay + d, trajectory.dayLevel(d), trajectory.daySold(d), trajectory.dayRestocking(d),
						trajectory.dayUnmet(d), trajectory.dayOut(d) ? 1 : 0);
			}
		}
	}

	private void rows(Products products, int i, PolicyTrajectory trajectory, Table.Sink sink) {
		String id = products.id(i);
		int startDay = products.startDay(i);
		int frequency = products.frequency(i);
		for (int k = 0; k < trajectory.periods(); k++) {
			sink.text(id).date(startDay + k * frequency).amount(trajectory.level(k)).amount(trajectory.sales(k))
				.amount(trajectory.restocking(k));
			if (this.lostSales) {
				sink.amount(trajectory.unmet(k));
			}
			if (this.orders) {
				sink.amount(trajectory.ordered(k)).amount(trajectory.received(k));
			}
			sink.amount(trajectory.daysOfCover(k)).end();
		}
	}

	private void summary(Products products, int i, PolicyTrajectory trajectory, Table.Sink sink) {
		int startDay = products.startDay(i);
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
			sink.end();
		}
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
