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

}
