package com.stockcast.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.stockcast.simulation.Products;
import com.stockcast.simulation.Trajectory;

/**
 * Simulates a run of products and writes their rows (or summaries) in one format straight into a
 * byte buffer. Workers call it on their own chunk, so formatting, the costly part, runs in parallel
 * with the simulation; the request thread only copies finished chunks to the response.
 */
public final class ForecastEncoder implements AnswerEncoder {

	private static final ThreadLocal<Trajectory> TRAJECTORIES = ThreadLocal.withInitial(Trajectory::new);

	private static final byte[] ROWS_HEADER = ascii("product_id,update_date,inventory_level,sales,restocking\n");

	private static final byte[] SUMMARY_HEADER = ascii(
			"product_id,stockout_date,min_inventory_level,ending_inventory_level\n");

	private final Format format;

	private final View view;

	private final Syntax syntax;

	public ForecastEncoder(Format format, View view) {
		this.format = format;
		this.view = view;
		this.syntax = Syntax.of(format, view);
	}

	@Override
	public Format format() {
		return this.format;
	}

	public View view() {
		return this.view;
	}

	@Override
	public byte[] prologue() {
		return switch (this.format) {
			case CSV -> (this.view == View.ROWS) ? ROWS_HEADER.clone() : SUMMARY_HEADER.clone();
			case JSON -> ascii("[");
			case NDJSON -> new byte[0];
		};
	}

	@Override
	public byte[] epilogue() {
		return (this.format == Format.JSON) ? ascii("]\n") : new byte[0];
	}

	@Override
	public long rowCount(Products products, int from, int to) {
		return (this.view == View.SUMMARY) ? to - from : products.periods(from, to);
	}

	@Override
	public long typicalBytes(long rows) {
		return rows * ((this.format == Format.CSV) ? 40 : 112);
	}

	/** Simulates products {@code from..to-1} with this thread's scratch trajectory. */
	@Override
	public void encode(Products products, int from, int to, boolean first, OutputBuffer out) {
		encode(products, from, to, first, TRAJECTORIES.get(), out);
	}

	/**
	 * Simulates products {@code from..to-1} and appends their output. {@code first} says whether these
	 * are the answer's first rows (JSON puts no separator before them).
	 */
	public void encode(Products products, int from, int to, boolean first, Trajectory trajectory, OutputBuffer out) {
		boolean rows = this.view == View.ROWS;
		RecordWriter writer = writer(out, first);
		for (int i = from; i < to; i++) {
			trajectory.simulate(products, i, rows);
			writer.product(products.id(i));
			int startDay = products.startDay(i);
			if (rows) {
				int frequency = products.frequency(i);
				for (int k = 0; k < trajectory.periods(); k++) {
					writer.row(startDay + k * frequency, trajectory.level(k), trajectory.sales(k),
							trajectory.restocking(k));
				}
			}
			else {
				int stockout = trajectory.stockoutDay();
				writer.summary((stockout == Trajectory.NO_STOCKOUT) ? RecordWriter.NO_DATE : startDay + stockout,
						trajectory.minimumLevel(), trajectory.endingLevel());
			}
		}
	}

	/**
	 * A writer of single records in this encoder's format, for results that were computed earlier
	 * (stored job results). Not thread-safe: one per writing thread.
	 * @param first whether its first record opens the answer (no JSON separator before it)
	 */
	public RecordWriter writer(OutputBuffer out, boolean first) {
		return new RecordWriter(out, first);
	}

	/** Writes rows or summaries one at a time; remembers the current product and repeated values. */
	public final class RecordWriter {

		/** Marks "no stockout" for {@link #summary}. */
		public static final int NO_DATE = Integer.MIN_VALUE;

		private final OutputBuffer out;

		private final Syntax syntax;

		private boolean needSeparator;

		/** The current product's record opening: its id and whatever the format puts around it. */
		private byte[] opening;

		/** The separator between records, then {@link #opening}: how every record but the answer's first begins. */
		private byte[] separatedOpening;

		// Every full period sums the same days in the same order, so its sales and restocking repeat:
		// a row's end (sales, restocking and the syntax around them) is formatted once per distinct pair.
		private final RowEnd rowEnd = new RowEnd();

		/** Recent dates, each followed by the syntax after a row's date. */
		private final IsoDates.Recent dates;

		private RecordWriter(OutputBuffer out, boolean first) {
			this.out = out;
			this.syntax = ForecastEncoder.this.syntax;
			this.needSeparator = !first;
			this.dates = new IsoDates.Recent(this.syntax.afterFirst);
		}

		/** Starts the records of a product. */
		public void product(String productId) {
			this.opening = this.syntax.opening(productId);
			this.separatedOpening = concat(this.syntax.separator, this.opening);
			this.rowEnd.reset();
		}

		/** Writes a row as four copies and a number: opening, date, level, and the row's end. */
		public void row(int epochDay, double level, double periodSales, double periodRestocking) {
			OutputBuffer out = this.out;
			beginRecord();
			this.dates.append(out, epochDay);
			Decimals.append(out, level);
			this.rowEnd.append(out, this.syntax, periodSales, periodRestocking);
		}

		/** @param stockoutEpochDay the stockout date, or {@link #NO_DATE} */
		public void summary(int stockoutEpochDay, double minimum, double ending) {
			OutputBuffer out = this.out;
			Syntax syntax = this.syntax;
			beginRecord();
			if (stockoutEpochDay != NO_DATE) {
				out.put(syntax.dateQuote);
				IsoDates.append(out, stockoutEpochDay);
				out.put(syntax.dateQuote);
			}
			else {
				out.put(syntax.noDate);
			}
			out.put(syntax.afterFirst);
			Decimals.append(out, minimum);
			out.put(syntax.afterSecond);
			Decimals.append(out, ending);
			out.put(syntax.end);
		}

		private void beginRecord() {
			this.out.put(this.needSeparator ? this.separatedOpening : this.opening);
			this.needSeparator = true;
		}

	}

	/**
	 * The constant bytes of a record in one format and view, so that a record is its values with
	 * array copies between them: {@code beforeId id afterId first afterFirst second afterSecond third
	 * afterThird fourth end}, records joined by {@code separator}. The first value is the (row or
	 * stockout) date. Made once per encoder.
	 */
	private record Syntax(Format format, byte[] beforeId, byte[] afterId, byte[] dateQuote, byte[] noDate,
			byte[] afterFirst, byte[] afterSecond, byte[] afterThird, byte[] end, byte[] separator) {

		static Syntax of(Format format, View view) {
			boolean rows = view == View.ROWS;
			if (format == Format.CSV) {
				return new Syntax(format, new byte[0], ascii(","), new byte[0], new byte[0], ascii(","), ascii(","),
						ascii(","), ascii("\n"), new byte[0]);
			}
			byte[] beforeId = ascii("{\"product_id\":");
			byte[] end = ascii((format == Format.NDJSON) ? "}\n" : "}");
			byte[] separator = ascii((format == Format.JSON) ? ",\n" : "");
			if (rows) {
				return new Syntax(format, beforeId, ascii(",\"update_date\":\""), new byte[0], new byte[0],
						ascii("\",\"inventory_level\":"), ascii(",\"sales\":"), ascii(",\"restocking\":"), end,
						separator);
			}
			return new Syntax(format, beforeId, ascii(",\"stockout_date\":"), ascii("\""), ascii("null"),
					ascii(",\"min_inventory_level\":"), ascii(",\"ending_inventory_level\":"), new byte[0], end,
					separator);
		}

		byte[] opening(String productId) {
			byte[] id = (this.format == Format.CSV) ? csvField(productId) : jsonString(productId);
			return concat(concat(this.beforeId, id), this.afterId);
		}

	}

	static byte[] csvField(String value) {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			return value.getBytes(StandardCharsets.UTF_8);
		}
		return ('"' + value.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8);
	}

	static byte[] jsonString(String value) {
		if (!needsEscape(value)) {
			byte[] text = value.getBytes(StandardCharsets.UTF_8);
			byte[] quoted = new byte[text.length + 2];
			quoted[0] = '"';
			System.arraycopy(text, 0, quoted, 1, text.length);
			quoted[quoted.length - 1] = '"';
			return quoted;
		}
		StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static boolean needsEscape(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** Remembers the last row end written (sales, restocking and the syntax around them) and its bytes. */
	private static final class RowEnd {

		private long salesBits;

		private long restockingBits;

		private byte[] bytes;

		void reset() {
			this.bytes = null;
		}

		void append(OutputBuffer out, Syntax syntax, double sales, double restocking) {
			long salesBits = Double.doubleToRawLongBits(sales);
			long restockingBits = Double.doubleToRawLongBits(restocking);
			if (this.bytes != null && salesBits == this.salesBits && restockingBits == this.restockingBits) {
				out.put(this.bytes);
				return;
			}
			int from = out.length();
			out.put(syntax.afterSecond);
			Decimals.append(out, sales);
			out.put(syntax.afterThird);
			Decimals.append(out, restocking);
			out.put(syntax.end);
			this.salesBits = salesBits;
			this.restockingBits = restockingBits;
			this.bytes = out.copySince(from);
		}

	}

}
