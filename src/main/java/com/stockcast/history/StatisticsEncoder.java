package com.stockcast.history;

import com.stockcast.output.Cells;
import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;

/**
 * Writes one statistics record per SKU in CSV, JSON or NDJSON. Levels (mean, minimum, quartiles,
 * maximum) have two decimals like the forecast's numbers; the standard deviation and the trend have
 * four, because a slope of a few hundredths of a unit per day is a real change that two decimals
 * would write as 0. An undefined value is an empty CSV cell or JSON {@code null}.
 */
final class StatisticsEncoder {

	static final String[] COLUMNS = { "product_id", "count", "mean", "std", "min", "q1", "median", "q3", "max",
			"first_date", "last_date", "trend" };

	private static final byte[] CSV_HEADER = Cells.ascii(String.join(",", COLUMNS) + "\n");

	private static final byte[] COMMA = Cells.ascii(",");

	private static final byte[] NULL = Cells.ascii("null");

	private static final byte[] QUOTE = Cells.ascii("\"");

	private static final byte[] JSON_SEPARATOR = Cells.ascii(",\n");

	private static final byte[] LINE_END = Cells.ascii("\n");

	private static final byte[] OBJECT_END = Cells.ascii("}");

	private static final byte[] OBJECT_LINE_END = Cells.ascii("}\n");

	private final Format format;

	/** What comes before each value in JSON: {@code {"product_id":}, {@code ,"count":}, ... */
	private final byte[][] keys = new byte[COLUMNS.length][];

	StatisticsEncoder(Format format) {
		this.format = format;
		for (int c = 0; c < COLUMNS.length; c++) {
			this.keys[c] = Cells.ascii(((c == 0) ? "{\"" : ",\"") + COLUMNS[c] + "\":");
		}
	}

	Format format() {
		return this.format;
	}

	byte[] prologue() {
		return switch (this.format) {
			case CSV -> CSV_HEADER.clone();
			case JSON -> Cells.ascii("[");
			case NDJSON -> new byte[0];
		};
	}

	byte[] epilogue() {
		return (this.format == Format.JSON) ? Cells.ascii("]\n") : new byte[0];
	}

	/** About how many bytes a record takes, to size a chunk's buffer. */
	int typicalBytes() {
		return (this.format == Format.CSV) ? 80 : 200;
	}

	/**
	 * Appends one SKU's record. {@code first} says whether it opens the answer (JSON puts no
	 * separator before it).
	 */
	void encode(String productId, SkuStatistics s, boolean first, OutputBuffer out) {
		boolean csv = this.format == Format.CSV;
		if (this.format == Format.JSON && !first) {
			Cells.raw(out, JSON_SEPARATOR);
		}
		Cells.raw(out, csv ? Cells.csvField(productId) : concat(this.keys[0], Cells.jsonString(productId)));
		key(out, 1);
		Cells.whole(out, s.count());
		key(out, 2);
		Cells.decimal(out, s.mean());
		key(out, 3);
		decimal4OrEmpty(out, s.std());
		key(out, 4);
		Cells.decimal(out, s.min());
		key(out, 5);
		Cells.decimal(out, s.q1());
		key(out, 6);
		Cells.decimal(out, s.median());
		key(out, 7);
		Cells.decimal(out, s.q3());
		key(out, 8);
		Cells.decimal(out, s.max());
		key(out, 9);
		date(out, s.firstDay());
		key(out, 10);
		date(out, s.lastDay());
		key(out, 11);
		decimal4OrEmpty(out, s.trend());
		Cells.raw(out, csv ? LINE_END : (this.format == Format.NDJSON) ? OBJECT_LINE_END : OBJECT_END);
	}

	private void key(OutputBuffer out, int column) {
		Cells.raw(out, (this.format == Format.CSV) ? COMMA : this.keys[column]);
	}

	private void decimal4OrEmpty(OutputBuffer out, double value) {
		if (!Double.isNaN(value)) {
			Cells.decimal4(out, value);
		}
		else if (this.format != Format.CSV) {
			Cells.raw(out, NULL);
		}
	}

	private void date(OutputBuffer out, int epochDay) {
		boolean json = this.format != Format.CSV;
		if (json) {
			Cells.raw(out, QUOTE);
		}
		Cells.isoDate(out, epochDay);
		if (json) {
			Cells.raw(out, QUOTE);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
