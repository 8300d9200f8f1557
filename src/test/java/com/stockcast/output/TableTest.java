package com.stockcast.output;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.stockcast.output.Table.Kind;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one encoder: rows, summaries and totals in CSV, JSON and NDJSON, byte for byte; values that
 * repeat from record to record (which the writer copies instead of formatting) and values that do
 * not; and records recorded for a job and replayed.
 */
class TableTest {

	private static final int JAN_1_2024 = 19_723;

	private static final int NONE = Integer.MIN_VALUE;

	private static final Projection DEFAULT = new Projection(Scenario.DEFAULT, ListFeatures.NONE);

	private static final Consumer<Table.Sink> ROWS = sink -> {
		sink.text("A").date(JAN_1_2024).amount(48).amount(10).amount(8).end();
		sink.text("A").date(JAN_1_2024 + 1).amount(46.5).amount(10).amount(8).end();
		sink.text("B,\"1\"").date(JAN_1_2024).amount(-2).amount(10.25).amount(8).end();
	};

	private static final Consumer<Table.Sink> SUMMARIES = sink -> {
		sink.text("A").date(JAN_1_2024 + 4).amount(-50).amount(-50).end();
		sink.text("B").date(NONE).amount(5).amount(5.125).end();
	};

	@Test
	void writesRowsInCsv() {
		assertThat(write(DEFAULT.table(View.ROWS), Format.CSV, ROWS)).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking
				A,2024-01-01,48,10,8
				A,2024-01-02,46.5,10,8
				"B,""1""\",2024-01-01,-2,10.25,8
				""");
	}

	@Test
	void writesRowsInJson() {
		assertThat(write(DEFAULT.table(View.ROWS), Format.JSON, ROWS)).isEqualTo("""
				[{"product_id":"A","update_date":"2024-01-01","inventory_level":48,"sales":10,"restocking":8},
				{"product_id":"A","update_date":"2024-01-02","inventory_level":46.5,"sales":10,"restocking":8},
				{"product_id":"B,\\"1\\"","update_date":"2024-01-01","inventory_level":-2,"sales":10.25,"restocking":8}]
				""");
	}

	@Test
	void writesRowsInNdjson() {
		assertThat(write(DEFAULT.table(View.ROWS), Format.NDJSON, ROWS)).isEqualTo("""
				{"product_id":"A","update_date":"2024-01-01","inventory_level":48,"sales":10,"restocking":8}
				{"product_id":"A","update_date":"2024-01-02","inventory_level":46.5,"sales":10,"restocking":8}
				{"product_id":"B,\\"1\\"","update_date":"2024-01-01","inventory_level":-2,"sales":10.25,"restocking":8}
				""");
	}

	@Test
	void writesSummariesWithAndWithoutAStockoutDate() {
		Table summary = DEFAULT.table(View.SUMMARY);
		assertThat(write(summary, Format.CSV, SUMMARIES)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level
				A,2024-01-05,-50,-50
				B,,5,5.12
				""");
		assertThat(write(summary, Format.JSON, SUMMARIES)).isEqualTo("""
				[{"product_id":"A","stockout_date":"2024-01-05","min_inventory_level":-50,"ending_inventory_level":-50},
				{"product_id":"B","stockout_date":null,"min_inventory_level":5,"ending_inventory_level":5.12}]
				""");
		assertThat(write(summary, Format.NDJSON, SUMMARIES)).isEqualTo("""
				{"product_id":"A","stockout_date":"2024-01-05","min_inventory_level":-50,"ending_inventory_level":-50}
				{"product_id":"B","stockout_date":null,"min_inventory_level":5,"ending_inventory_level":5.12}
				""");
	}

	@Test
	void writesTotalsOnePerDateWithProducts() {
		Totals totals = new Totals();
		totals.add(JAN_1_2024, 8, 2, 0, 0, 0);
		totals.add(JAN_1_2024, -1, 3, 1, 0, 1);
		totals.add(JAN_1_2024 + 2, 4.5, 1, 0, 0, 0);
		Consumer<Table.Sink> records = sink -> DEFAULT.totals(totals, sink);
		Table table = DEFAULT.table(View.TOTALS);
		assertThat(write(table, Format.CSV, records)).isEqualTo("""
				date,inventory_level,sales,restocking,skus_out_of_stock,skus
				2024-01-01,7,5,1,1,2
				2024-01-03,4.5,1,0,0,1
				""");
		assertThat(write(table, Format.JSON, records)).isEqualTo("""
				[{"date":"2024-01-01","inventory_level":7,"sales":5,"restocking":1,"skus_out_of_stock":1,"skus":2},
				{"date":"2024-01-03","inventory_level":4.5,"sales":1,"restocking":0,"skus_out_of_stock":0,"skus":1}]
				""");
		assertThat(write(table, Format.NDJSON, records)).isEqualTo("""
				{"date":"2024-01-01","inventory_level":7,"sales":5,"restocking":1,"skus_out_of_stock":1,"skus":2}
				{"date":"2024-01-03","inventory_level":4.5,"sales":1,"restocking":0,"skus_out_of_stock":0,"skus":1}
				""");
	}

	@Test
	void writesEveryKindOfValue() {
		Table table = new Table(List.of(Table.column("id", Kind.TEXT), Table.column("p", Kind.FRACTION),
				Table.column("n", Kind.COUNT), Table.column("on", Kind.DATES), Table.column("x", Kind.AMOUNT)));
		Consumer<Table.Sink> records = sink -> {
			sink.text("line\nbreak").fraction(0.12345).count(-3).dates(new int[] { JAN_1_2024, JAN_1_2024 + 31, 0 }, 2)
				.amount(Double.NaN).end();
			sink.text("x").fraction(Double.NaN).count(0).dates(new int[0], 0).amount(1e-3).end();
		};
		assertThat(write(table, Format.CSV, records)).isEqualTo("""
				id,p,n,on,x
				"line
				break",0.1235,-3,2024-01-01 2024-02-01,
				x,,0,,0
				""");
		assertThat(write(table, Format.NDJSON, records)).isEqualTo("""
				{"id":"line\\nbreak","p":0.1235,"n":-3,"on":["2024-01-01","2024-02-01"],"x":null}
				{"id":"x","p":null,"n":0,"on":[],"x":0}
				""");
	}

	@Test
	void aValueThatRepeatsIsWrittenAsItWasAndOneThatChangesAnew() {
		// The writer copies a column's last bytes when its value repeats (-0.0 and 0.0 differ in bits,
		// and both print as 0).
		Consumer<Table.Sink> records = sink -> {
			for (double sales : new double[] { 1.005, 1.005, 2, 0.0, -0.0, 0.0, Double.NaN, Double.NaN, 3 }) {
				sink.text("A").date(JAN_1_2024).amount(0).amount(sales).amount(sales).end();
			}
		};
		String csv = write(DEFAULT.table(View.ROWS), Format.CSV, records);
		assertThat(csv.lines().skip(1).map(line -> line.substring(line.indexOf(",0,") + 3)).toList())
			.containsExactly("1,1", "1,1", "2,2", "0,0", "0,0", "0,0", ",", ",", "3,3");
		assertThat(csv).isEqualTo(writeOneByOne(DEFAULT.table(View.ROWS), Format.CSV, records));
	}

	@Test
	void aWholeRowInOneCallIsTheSameAsItsValuesOneByOne() {
		double[][] rows = { { 48, 10, 8 }, { 46.5, 10, 8 }, { 45, 10, 8.5 }, { 44, 10.5, 8.5 }, { 44, 10.5, 8.5 },
				{ -0.0, 0.0, 0.0 }, { 1e-3, 0.005, 0.015 }, { 1e9, 10, 8 } };
		String[] ids = { "A", "A", "A", "B,\"x\"", "B,\"x\"", "C", "C", "A" };
		Table table = DEFAULT.table(View.ROWS);
		for (Format format : Format.values()) {
			String values = write(table, format, sink -> {
				for (int r = 0; r < rows.length; r++) {
					sink.text(ids[r]).date(JAN_1_2024 + r).amount(rows[r][0]).amount(rows[r][1]).amount(rows[r][2]).end();
				}
			});
			String records = write(table, format, sink -> {
				for (int r = 0; r < rows.length; r++) {
					((Table.Writer) sink).record(ids[r], JAN_1_2024 + r, rows[r][0], rows[r][1], rows[r][2]);
				}
			});
			assertThat(records).as("%s", format).isEqualTo(values);
		}
		Table.Writer writer = DEFAULT.table(View.SUMMARY).writer(Format.CSV, new OutputBuffer(64), true);
		assertThatThrownBy(() -> writer.record("A", JAN_1_2024, 1, 2, 3)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aWholeSummaryInOneCallIsTheSameAsItsValuesOneByOne() {
		Table table = DEFAULT.table(View.SUMMARY);
		for (Format format : Format.values()) {
			assertThat(write(table, format, sink -> {
				((Table.Writer) sink).record("A", JAN_1_2024 + 4, -50, -50);
				((Table.Writer) sink).record("B", NONE, 5, 5.125);
			})).as("%s", format).isEqualTo(write(table, format, SUMMARIES));
		}
		Table.Writer writer = DEFAULT.table(View.ROWS).writer(Format.CSV, new OutputBuffer(64), true);
		assertThatThrownBy(() -> writer.record("A", JAN_1_2024, 1, 2)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesARecordWithTooFewValues() {
		Table.Writer writer = DEFAULT.table(View.SUMMARY).writer(Format.CSV, new OutputBuffer(64), true);
		writer.text("A").date(NONE).amount(1);
		assertThatThrownBy(writer::end).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("3 values for 4 columns");
	}

	@Test
	void recordsReplayAsTheyWouldHaveBeenWritten() {
		Projection scenario = new Projection(new Scenario(SalesPolicy.LOST_SALES, Demand.CONSTANT, 0, 0), new ListFeatures(true, false, false));
		Table table = scenario.table(View.SUMMARY);
		Consumer<Table.Sink> records = sink -> {
			sink.text("A").date(JAN_1_2024).amount(1).amount(2).amount(3.5).count(2)
				.dates(new int[] { JAN_1_2024, JAN_1_2024 + 7 }, 2).end();
			sink.text("B").date(NONE).amount(Double.NaN).amount(-0.0).amount(0).count(0).dates(new int[0], 0).end();
			sink.text("C").date(JAN_1_2024 + 400).amount(1e9).amount(0.005).amount(0.015).count(1)
				.dates(new int[] { JAN_1_2024 }, 1).end();
		};
		Table.Recorder recorder = table.recorder();
		records.accept(recorder);
		assertThat(recorder.records()).isEqualTo(3);
		byte[] recorded = recorder.toBytes();
		for (Format format : Format.values()) {
			assertThat(write(table, format, sink -> assertThat(table.replay(recorded, 0, Integer.MAX_VALUE, sink))
				.isEqualTo(3))).as("%s", format).isEqualTo(write(table, format, records));
		}
		String tail = write(table, Format.CSV, sink -> assertThat(table.replay(recorded, 1, 1, sink)).isEqualTo(1));
		assertThat(tail.lines().toList()).containsExactly(
				"product_id,stockout_date,min_inventory_level,ending_inventory_level,unmet_demand,order_count,order_dates",
				"B,,,0,0,0,");
		assertThat(recorder.toBytes()).as("a recorder starts afresh after toBytes").hasSize(4);
	}

	@Test
	void rowsShapedAsTheDefaultForecastsReplayAsTheyWouldHaveBeenWritten() {
		// The replay's one-call path for a text, a date and three amounts, with what it hands to the
		// general calls (an empty date or amount), ids that repeat, come back and change, ids that
		// need quoting or escaping, and ids beyond ASCII (modified UTF-8, not UTF-8, in the record).
		Table table = new Table(List.of(Table.column("id", Kind.TEXT), Table.column("on", Kind.DATE),
				Table.column("a", Kind.AMOUNT), Table.column("b", Kind.AMOUNT), Table.column("c", Kind.AMOUNT)));
		String[] ids = { "A", "A", "B", "A", "é,\"x\"", "é,\"x\"", "\u0000\uD83D\uDE00", "AB", "AB", "A" };
		Consumer<Table.Sink> records = sink -> {
			for (int i = 0; i < ids.length; i++) {
				sink.text(ids[i]).date((i == 3) ? NONE : JAN_1_2024 + i).amount((i == 5) ? Double.NaN : i * 1.25)
					.amount(2).amount(3).end();
			}
		};
		Table.Recorder recorder = table.recorder();
		records.accept(recorder);
		byte[] recorded = recorder.toBytes();
		for (Format format : Format.values()) {
			assertThat(write(table, format, sink -> assertThat(table.replay(recorded, 0, Integer.MAX_VALUE, sink))
				.isEqualTo(ids.length))).as("%s", format).isEqualTo(write(table, format, records));
		}
		String middle = write(table, Format.CSV, sink -> assertThat(table.replay(recorded, 2, 2, sink)).isEqualTo(2));
		assertThat(middle.lines().toList()).containsExactly("id,on,a,b,c", "B,2024-01-03,2.5,2,3", "A,,3.75,2,3");
	}

	/** The whole answer: prologue, the records {@code records} writes, epilogue. */
	private static String write(Table table, Format format, Consumer<Table.Sink> records) {
		OutputBuffer out = new OutputBuffer(16);
		put(out, table.prologue(format));
		records.accept(table.writer(format, out, true));
		put(out, table.epilogue(format));
		return out.toString();
	}

	/** The same with a fresh writer for every record, so that no value is copied from the one before. */
	private static String writeOneByOne(Table table, Format format, Consumer<Table.Sink> records) {
		OutputBuffer out = new OutputBuffer(16);
		put(out, table.prologue(format));
		boolean[] first = { true };
		records.accept(new Table.Sink() {

			private Table.Writer writer;

			private Table.Writer writer() {
				if (this.writer == null) {
					this.writer = table.writer(format, out, first[0]);
					first[0] = false;
				}
				return this.writer;
			}

			@Override
			public Table.Sink text(String value) {
				writer().text(value);
				return this;
			}

			@Override
			public Table.Sink date(int epochDay) {
				writer().date(epochDay);
				return this;
			}

			@Override
			public Table.Sink amount(double value) {
				writer().amount(value);
				return this;
			}

			@Override
			public Table.Sink fraction(double value) {
				writer().fraction(value);
				return this;
			}

			@Override
			public Table.Sink count(long value) {
				writer().count(value);
				return this;
			}

			@Override
			public Table.Sink dates(int[] epochDays, int count) {
				writer().dates(epochDays, count);
				return this;
			}

			@Override
			public void end() {
				writer().end();
				this.writer = null;
			}

		});
		put(out, table.epilogue(format));
		return out.toString();
	}

	private static void put(OutputBuffer out, byte[] bytes) {
		out.put(bytes);
	}

}
