package com.stockcast.output;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.stockcast.JmhDefaults;
import com.stockcast.ProductLists;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * A worker's whole job on 50,000 SKUs x 30 days of the default forecast: {@link Answer#compute}
 * simulates and formats, so a rows score less a thirtieth of {@code TrajectoryBenchmark.rows} at 30
 * days is the cost of formatting a row. (Until the one pipeline, the default forecast had its own
 * encoder; its figures, beside these, are in docs/performance.md.) Rows scores are ns per output row (1.5 M rows), the summary score ns per
 * SKU; the setup prints bytes per row.
 */
public class AnswerBenchmark extends JmhDefaults {

	private static final int DAYS = 30;

	private static final int ROWS = ProductLists.SKUS * DAYS;

	/**
	 * The default {@code stockcast.pool.chunk-size}: the service encodes chunks into reused buffers,
	 * so the bytes written stay cache-sized rather than one 100 MB array.
	 */
	private static final int CHUNK_SIZE = 1024;

	@Benchmark
	@OperationsPerInvocation(ROWS)
	public long rows(Rows answer) {
		return answer.encode();
	}

	/** CSV only: a summary is a few numbers per SKU, so the format changes little. */
	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public long summary(Summary answer) {
		return answer.encode();
	}

	@State(Scope.Thread)
	public static class Rows extends Chunks {

		@Param({ "CSV", "JSON", "NDJSON" })
		public Format format;

		@Setup(Level.Trial)
		public void setUp() {
			start(this.format, View.ROWS);
		}

	}

	@State(Scope.Thread)
	public static class Summary extends Chunks {

		@Setup(Level.Trial)
		public void setUp() {
			start(Format.CSV, View.SUMMARY);
		}

	}

	/** One answer's products, and the chunk buffer it reuses as the service's workers do. */
	abstract static class Chunks {

		private Products products;

		private Answer answer;

		private OutputBuffer out;

		void start(Format format, View view) {
			this.products = ProductLists.products(ProductLists.SKUS, DAYS);
			this.answer = new Answer(format, view, Scenario.DEFAULT, ListFeatures.NONE);
			long chunkRows = this.answer.rowCount(this.products, 0, CHUNK_SIZE);
			this.out = new OutputBuffer((int) this.answer.typicalBytes(chunkRows));
			long rows = this.answer.rowCount(this.products, 0, this.products.size());
			long bytes = encode();
			System.out.printf("%s %s: %.1f bytes per row (%,d bytes, %,d rows)%n", format.tag(), view.tag(),
					(double) bytes / rows, bytes, rows);
		}

		/** Returns the bytes written, so that the JIT cannot drop the work. */
		long encode() {
			Products products = this.products;
			OutputBuffer out = this.out;
			long bytes = 0;
			for (int from = 0; from < products.size(); from += CHUNK_SIZE) {
				out.clear();
				this.answer.compute(products, from, Math.min(from + CHUNK_SIZE, products.size()), from == 0, out);
				bytes += out.length();
			}
			return bytes;
		}

	}

}
