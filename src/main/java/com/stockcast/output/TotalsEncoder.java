package com.stockcast.output;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.stockcast.output.Table.Column;
import com.stockcast.output.Table.Kind;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

/**
 * The portfolio totals ({@code view=totals}), a map-reduce: each chunk sums its products day by day
 * into a {@link Totals}, the writing thread merges the chunks' sums in input order as they finish,
 * and the answer (one row per date) is written at the end. No second pass over the rows.
 *
 * <p>Under the probabilistic forecast the sums are of the means over trials (expected totals), and
 * the products out of stock are the expected number: the sum of their probabilities of being out.
 */
public final class TotalsEncoder implements AnswerEncoder {

	private final Format format;

	private final Scenario scenario;

	private final Table table;

	/** Computes the products' days. */
	private final ScenarioEncoder days;

	/** Chunks computed and not yet merged, by their first product. */
	private final Map<Integer, Totals> pending = new ConcurrentHashMap<>();

	private final Totals merged = new Totals();

	public TotalsEncoder(Format format, Scenario scenario) {
		this.format = format;
		this.scenario = scenario;
		this.table = new Table(columns(scenario));
		this.days = new ScenarioEncoder(format, View.ROWS, scenario, false);
	}

	/** The columns of the totals under {@code scenario}, in order. */
	public static List<Column> columns(Scenario scenario) {
		List<Column> columns = new ArrayList<>();
		columns.add(Table.column("date", Kind.DATE));
		columns.add(Table.column("inventory_level", Kind.AMOUNT));
		columns.add(Table.column("sales", Kind.AMOUNT));
		columns.add(Table.column("restocking", Kind.AMOUNT));
		if (scenario.policy() == SalesPolicy.LOST_SALES) {
			columns.add(Table.column("unmet_demand", Kind.AMOUNT));
		}
		columns.add(Table.column("skus_out_of_stock", scenario.probabilistic() ? Kind.FRACTION : Kind.COUNT));
		columns.add(Table.column("skus", Kind.COUNT));
		return columns;
	}

	@Override
	public Format format() {
		return this.format;
	}

	@Override
	public byte[] prologue() {
		return new byte[0];
	}

	/** The whole answer: every chunk has been merged when the epilogue is asked for. */
	@Override
	public byte[] epilogue() {
		OutputBuffer out = new OutputBuffer(64 + this.merged.length() * 96);
		render(this.merged, out);
		return out.toByteArray();
	}

	/** Writes {@code totals} as this encoder's whole answer, from prologue to epilogue. */
	public void render(Totals totals, OutputBuffer out) {
		out.put(this.table.prologue(this.format));
		Table.Writer writer = this.table.writer(this.format, out, true);
		boolean lost = this.scenario.policy() == SalesPolicy.LOST_SALES;
		for (int d = 0; d < totals.length(); d++) {
			if (totals.skus(d) == 0) {
				continue;
			}
			writer.date(totals.firstDay() + d).amount(totals.level(d)).amount(totals.sold(d))
				.amount(totals.restocking(d));
			if (lost) {
				writer.amount(totals.unmet(d));
			}
			if (this.scenario.probabilistic()) {
				writer.fraction(totals.out(d));
			}
			else {
				writer.count(Math.round(totals.out(d)));
			}
			writer.count(totals.skus(d)).end();
		}
		out.put(this.table.epilogue(this.format));
	}

	/** Totals are one row per date: the products' days are the work that chunks are cut by. */
	@Override
	public long rowCount(Products products, int from, int to) {
		return products.days(from, to);
	}

	@Override
	public long typicalBytes(long rows) {
		return 0;
	}

	@Override
	public void encode(Products products, int from, int to, boolean first, OutputBuffer out) {
		this.pending.put(from, sum(products, from, to, 0));
	}

	@Override
	public void write(int from, OutputBuffer chunk, OutputStream out) {
		Totals totals = this.pending.remove(from);
		if (totals != null) {
			this.merged.merge(totals);
		}
	}

	/**
	 * Sums products {@code from..to-1} date by date.
	 * @param positionBase the position in the whole input of {@code products}' first product (it
	 * seeds the probabilistic forecast's random streams)
	 */
	public Totals sum(Products products, int from, int to, long positionBase) {
		Totals totals = new Totals();
		for (int i = from; i < to; i++) {
			this.days.record(products, i, positionBase + i, null, null, totals);
		}
		return totals;
	}

}
