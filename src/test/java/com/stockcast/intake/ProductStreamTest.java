package com.stockcast.intake;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import com.stockcast.TestResources;
import com.stockcast.problem.ProblemException;
import com.stockcast.simulation.Products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A product list read into chunks as it streams in: the chunks are those of the list read whole, cut
 * by the same rule, and each is handed on before much more of the body is read, so that what is held
 * is a chunk and the parser's buffers, whatever the body's size. Shown by counting the body's bytes,
 * not by timing. About 0.5 s.
 */
class ProductStreamTest {

	private static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(512), 2_000_000, 3660, 100,
			100_000, 10_000_000, 50_000_000_000L, 2_000_000);

	private static final int PRODUCTS = 40_000;

	private static final int CHUNK = 100;

	/** Read ahead of the row being parsed: the decoder's, the parser's and gzip's buffers, with room. */
	private static final long READ_AHEAD = 96 * 1024;

	private final ProductListReader reader = new ProductListReader(LIMITS);

	@ParameterizedTest
	@ValueSource(strings = { "csv", "gzip", "json" })
	void handsOnEachChunkBeforeReadingMuchFurther(String kind) {
		byte[] body = body(kind);
		assertThat((long) body.length).as("a body the reader could hold whole within its read-ahead").isGreaterThan(2 * READ_AHEAD);
		Counted in = new Counted(body);
		Chunks streamed = new Chunks(in);
		stream(kind, in, streamed);

		Chunks whole = new Chunks(null);
		ProductChunks.cut(("json".equals(kind)) ? this.reader.readJson(new ByteArrayInputStream(body), null, -1,
				RequestDefaults.none()) : this.reader.readCsv(new ByteArrayInputStream(csv().getBytes(StandardCharsets.UTF_8)),
						null, -1, RequestDefaults.none()), whole);
		assertThat(streamed.ids).isEqualTo(whole.ids);
		assertThat(streamed.sizes).hasSize(PRODUCTS / CHUNK).containsOnly(CHUNK).isEqualTo(whole.sizes);
		for (int c = 0; c < streamed.read.size(); c++) {
			// Rows are alike in length, so chunk c ends about (c + 1) / chunks of the way through the body.
			long end = (long) body.length * (c + 1) / streamed.read.size();
			assertThat(streamed.read.get(c)).as("bytes read when chunk %d was handed on", c).isLessThan(end + READ_AHEAD);
		}
	}

	@Test
	void aBadRowAfterChunksWereHandedOnIsTheProblemOfTheWholeList() {
		String csv = csv();
		int at = csv.indexOf("\nSKU-30000,") + 1;
		String bad = csv.substring(0, at) + csv.substring(at).replaceFirst(",1.5,30\n", ",-1.5,30\n");
		Chunks streamed = new Chunks(null);
		ProblemException problem = (ProblemException) org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
				() -> this.reader.streamCsv(bytes(bad), null, -1, RequestDefaults.none(), streamed));
		assertThatThrownBy(() -> this.reader.readCsv(bytes(bad), null, -1, RequestDefaults.none()))
			.isInstanceOfSatisfying(ProblemException.class,
					whole -> assertThat(whole.getBody()).usingRecursiveComparison().isEqualTo(problem.getBody()));
		assertThat(problem.getBody().toString()).contains("30001");
		assertThat(streamed.sizes).hasSize(299);
	}

	@Test
	void anObjectBodyWhichMayCarryReceiptsIsHandedOnOnlyOnceReadWhole() {
		byte[] body = ("{\"products\":" + json() + "}").getBytes(StandardCharsets.UTF_8);
		Counted in = new Counted(body);
		Chunks streamed = new Chunks(in);
		this.reader.streamJson(in, null, -1, RequestDefaults.none(), streamed);
		assertThat(streamed.sizes).hasSize(PRODUCTS / CHUNK);
		assertThat(streamed.read.get(0)).isEqualTo(body.length);
	}

	private void stream(String kind, InputStream in, ProductChunks chunks) {
		switch (kind) {
			case "csv" -> this.reader.streamCsv(in, null, -1, RequestDefaults.none(), chunks);
			case "gzip" -> this.reader.streamCsv(in, "gzip", -1, RequestDefaults.none(), chunks);
			default -> this.reader.streamJson(in, null, -1, RequestDefaults.none(), chunks);
		}
	}

	private static byte[] body(String kind) {
		return switch (kind) {
			case "csv" -> csv().getBytes(StandardCharsets.UTF_8);
			case "gzip" -> TestResources.gzip(csv().getBytes(StandardCharsets.UTF_8));
			default -> json().getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String csv() {
		StringBuilder csv = new StringBuilder("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
				+ "duration_days\n");
		java.util.SplittableRandom random = new java.util.SplittableRandom(18);
		for (int i = 1; i <= PRODUCTS; i++) {
			csv.append("SKU-").append(i).append(",2024-01-").append(10 + i % 20).append(',')
				.append(random.nextInt(100_000) / 100.0).append(',').append(i % 7).append(",1.5,30\n");
		}
		return csv.toString();
	}

	private static String json() {
		StringBuilder json = new StringBuilder("[");
		java.util.SplittableRandom random = new java.util.SplittableRandom(18);
		for (int i = 1; i <= PRODUCTS; i++) {
			json.append((i > 1) ? ",\n" : "").append("{\"product_id\":\"SKU-").append(i)
				.append("\",\"sell_start_date\":\"2024-01-").append(10 + i % 20).append("\",\"initial_inventory\":")
				.append(random.nextInt(100_000) / 100.0).append(',')
				.append("\"sales_rate\":").append(i % 7).append(",\"restocking_rate\":1.5,\"duration_days\":30}");
		}
		return json.append(']').toString();
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A body that counts the bytes taken from it. */
	private static final class Counted extends FilterInputStream {

		long read;

		Counted(byte[] body) {
			super(new ByteArrayInputStream(body));
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			this.read += (b >= 0) ? 1 : 0;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			this.read += Math.max(n, 0);
			return n;
		}

	}

	/** Chunks of {@link #CHUNK} products as handed on: their sizes, ids, and the body read by then. */
	private static final class Chunks implements ProductChunks {

		final List<Integer> sizes = new ArrayList<>();

		final List<String> ids = new ArrayList<>();

		final List<Long> read = new ArrayList<>();

		private final Counted body;

		Chunks(Counted body) {
			this.body = body;
		}

		@Override
		public boolean full(int products, long rows) {
			return products >= CHUNK;
		}

		@Override
		public void accept(Products products, int from, int to) {
			this.sizes.add(to - from);
			for (int i = from; i < to; i++) {
				this.ids.add(products.id(i));
			}
			if (this.body != null) {
				this.read.add(this.body.read);
			}
		}

	}

}
