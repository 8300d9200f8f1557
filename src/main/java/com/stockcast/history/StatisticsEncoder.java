package com.stockcast.history;

import java.util.List;

import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;
import com.stockcast.output.Table;
import com.stockcast.output.Table.Kind;

/**
 * Writes one statistics record per SKU in CSV, JSON or NDJSON. Levels (mean, minimum, quartiles,
 * maximum) have two decimals like the forecast's numbers; the standard deviation and the trend have
 * four, because a slope of a few hundredths of a unit per day is a real change that two decimals
 * would write as 0. An undefined value is an empty CSV cell or JSON {@code null}. A statistics job
 * records the same values and replays them through the same {@link #TABLE}.
 */
final class StatisticsEncoder {

	/** The columns of the statistics, in order. */
	public static final Table TABLE = new Table(List.of(Table.column("product_id", Kind.TEXT),
			Table.column("count", Kind.COUNT), Table.column("mean", Kind.AMOUNT), Table.column("std", Kind.FRACTION),
			Table.column("min", Kind.AMOUNT), Table.column("q1", Kind.AMOUNT), Table.column("median", Kind.AMOUNT),
			Table.column("q3", Kind.AMOUNT), Table.column("max", Kind.AMOUNT), Table.column("first_date", Kind.DATE),
			Table.column("last_date", Kind.DATE), Table.column("trend", Kind.FRACTION)));

	static final String[] COLUMNS = TABLE.columns().stream().map(Table.Column::name).toArray(String[]::new);

	private final Format format;

	StatisticsEncoder(Format format) {
		this.format = format;
	}

	Format format() {
		return this.format;
	}

	byte[] prologue() {
		return TABLE.prologue(this.format);
	}

	byte[] epilogue() {
		return TABLE.epilogue(this.format);
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
		record(productId, s, TABLE.writer(this.format, out, first));
	}

	/** Hands one SKU's statistics to {@code sink}, in {@link #TABLE}'s column order. */
	public static void record(String productId, SkuStatistics s, Table.Sink sink) {
		sink.text(productId).count(s.count()).amount(s.mean()).fraction(s.std()).amount(s.min()).amount(s.q1())
			.amount(s.median()).amount(s.q3()).amount(s.max()).date(s.firstDay()).date(s.lastDay())
			.fraction(s.trend()).end();
	}

}
