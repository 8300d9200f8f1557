package com.stockcast;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

import org.springframework.util.unit.DataSize;

import com.stockcast.intake.IntakeLimits;
import com.stockcast.intake.ProductListReader;
import com.stockcast.intake.RequestDefaults;
import com.stockcast.simulation.Products;

/**
 * Benchmark inputs shaped like {@code bench/gen_products.py N out.csv --floats}: ids 1..N, US dates
 * ({@code 9/1/23}) within 700 days of 2023-01-01, two-decimal stock and rates, frequency 1. The
 * seed is fixed, so every run reads the same bytes.
 */
public final class ProductLists {

	/** The retailer the README's figures are for. */
	public static final int SKUS = 50_000;

	/** The service's default limits, so that intake does the checks it does in production. */
	public static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(512), 2_000_000, 3660, 100, 100_000,
			10_000_000, 50_000_000_000L, 2_000_000);

	private static final String HEADER =
			"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,forecast_frequency\n";

	private static final LocalDate BASE = LocalDate.of(2023, 1, 1);

	private ProductLists() {
	}

	public static byte[] csv(int skus, int days) {
		return generate(skus, days, false);
	}

	/** The same products as {@link #csv}, as a JSON array of objects with numbers for numbers. */
	public static byte[] json(int skus, int days) {
		return generate(skus, days, true);
	}

	public static Products products(int skus, int days) {
		return new ProductListReader(LIMITS).readCsv(new ByteArrayInputStream(csv(skus, days)), null, -1,
				RequestDefaults.none());
	}

	private static byte[] generate(int skus, int days, boolean json) {
		SplittableRandom random = new SplittableRandom(1);
		StringBuilder sb = new StringBuilder(skus * (json ? 160 : 48));
		sb.append(json ? "[" : HEADER);
		for (int i = 1; i <= skus; i++) {
			LocalDate date = BASE.plusDays(random.nextInt(700));
			String start = String.format(Locale.ROOT, "%d/%d/%02d", date.getMonthValue(), date.getDayOfMonth(),
					date.getYear() % 100);
			double inventory = random.nextInt(50_001) / 100.0;
			double sales = random.nextInt(4_001) / 100.0;
			double restocking = random.nextInt(4_001) / 100.0;
			if (json) {
				sb.append((i == 1) ? "\n" : ",\n").append("{\"product_id\":\"").append(i)
					.append("\",\"sell_start_date\":\"").append(start)
					.append("\",\"initial_inventory\":").append(inventory)
					.append(",\"sales_rate\":").append(sales)
					.append(",\"restocking_rate\":").append(restocking)
					.append(",\"duration_days\":").append(days)
					.append(",\"forecast_frequency\":1}");
			}
			else {
				sb.append(i).append(',').append(start).append(',').append(inventory).append(',').append(sales)
					.append(',').append(restocking).append(',').append(days).append(",1\n");
			}
		}
		if (json) {
			sb.append("\n]\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

}
