package com.stockcast.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random sales histories for tests: SKUs with random day counts, gaps and units, the rows shuffled so
 * that SKUs interleave and days come out of order. Also the same rows as CSV.
 */
public final class Histories {

	/** One row as a store system sends it. */
	public record Sale(String productId, int day, double units) {
	}

	private Histories() {
	}

	/** Rows of {@code skus} products, in a random order; each product's days are distinct. */
	public static List<Sale> random(long seed, int skus, int maxDays) {
		Random random = new Random(seed);
		List<Sale> sales = new ArrayList<>();
		for (int s = 0; s < skus; s++) {
			String id = "SKU-" + s;
			int days = 1 + random.nextInt(maxDays);
			int day = 19_000 + random.nextInt(400);
			double level = random.nextInt(50);
			for (int j = 0; j < days; j++) {
				day += (random.nextInt(5) == 0) ? 1 + random.nextInt(4) : 1;
				double units = switch (s % 3) {
					case 0 -> random.nextInt(20);
					case 1 -> Math.max(0, Math.round((level + j * 0.3 + random.nextGaussian() * 4) * 100) / 100.0);
					default -> 1_000_000 + random.nextInt(3) / 4.0;
				};
				sales.add(new Sale(id, day, units));
			}
		}
		Collections.shuffle(sales, random);
		return sales;
	}

	public static SalesHistory build(List<Sale> sales) {
		SalesHistory.Builder builder = SalesHistory.builder();
		for (Sale sale : sales) {
			builder.add(builder.sku(sale.productId()), sale.day(), sale.units());
		}
		return builder.build((sku, day, first, repeat) -> {
			throw new AssertionError("duplicate day " + day + " of SKU " + sku);
		});
	}

	/** The rows grouped by product in order of first appearance, each product's days ascending. */
	public static Map<String, List<Sale>> bySku(List<Sale> sales) {
		Map<String, List<Sale>> grouped = new LinkedHashMap<>();
		for (Sale sale : sales) {
			grouped.computeIfAbsent(sale.productId(), id -> new ArrayList<>()).add(sale);
		}
		grouped.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.day(), b.day())));
		return grouped;
	}

	public static String csv(List<Sale> sales) {
		StringBuilder sb = new StringBuilder("product_id,date,units\n");
		for (Sale sale : sales) {
			sb.append(sale.productId()).append(',').append(LocalDate.ofEpochDay(sale.day())).append(',')
				.append(java.math.BigDecimal.valueOf(sale.units()).toPlainString()).append('\n');
		}
		return sb.toString();
	}

}
