package com.stockcast.output;

import java.nio.charset.StandardCharsets;

import com.stockcast.simulation.Products;
import com.stockcast.simulation.Trajectory;

/**
 * Simulates a run of products and writes their rows (or summaries) in one format straight into a
 * byte buffer. Workers call it on their own chunk, so formatting, the costly part, runs in parallel
 * with the simulation; the request thread only copies finished chunks to the response.
 */
public final class ForecastEncoder {

	private static final byte[] ROWS_HEADER = ascii("product_id,update_date,inventory_level,sales,restocking\n");

	private static final byte[] SUMMARY_HEADER = ascii(
			"product_id,stockout_date,min_inventory_level,ending_inventory_level\n");

	private final Format format;

	private final View view;

	public ForecastEncoder(Format format, View view) {
		this.format = format;
		this.view = view;
	}

	public Format format() {
		return this.format;
	}

	public View view() {
		return this.view;
	}

	/** Bytes that open the answer, before the first chunk. */
	public byte[] prologue() {
		return switch (this.format) {
			case CSV -> (this.view == View.ROWS) ? ROWS_HEADER.clone() : SUMMARY_HEADER.clone();
			case JSON -> ascii("[");
			case NDJSON -> new byte[0];
		};
	}

	/** Bytes that close the answer, after the last chunk. */
	public byte[] epilogue() {
		return (this.format == Format.JSON) ? ascii("]\n") : new byte[0];
	}

	/** Output rows that products {@code from..to-1} make in this view. */
	public long rowCount(Products products, int from, int to) {
		return (this.view == View.SUMMARY) ? to - from : products.periods(from, to);
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

		private boolean needSeparator;

		private byte[] id;

		// Every full period sums the same days in the same order, so its sales and restocking repeat:
		// format each distinct value once.
		private final RepeatedValue sales = new RepeatedValue();

		private final RepeatedValue restocking = new RepeatedValue();

		private RecordWriter(OutputBuffer out, boolean first) {
			this.out = out;
			this.needSeparator = !first;
		}

		/** Starts the records of a product. */
		public void product(String productId) {
			this.id = (ForecastEncoder.this.format == Format.CSV) ? csvField(productId) : jsonString(productId);
			this.sales.reset();
			this.restocking.reset();
		}

		public void row(int epochDay, double level, double periodSales, double periodRestocking) {
			OutputBuffer out = this.out;
			beginRecord();
			if (ForecastEncoder.this.format == Format.CSV) {
				out.put(this.id);
				out.put((byte) ',');
				IsoDates.append(out, epochDay);
				out.put((byte) ',');
				Decimals.append(out, level);
				out.put((byte) ',');
				this.sales.append(out, periodSales);
				out.put((byte) ',');
				this.restocking.append(out, periodRestocking);
				out.put((byte) '\n');
			}
			else {
				out.putAscii("{\"product_id\":");
				out.put(this.id);
				out.putAscii(",\"update_date\":\"");
				IsoDates.append(out, epochDay);
				out.putAscii("\",\"inventory_level\":");
				Decimals.append(out, level);
				out.putAscii(",\"sales\":");
				this.sales.append(out, periodSales);
				out.putAscii(",\"restocking\":");
				this.restocking.append(out, periodRestocking);
				endRecord();
			}
		}

		/** @param stockoutEpochDay the stockout date, or {@link #NO_DATE} */
		public void summary(int stockoutEpochDay, double minimum, double ending) {
			OutputBuffer out = this.out;
			beginRecord();
			if (ForecastEncoder.this.format == Format.CSV) {
				out.put(this.id);
				out.put((byte) ',');
				if (stockoutEpochDay != NO_DATE) {
					IsoDates.append(out, stockoutEpochDay);
				}
				out.put((byte) ',');
				Decimals.append(out, minimum);
				out.put((byte) ',');
				Decimals.append(out, ending);
				out.put((byte) '\n');
			}
			else {
				out.putAscii("{\"product_id\":");
				out.put(this.id);
				out.putAscii(",\"stockout_date\":");
				if (stockoutEpochDay != NO_DATE) {
					out.put((byte) '"');
					IsoDates.append(out, stockoutEpochDay);
					out.put((byte) '"');
				}
				else {
					out.putAscii("null");
				}
				out.putAscii(",\"min_inventory_level\":");
				Decimals.append(out, minimum);
				out.putAscii(",\"ending_inventory_level\":");
				Decimals.append(out, ending);
				endRecord();
			}
		}

		private void beginRecord() {
			if (ForecastEncoder.this.format == Format.JSON && this.needSeparator) {
				this.out.putAscii(",\n");
			}
			this.needSeparator = true;
		}

		private void endRecord() {
			this.out.put((byte) '}');
			if (ForecastEncoder.this.format == Format.NDJSON) {
				this.out.put((byte) '\n');
			}
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

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/** Remembers the last value written and its bytes. */
	private static final class RepeatedValue {

		private double value = Double.NaN;

		private byte[] bytes;

		void reset() {
			this.value = Double.NaN;
		}

		void append(OutputBuffer out, double v) {
			if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(this.value)) {
				int from = out.length();
				Decimals.append(out, v);
				this.value = v;
				this.bytes = out.copySince(from);
			}
			else {
				out.put(this.bytes);
			}
		}

	}

}
