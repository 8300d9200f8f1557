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
		if (this.view == View.SUMMARY) {
			return to - from;
		}
		long rows = 0;
		for (int i = from; i < to; i++) {
			rows += products.periods(i);
		}
		return rows;
	}

	/**
	 * Simulates products {@code from..to-1} and appends their output. {@code first} says whether these
	 * are the answer's first rows (JSON puts no separator before them).
	 */
	public void encode(Products products, int from, int to, boolean first, Trajectory trajectory, OutputBuffer out) {
		boolean rows = this.view == View.ROWS;
		boolean needSeparator = !first;
		for (int i = from; i < to; i++) {
			trajectory.simulate(products, i, rows);
			byte[] id = encodeId(products.id(i));
			if (rows) {
				needSeparator = writeRows(products, i, id, trajectory, out, needSeparator);
			}
			else {
				needSeparator = writeSummary(products, i, id, trajectory, out, needSeparator);
			}
		}
	}

	private boolean writeRows(Products products, int i, byte[] id, Trajectory t, OutputBuffer out,
			boolean needSeparator) {
		int startDay = products.startDay(i);
		int frequency = products.frequency(i);
		// Every full period sums the same days in the same order, so its sales and restocking repeat:
		// format each distinct value once.
		RepeatedValue sales = new RepeatedValue();
		RepeatedValue restocking = new RepeatedValue();
		for (int k = 0; k < t.periods(); k++) {
			beginRecord(out, needSeparator);
			needSeparator = true;
			if (this.format == Format.CSV) {
				out.put(id);
				out.put((byte) ',');
				IsoDates.append(out, startDay + k * frequency);
				out.put((byte) ',');
				Decimals.append(out, t.level(k));
				out.put((byte) ',');
				sales.append(out, t.sales(k));
				out.put((byte) ',');
				restocking.append(out, t.restocking(k));
				out.put((byte) '\n');
			}
			else {
				out.putAscii("{\"product_id\":");
				out.put(id);
				out.putAscii(",\"update_date\":\"");
				IsoDates.append(out, startDay + k * frequency);
				out.putAscii("\",\"inventory_level\":");
				Decimals.append(out, t.level(k));
				out.putAscii(",\"sales\":");
				sales.append(out, t.sales(k));
				out.putAscii(",\"restocking\":");
				restocking.append(out, t.restocking(k));
				endRecord(out);
			}
		}
		return needSeparator;
	}

	private boolean writeSummary(Products products, int i, byte[] id, Trajectory t, OutputBuffer out,
			boolean needSeparator) {
		beginRecord(out, needSeparator);
		boolean csv = this.format == Format.CSV;
		if (csv) {
			out.put(id);
			out.put((byte) ',');
			if (t.stockoutDay() != Trajectory.NO_STOCKOUT) {
				IsoDates.append(out, products.startDay(i) + t.stockoutDay());
			}
			out.put((byte) ',');
			Decimals.append(out, t.minimumLevel());
			out.put((byte) ',');
			Decimals.append(out, t.endingLevel());
			out.put((byte) '\n');
		}
		else {
			out.putAscii("{\"product_id\":");
			out.put(id);
			out.putAscii(",\"stockout_date\":");
			if (t.stockoutDay() != Trajectory.NO_STOCKOUT) {
				out.put((byte) '"');
				IsoDates.append(out, products.startDay(i) + t.stockoutDay());
				out.put((byte) '"');
			}
			else {
				out.putAscii("null");
			}
			out.putAscii(",\"min_inventory_level\":");
			Decimals.append(out, t.minimumLevel());
			out.putAscii(",\"ending_inventory_level\":");
			Decimals.append(out, t.endingLevel());
			endRecord(out);
		}
		return true;
	}

	private void beginRecord(OutputBuffer out, boolean needSeparator) {
		if (this.format == Format.JSON && needSeparator) {
			out.putAscii(",\n");
		}
	}

	private void endRecord(OutputBuffer out) {
		out.put((byte) '}');
		if (this.format == Format.NDJSON) {
			out.put((byte) '\n');
		}
	}

	private byte[] encodeId(String id) {
		return (this.format == Format.CSV) ? csvField(id) : jsonString(id);
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
