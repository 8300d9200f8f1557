package com.stockcast.simulation;

import java.util.SplittableRandom;

/** Random product lists for property tests: whole and two-decimal figures, short horizons, mixed frequencies. */
final class RandomProducts {

	private static final int JAN_1_2024 = 19723;

	private RandomProducts() {
	}

	static Products of(SplittableRandom random, int size, boolean reorderPolicies) {
		Products.Builder builder = Products.builder();
		for (int i = 0; i < size; i++) {
			int days = 1 + random.nextInt(90);
			builder.add(Integer.toString(i), JAN_1_2024, amount(random, -20, 300), amount(random, 0, 25),
					amount(random, 0, 20), days, 1 + random.nextInt(10));
			if (random.nextInt(3) == 0) {
				builder.salesStd(amount(random, 0, 10));
			}
			if (reorderPolicies && random.nextInt(4) != 0) {
				double quantity = Math.max(0.01, amount(random, 0, 80));
				builder.reorderPolicy(amount(random, -30, 150), quantity, random.nextInt(Math.min(days, 12) + 1));
			}
		}
		return builder.build();
	}

	/** Either a whole number or one with two decimals (the awkward binary fractions), in [from, to]. */
	private static double amount(SplittableRandom random, int from, int to) {
		if (random.nextBoolean()) {
			return from + random.nextInt(to - from + 1);
		}
		return (from * 100 + random.nextInt((to - from) * 100 + 1)) / 100.0;
	}

}
