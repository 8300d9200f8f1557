package com.stockcast.jobs;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Generated product lists in the seed's CSV layout, large enough to keep a job busy. */
public final class BigInput {

	private BigInput() {
	}

	public static String csv(int skus, int days) {
		SplittableRandom random = new SplittableRandom(11);
		StringBuilder sb = new StringBuilder(skus * 48)
			.append("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n");
		for (int i = 1; i <= skus; i++) {
			sb.append("SKU-").append(i).append(',').append(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)))
				.append(',').append(random.nextInt(50_000) / 100.0).append(',').append(random.nextInt(4_000) / 100.0)
				.append(',').append(random.nextInt(4_000) / 100.0).append(',').append(days).append('\n');
		}
		return sb.toString();
	}

}
