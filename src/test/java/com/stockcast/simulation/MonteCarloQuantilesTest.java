package com.stockcast.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MonteCarloQuantilesTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void choosingTenFiftyNinetyGivesTheDefaultPercentilesToTheBit() {
		// The same ranks through the same selection: only the names and the ending at each differ.
		SplittableRandom random = new SplittableRandom(17);
		Products products = RandomProducts.of(random, 300, true);
		Quantiles chosen = Quantiles.parse("0.1,0.5,0.9");
		MonteCarlo byDefault = new MonteCarlo();
		MonteCarlo asked = new MonteCarlo();
		for (int i = 0; i < products.size(); i++) {
			SalesPolicy policy = SalesPolicy.values()[i % 2];
			Demand demand = (i % 3 == 0) ? Demand.POISSON : Demand.NORMAL;
			int trials = 1 + (i * 37) % 400;
			byDefault.simulate(products, i, i, new Scenario(policy, demand, trials, 5), true, false);
			asked.simulate(products, i, i, new Scenario(policy, demand, trials, 5, chosen), true, false);
			assertThat(asked.periods()).isEqualTo(byDefault.periods());
			for (int j = 0; j < 3; j++) {
				for (int k = 0; k < byDefault.periods(); k++) {
					assertThat(asked.levelQuantile(k, j)).as("product %d period %d quantile %d", i, k, j)
						.isEqualTo(byDefault.levelQuantile(k, j));
				}
				assertThat(asked.stockoutDayQuantile(j)).isEqualTo(byDefault.stockoutDayQuantile(j));
				// The last period ends on the last day: its quantiles are the ending ones.
				assertThat(asked.endingQuantile(j)).isEqualTo(byDefault.levelQuantile(byDefault.periods() - 1, j));
			}
			assertThat(asked.endingQuantile(1)).isEqualTo(byDefault.endingQuantile(1));
		}
	}

	@ParameterizedTest
	@CsvSource({ "501, 0.025;0.05;0.3333;0.5;0.9;0.975;0.9999", "1000, 0.0001;0.025;0.1;0.5;0.75;0.999",
			"7, 0.01;0.5;0.99", "1, 0.5", "40, 0.1;0.2;0.3;0.4;0.5;0.6;0.7;0.8;0.9" })
	void everyQuantileIsTheCeilingOfQTimesTthSmallestTrial(int trials, String levels) {
		// An independent brute force: each trial replayed from its stream (the contract's "Trials and seed"),
		// its values sorted, and the ceil(q * T)-th smallest taken in exact decimal arithmetic.
		String text = levels.replace(';', ',');
		Quantiles quantiles = Quantiles.parse(text);
		Products products = Products.builder().add("A", JAN_1_2024, 20, 4, 1, 10, 4).salesStd(3).build();
		long seed = 99;
		int position = 6;
		MonteCarlo mc = new MonteCarlo();
		mc.simulate(products, 0, position, new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, trials, seed, quantiles),
				true, false);

		double[][] periodEnd = new double[3][trials];
		int[] stockout = new int[trials];
		RandomStream stream = new RandomStream();
		for (int t = 0; t < trials; t++) {
			stream.reset(seed, position, t);
			double level = 20;
			stockout[t] = Integer.MAX_VALUE;
			for (int d = 0; d < 10; d++) {
				double demand = Math.max(0, 4 + 3 * stream.nextGaussian());
				level -= demand;
				level += 1;
				if (level <= 0 && stockout[t] == Integer.MAX_VALUE) {
					stockout[t] = d;
				}
				if (d % 4 == 3 || d == 9) {
					periodEnd[d / 4][t] = level;
				}
			}
		}
		Arrays.sort(stockout);
		String[] asked = text.split(",");
		assertThat(mc.quantiles().count()).isEqualTo(asked.length);
		for (int j = 0; j < asked.length; j++) {
			int index = new BigDecimal(asked[j]).multiply(BigDecimal.valueOf(trials)).setScale(0, RoundingMode.CEILING)
				.intValueExact() - 1;
			for (int k = 0; k < 3; k++) {
				double[] sorted = periodEnd[k].clone();
				Arrays.sort(sorted);
				assertThat(mc.levelQuantile(k, j)).as("q %s period %d", asked[j], k).isEqualTo(sorted[index]);
				if (k == 2) {
					assertThat(mc.endingQuantile(j)).as("q %s ending", asked[j]).isEqualTo(sorted[index]);
				}
			}
			int day = stockout[index];
			assertThat(mc.stockoutDayQuantile(j)).as("q %s stockout", asked[j])
				.isEqualTo((day == Integer.MAX_VALUE) ? MonteCarlo.NO_STOCKOUT : day);
		}
	}

}
