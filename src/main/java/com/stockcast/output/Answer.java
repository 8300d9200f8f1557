package com.stockcast.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * One forecast answer being made, chunk by chunk: workers {@link #compute} their chunks in
 * parallel, and the writing thread {@link #write}s finished chunks in input order between the
 * {@link #prologue} and the {@link #epilogue}. What was asked (format, view, scenario) picks the
 * {@link Projection} that computes and the {@link Table} that writes; nothing else differs.
 *
 * <p>Rows and summaries are records that stream: a chunk's are written as soon as it and those before
 * it are done. The totals are a map-reduce: a chunk sums its products day by day, the writing thread
 * merges the sums in input order, and the records (one per date) are written at the end. The
 * exceptions are gathered the same way, at most one per product, and written at the end sorted by
 * urgency (docs/forecast-contract.md#exceptions).
 * One answer per request.
 */
public final class Answer {

	private final Format format;

	private final View view;

	private final Projection projection;

	private final Table table;

	/** Totals of chunks computed and not yet merged, by their first product. */
	private final Map<Integer, Totals> pending = new ConcurrentHashMap<>();

	private final Totals merged = new Totals();

	/** Exceptions of chunks computed and not yet merged, by their first product. */
	private final Map<Integer, Exceptions> pendingExceptions = new ConcurrentHashMap<>();

	private final Exceptions exceptions;

	/** @param features what the product list holds that adds columns to the answer */
	public Answer(Format format, View view, Scenario scenario, ListFeatures features) {
		this(format, view, scenario, features, 0);
	}

	/**
	 * @param features what the product list holds that adds columns to the answer
	 * @param withinDays view=exceptions: a first order placed up to this many days after the start is due
	 */
	public Answer(Format format, View view, Scenario scenario, ListFeatures features, int withinDays) {
		this.format = format;
		this.exceptions = new Exceptions(withinDays);
		this.view = view;
		this.projection = new Projection(scenario, features);
		this.table = this.projection.table(view);
	}

	/** Bytes that open the answer, before the first chunk. */
	public byte[] prologue() {
		return this.table.prologue(this.format);
	}

	/** Output rows that products {@code from..to-1} make, the measure chunks are cut by: their days for the totals. */
	public long rowCount(Products products, int from, int to) {
		return switch (this.view) {
			case ROWS -> products.periods(from, to);
			case SUMMARY -> to - from;
			case TOTALS -> products.days(from, to);
			// Not known before they are simulated: at most one a review day, the bound chunks are cut by.
			case ORDERS -> products.reviewDays(from, to);
			case EXCEPTIONS -> to - from;
		};
	}

	/**
	 * About how many bytes {@code rows} output rows take in a chunk's buffer, to size it: eight a value,
	 * and in JSON each value's name and quotes. A chunk of totals or exceptions holds no bytes, only
	 * sums or held records.
	 */
	public long typicalBytes(long rows) {
		if (this.view == View.TOTALS || this.view == View.EXCEPTIONS) {
			return 0;
		}
		int columns = this.table.columns().size();
		long perRow = 8L * columns;
		if (this.format != Format.CSV) {
			perRow += 1;
			for (Table.Column column : this.table.columns()) {
				perRow += column.name().length() + 4;
			}
		}
		return rows * perRow;
	}

	/**
	 * Computes products {@code from..to-1} and appends their records; runs on any thread.
	 * @param first whether these are the answer's first records (JSON puts no separator before them)
	 */
	public void compute(Products products, int from, int to, boolean first, OutputBuffer out) {
		Table.Writer records = this.table.writer(this.format, out, first);
		Table.Sink rows = (this.view == View.ROWS) ? records : null;
		Table.Sink summary = (this.view == View.SUMMARY) ? records : null;
		Totals totals = (this.view == View.TOTALS) ? new Totals() : null;
		Table.Sink orders = (this.view == View.ORDERS) ? records : null;
		Exceptions exceptions = (this.view == View.EXCEPTIONS) ? this.exceptions.empty() : null;
		for (int i = from; i < to; i++) {
			this.projection.project(products, i, i, rows, summary, totals, orders, exceptions);
		}
		if (totals != null) {
			this.pending.put(from, totals);
		}
		if (exceptions != null) {
			this.pendingExceptions.put(from, exceptions);
		}
	}

	/**
	 * Hands over a finished chunk, in input order, on the writing thread: writes its records, and
	 * merges its totals.
	 * @param from the chunk's first product
	 */
	public void write(int from, OutputBuffer chunk, OutputStream out) throws IOException {
		chunk.writeTo(out);
		Totals totals = this.pending.remove(from);
		if (totals != null) {
			this.merged.merge(totals);
		}
		Exceptions exceptions = this.pendingExceptions.remove(from);
		if (exceptions != null) {
			this.exceptions.merge(exceptions);
		}
	}

	/**
	 * Bytes that close the answer, after the last chunk: the totals' or the exceptions' records, when
	 * they were asked for.
	 */
	public byte[] epilogue() {
		OutputBuffer out = new OutputBuffer(64 + (this.merged.length() + this.exceptions.size()) * 96);
		Table.Writer records = this.table.writer(this.format, out, true);
		this.projection.totals(this.merged, records);
		this.projection.exceptions(this.exceptions, records);
		out.put(this.table.epilogue(this.format));
		return out.toByteArray();
	}

}
