package com.stockcast.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.util.unit.DataSize;

import com.stockcast.intake.IntakeLimits;
import com.stockcast.intake.ProductListReader;
import com.stockcast.intake.RequestDefaults;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: read a product list, run it through the encoder in one piece, compare CSVs as docs/forecast-contract.md#reference-data says. */
public final class Forecasts {

	public static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(512), 2_000_000, 3660, 100, 100_000,
			10_000_000, 50_000_000_000L, 2_000_000);

	private Forecasts() {
	}

	public static Products products(String csv) {
		return new ProductListReader(LIMITS).readCsv(
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, -1, RequestDefaults.none());
	}

	/** The whole answer, encoded on this thread in one chunk. */
	public static String encode(Products products, Format format, View view) {
		return encode(products, format, view, Scenario.DEFAULT);
	}

	/** The whole answer under {@code scenario}, encoded on this thread in one chunk. */
	public static String encode(Products products, Format format, View view, Scenario scenario) {
		Answer answer = new Answer(format, view, scenario, ListFeatures.of(products));
		OutputBuffer chunk = new OutputBuffer(1024);
		answer.compute(products, 0, products.size(), true, chunk);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			out.write(answer.prologue());
			answer.write(0, chunk, out);
			out.write(answer.epilogue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	public static String resource(String name) {
		try (InputStream in = Forecasts.class.getResourceAsStream("/reference/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource /reference/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts two CSV answers equal: same header, same rows; ids and dates (the first two columns)
	 * compared as text, the numbers after them as numbers ({@code 303} equals {@code 303.0}), exactly.
	 */
	public static void assertSameCsv(String actual, String expected) {
		List<String> actualLines = actual.lines().toList();
		List<String> expectedLines = expected.lines().toList();
		assertThat(actualLines).hasSameSizeAs(expectedLines);
		assertThat(actualLines.get(0)).isEqualTo(expectedLines.get(0));
		for (int i = 1; i < expectedLines.size(); i++) {
			String[] a = actualLines.get(i).split(",", -1);
			String[] e = expectedLines.get(i).split(",", -1);
			assertThat(a).as("line %d", i + 1).hasSameSizeAs(e);
			for (int c = 0; c < e.length; c++) {
				if (c >= 2 && !e[c].isEmpty()) {
					assertThat(Double.parseDouble(a[c])).as("line %d column %d: %s", i + 1, c + 1, actualLines.get(i))
						.isEqualTo(Double.parseDouble(e[c]));
				}
				else {
					assertThat(a[c]).as("line %d column %d", i + 1, c + 1).isEqualTo(e[c]);
				}
			}
		}
	}

	/** {@code n} products of random figures, the same for every run. */
	public static Products randomProducts(int n) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(7);
		Products.Builder builder = Products.builder();
		for (int i = 0; i < n; i++) {
			builder.add("SKU-" + i, 19_000 + random.nextInt(700), Math.round(random.nextDouble(0, 500) * 100) / 100.0,
					Math.round(random.nextDouble(0, 40) * 100) / 100.0, Math.round(random.nextDouble(0, 40) * 100) / 100.0,
					1 + random.nextInt(90), 1 + random.nextInt(8));
		}
		return builder.build();
	}

}
