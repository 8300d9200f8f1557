package com.stockcast.history;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.stockcast.intake.SalesHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Weekday profiles learnt from synthetic histories drawn here with fixed seeds: a known pattern is
 * recovered, a short history is shrunk toward the portfolio by the documented weight, and every profile
 * averages 1.
 */
class WeekdayProfilesTest {

	/** Monday x0.8, Saturday and Sunday x1.6, the other four days sharing the rest so the week averages 1. */
	private static final double[] PATTERN = { 0.8, 0.75, 0.75, 0.75, 0.75, 1.6, 1.6 };

	/** A Monday: 2024-01-01. */
	private static final int MONDAY = (int) LocalDate.of(2024, 1, 1).toEpochDay();

	@Test
	void recoversAKnownWeekdayPatternFromHalfAYear() {
		// 8 products of mean 50 a day, 26 weeks, Poisson noise. A product's weekday mean over 26 days has
		// a relative standard error of sqrt(1 / (26 x 50 x m)), at most 0.031; its multiplier (shrunk 26/30
		// toward a portfolio that itself sits within 0.011 of the truth) is allowed 0.13, over 4 of them.
		SalesHistory.Builder builder = SalesHistory.builder();
		SplittableRandom random = new SplittableRandom(26);
		for (int p = 0; p < 8; p++) {
			int sku = builder.sku("P" + p);
			for (int d = 0; d < 26 * 7; d++) {
				builder.add(sku, MONDAY + d, poisson(random, 50 * PATTERN[d % 7]));
			}
		}
		WeekdayProfiles profiles = WeekdayProfiles.of(builder.build((sku, day, first, repeat) -> {
		}));
		for (int p = 0; p < 8; p++) {
			double[] profile = profiles.of(p);
			assertAveragesOne(profile);
			for (int w = 0; w < 7; w++) {
				assertThat(profile[w]).as("product %d weekday %d", p, w).isCloseTo(PATTERN[w], offset(0.13));
			}
		}
		double[] portfolio = profiles.portfolio();
		assertAveragesOne(portfolio);
		for (int w = 0; w < 7; w++) {
			// The pooled 8 x 26 days: relative standard error at most 0.011; allowed 0.05.
			assertThat(portfolio[w]).isCloseTo(PATTERN[w], offset(0.05));
		}
	}

	@Test
	void shrinksAShortHistoryTowardThePortfolioByNOverNPlusK() {
		// The portfolio: one big seller with the weekend pattern for 26 weeks. The short product: 2 weeks,
		// flat but for a busy Wednesday. Its multiplier of weekday w must be the rule's
		// (2 raw_w + 4 portfolio_w) / 6, renormalised, which lies between its raw profile and the portfolio's.
		SalesHistory.Builder builder = SalesHistory.builder();
		SplittableRandom random = new SplittableRandom(2);
		int big = builder.sku("BIG");
		for (int d = 0; d < 26 * 7; d++) {
			builder.add(big, MONDAY + d, poisson(random, 200 * PATTERN[d % 7]));
		}
		int small = builder.sku("SMALL");
		double[] units = { 3, 4, 12, 3, 5, 4, 3 };
		for (int d = 0; d < 14; d++) {
			builder.add(small, MONDAY + d, units[d % 7] + (d / 7));
		}
		SalesHistory history = builder.build((sku, day, first, repeat) -> {
		});
		WeekdayProfiles profiles = WeekdayProfiles.of(history);
		double[] portfolio = profiles.portfolio();
		// Computed here from the definitions, independently of the class.
		double[] dayUnits = new double[7];
		double total = 0;
		for (int d = 0; d < 14; d++) {
			dayUnits[d % 7] += history.units(small, d);
			total += history.units(small, d);
		}
		double overall = total / 14;
		double[] expected = new double[7];
		double sum = 0;
		for (int w = 0; w < 7; w++) {
			double raw = (dayUnits[w] / 2) / overall;
			expected[w] = (2 * raw + WeekdayProfiles.PRIOR_WEEKS * portfolio[w]) / (2 + WeekdayProfiles.PRIOR_WEEKS);
			sum += expected[w];
		}
		double[] profile = profiles.of(small);
		assertAveragesOne(profile);
		for (int w = 0; w < 7; w++) {
			double raw = (dayUnits[w] / 2) / overall;
			assertThat(profile[w]).as("weekday %d", w).isCloseTo(expected[w] / (sum / 7), offset(1e-12));
			assertThat(profile[w]).isBetween(Math.min(raw, portfolio[w]) - 0.05, Math.max(raw, portfolio[w]) + 0.05);
		}
		// The busy Wednesday (raw 12.5 / (75 / 14) = 2.33) is pulled two thirds of the way toward the
		// portfolio's 0.75: (2 x 2.33 + 4 x 0.75) / 6 = 1.28 before renormalising.
		assertThat(profile[2]).isBetween(1.2, 1.4);
	}

	@Test
	void aProductThatNeverSoldTakesThePortfoliosProfileAndAnEmptyPortfolioIsFlat() {
		SalesHistory.Builder builder = SalesHistory.builder();
		int none = builder.sku("NONE");
		for (int d = 0; d < 10; d++) {
			builder.add(none, MONDAY + d, 0);
		}
		WeekdayProfiles profiles = WeekdayProfiles.of(builder.build((sku, day, first, repeat) -> {
		}));
		assertThat(profiles.portfolio()).containsExactly(1, 1, 1, 1, 1, 1, 1);
		assertThat(profiles.of(none)).containsExactly(1, 1, 1, 1, 1, 1, 1);
	}

	private static void assertAveragesOne(double[] profile) {
		double sum = 0;
		for (double m : profile) {
			sum += m;
		}
		assertThat(sum / 7).isCloseTo(1, offset(1e-12));
	}

	/** Knuth's product of uniforms, exact for the small means here (above 30 split into halves). */
	private static double poisson(SplittableRandom random, double mean) {
		if (mean > 30) {
			return poisson(random, mean / 2) + poisson(random, mean / 2);
		}
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= random.nextDouble();
			k++;
		}
		return k;
	}

}
