package com.stockcast.history;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.stockcast.JmhDefaults;
import com.stockcast.ProductLists;
import com.stockcast.intake.HistoryReader;
import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;

/**
 * A sales history of 1,000,000 rows (2,740 SKUs x 365 days, whole units) held in memory: reading it
 * into a {@link SalesHistory}, rows grouped by SKU or interleaved (sorted by date, as a daily export
 * sends them), and computing and encoding every SKU's statistics on one thread. Scores are ns per
 * history row.
 */
@State(Scope.Thread)
public class SalesStatisticsBenchmark extends JmhDefaults {

	private static final int SKUS = 2_740;

	private static final int DAYS = 365;

	private static final int ROWS = SKUS * DAYS;

	@Param({ "sku", "date" })
	public String order;

	private final HistoryReader reader = new HistoryReader(ProductLists.LIMITS);

	private byte[] csv;

	private SalesHistory history;

	private final OutputBuffer out = new OutputBuffer(1 << 20);

	@Setup(Level.Trial)
	public void setUp() {
		SplittableRandom random = new SplittableRandom(42);
		int[] rates = new int[SKUS];
		for (int s = 0; s < SKUS; s++) {
			rates[s] = random.nextInt(40);
		}
		StringBuilder sb = new StringBuilder(ROWS * 25).append("product_id,date,units\n");
		for (int outer = 0; outer < (this.order.equals("sku") ? SKUS : DAYS); outer++) {
			for (int inner = 0; inner < (this.order.equals("sku") ? DAYS : SKUS); inner++) {
				int s = this.order.equals("sku") ? outer : inner;
				int d = this.order.equals("sku") ? inner : outer;
				sb.append(String.format("SKU-%06d", s)).append(',').append(LocalDate.ofEpochDay(19_358 + d))
					.append(',').append((rates[s] * 7 + d * 13) % (rates[s] + 5)).append('\n');
			}
		}
		this.csv = sb.toString().getBytes(StandardCharsets.UTF_8);
		this.history = read();
	}

	@Benchmark
	@OperationsPerInvocation(ROWS)
	public SalesHistory read() {
		return this.reader.readCsv(new ByteArrayInputStream(this.csv), null, this.csv.length);
	}

	@Benchmark
	@OperationsPerInvocation(ROWS)
	public int statistics() {
		StatisticsEncoder encoder = new StatisticsEncoder(Format.CSV);
		SalesStatistics statistics = new SalesStatistics();
		this.out.clear();
		for (int sku = 0; sku < this.history.size(); sku++) {
			encoder.encode(this.history.id(sku), statistics.compute(this.history, sku, 28), sku == 0, this.out);
		}
		return this.out.length();
	}

}
