package com.stockcast.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectTest {

	@Test
	void findsEveryRankOfRandomArraysWithAndWithoutTies() {
		SplittableRandom random = new SplittableRandom(3);
		for (int round = 0; round < 3000; round++) {
			int n = 1 + random.nextInt((round % 2 == 0) ? 300 : 3000);
			int distinct = (round % 3 == 0) ? 1 + random.nextInt(4) : Integer.MAX_VALUE;
			double[] values = new double[n];
			for (int i = 0; i < n; i++) {
				values[i] = (distinct == Integer.MAX_VALUE) ? random.nextGaussian() : random.nextInt(distinct);
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int index = random.nextInt(n);
			double[] a = values.clone();
			assertThat(Select.select(a, 0, n, index)).isEqualTo(sorted[index]);
			for (int i = 0; i < n; i++) {
				assertThat((i < index) ? a[i] <= a[index] : a[i] >= a[index]).isTrue();
			}
			// The percentile pattern: a rank below and above the median, within its halves.
			int below = random.nextInt(index + 1);
			int above = index + random.nextInt(n - index);
			assertThat(Select.select(a, 0, index, below)).isEqualTo(sorted[below]);
			assertThat(Select.select(a, index, n, above)).isEqualTo(sorted[above]);
		}
	}

	@Test
	void findsThreeRanksByBucketsOnAnyShapeOfData() {
		// Normal, heavy-tailed (one far outlier squeezes the rest into one bucket), few distinct values,
		// all equal, and a range too wide for a double: each must give exactly the sorted array's values.
		SplittableRandom random = new SplittableRandom(5);
		Select select = new Select();
		double[] out = new double[3];
		for (int round = 0; round < 2000; round++) {
			int n = 1 + random.nextInt((round % 2 == 0) ? 50 : 3000);
			double[] values = new double[n];
			int shape = round % 5;
			for (int i = 0; i < n; i++) {
				values[i] = switch (shape) {
					case 0 -> random.nextGaussian() * 100;
					case 1 -> (i == 0) ? 1e12 : random.nextGaussian();
					case 2 -> random.nextInt(3) - 0.5;
					case 3 -> 7.25;
					default -> (i % 2 == 0) ? -1.7e308 : 1.7e308 * random.nextDouble();
				};
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int r1 = random.nextInt(n);
			int r0 = random.nextInt(r1 + 1);
			int r2 = r1 + random.nextInt(n - r1);
			double[] a = values.clone();
			select.ranks(a, n, new int[] { r0, r1, r2 }, 3, out, new double[n]);
			assertThat(out).as("round %d", round).containsExactly(sorted[r0], sorted[r1], sorted[r2]);
			assertThat(a).isEqualTo(values);
		}
	}

	@Test
	void findsUpToNineRanksByBucketsSharingBucketsAndTheMinimum() {
		// Any count of ascending ranks, repeated ones and ones in the same bucket included, on the same
		// shapes of data: each must give exactly the sorted array's value, and a reused instance too.
		SplittableRandom random = new SplittableRandom(9);
		Select select = new Select();
		double[] out = new double[Quantiles.MAX];
		for (int round = 0; round < 3000; round++) {
			int n = 1 + random.nextInt((round % 2 == 0) ? 40 : 3000);
			double[] values = new double[n];
			int shape = round % 5;
			for (int i = 0; i < n; i++) {
				values[i] = switch (shape) {
					case 0 -> random.nextGaussian() * 100;
					case 1 -> (i == 0) ? 1e12 : random.nextGaussian();
					case 2 -> random.nextInt(3) - 0.5;
					case 3 -> (random.nextInt(4) == 0) ? -3 : random.nextDouble();
					default -> (i % 2 == 0) ? -1.7e308 : 1.7e308 * random.nextDouble();
				};
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int count = 1 + random.nextInt(Quantiles.MAX);
			int[] ranks = new int[count];
			for (int j = 0; j < count; j++) {
				ranks[j] = random.nextInt(n);
			}
			Arrays.sort(ranks);
			double[] a = values.clone();
			select.ranks(a, n, ranks, count, out, new double[n]);
			for (int j = 0; j < count; j++) {
				assertThat(out[j]).as("round %d rank %d", round, ranks[j]).isEqualTo(sorted[ranks[j]]);
			}
			assertThat(a).isEqualTo(values);
		}
	}

}
