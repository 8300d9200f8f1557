package com.stockcast.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The random number generators against their laws. The seeds are fixed, so each test is
 * deterministic; the tolerances are what a correct sampler would pass with overwhelming
 * probability (stated per test), and a biased one (a wrong table, a missing tail, a lost layer) fails.
 */
class SamplersTest {

	@Test
	void uniformsAreTheTop53BitsOfSplitMix64() {
		// With position 0 the stream is still SplitMix64: consecutive outputs are mix64 of a state
		// advanced by an odd gamma; check the double is the long's top 53 bits.
		RandomStream a = new RandomStream();
		RandomStream b = new RandomStream();
		a.reset(1, 0, 0);
		b.reset(1, 0, 0);
		for (int i = 0; i < 1000; i++) {
			long bits = a.nextLong();
			assertThat(b.nextDouble()).isEqualTo((bits >>> 11) * 0x1.0p-53);
		}
	}

	@Test
	void normalDeviatesHaveMeanZeroAndVarianceOne() {
		// n = 2,000,000: the mean's standard error is 1/sqrt(n) = 7.1e-4 and the variance's
		// sqrt(2/n) = 1.0e-3; allow 5 of each. The tail beyond the ziggurat's base (|z| > 3.4426,
		// probability 5.76e-4, so 1152 expected, sd 34) must be hit as often as the law says: within 5 sd.
		int n = 2_000_000;
		RandomStream random = new RandomStream();
		random.reset(3, 1, 0);
		double sum = 0;
		double squares = 0;
		int tail = 0;
		int farTail = 0;
		for (int i = 0; i < n; i++) {
			double z = random.nextGaussian();
			sum += z;
			squares += z * z;
			if (Math.abs(z) > RandomStream.Ziggurat.R) {
				tail++;
			}
			if (Math.abs(z) > 4) {
				farTail++;
			}
		}
		double mean = sum / n;
		double variance = squares / n - mean * mean;
		assertThat(mean).isCloseTo(0, offset(5 / Math.sqrt(n)));
		assertThat(variance).isCloseTo(1, offset(5 * Math.sqrt(2.0 / n)));
		double tailProbability = 2 * (1 - phi(RandomStream.Ziggurat.R));
		assertThat((double) tail).isCloseTo(n * tailProbability, offset(5 * Math.sqrt(n * tailProbability)));
		// And the tail's own shape: beyond 4 (probability 6.33e-5, 127 expected, sd 11), within 5 sd.
		double farProbability = 2 * (1 - phi(4));
		assertThat((double) farTail).isCloseTo(n * farProbability, offset(5 * Math.sqrt(n * farProbability)));
	}

	@Test
	void normalDeviatesPassKolmogorovSmirnov() {
		// n = 200,000 sorted draws against the normal cdf; the 0.1% critical value of D_n is
		// 1.95 / sqrt(n) = 0.0044. (phi below is accurate to 1e-7, far below that.)
		int n = 200_000;
		RandomStream random = new RandomStream();
		random.reset(4, 2, 0);
		double[] z = new double[n];
		for (int i = 0; i < n; i++) {
			z[i] = random.nextGaussian();
		}
		java.util.Arrays.sort(z);
		double d = 0;
		for (int i = 0; i < n; i++) {
			double f = phi(z[i]);
			d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
		}
		assertThat(d).isLessThan(1.95 / Math.sqrt(n));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.05, 0.5, 5, 37.5, 200, 499, 501, 5000, 1e6 })
	void poissonDeviatesHaveTheirMeanAndVariance(double rate) {
		// n = 400,000: the mean's standard error is sqrt(rate / n), the sample variance's
		// sqrt((2 rate^2 + rate) / n) (the fourth central moment of a Poisson is rate + 3 rate^2);
		// allow 5 of each. Rates on both sides of the table limit (500) and far beyond.
		int n = 400_000;
		PoissonSampler poisson = new PoissonSampler();
		poisson.prepare(rate);
		RandomStream random = new RandomStream();
		random.reset(5, (long) rate, 0);
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < n; i++) {
			double k = poisson.sample(random) - rate;
			assertThat(k + rate).isEqualTo(Math.rint(k + rate)).isNotNegative();
			sum += k;
			squares += k * k;
		}
		double mean = sum / n;
		double variance = squares / n - mean * mean;
		assertThat(mean).isCloseTo(0, offset(5 * Math.sqrt(rate / n)));
		assertThat(variance).isCloseTo(rate, offset(5 * Math.sqrt((2 * rate * rate + rate) / n)));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.3, 5, 200, 800, 5000 })
	void poissonDeviatesPassAChiSquareTestAgainstThePmf(double rate) {
		// n = 400,000 draws (4,000,000 for the rates PTRS draws, to see its finer errors) binned by value; cells with under 20 expected draws are merged into
		// their neighbours towards the mode. The statistic must stay below the chi-square 0.1% point for its
		// degrees of freedom (Wilson-Hilferty: df (1 - 2/(9 df) + 3.09 sqrt(2/(9 df)))^3). The
		// pmf is computed here independently, in logs, with ln k! as a plain sum of logs.
		int n = (rate > PoissonSampler.TABLE_LIMIT) ? 4_000_000 : 400_000;
		PoissonSampler poisson = new PoissonSampler();
		poisson.prepare(rate);
		RandomStream random = new RandomStream();
		random.reset(6, (long) rate, 0);
		int max = (int) (rate + 20 * Math.sqrt(rate) + 30);
		long[] counts = new long[max + 1];
		for (int i = 0; i < n; i++) {
			counts[(int) Math.min(poisson.sample(random), max)]++;
		}
		double[] expected = new double[max + 1];
		double logFactorial = 0;
		double total = 0;
		for (int k = 0; k <= max; k++) {
			if (k > 0) {
				logFactorial += Math.log(k);
			}
			expected[k] = n * Math.exp(k * Math.log(rate) - rate - logFactorial);
			total += expected[k];
		}
		expected[max] += n - total;
		int mode = (int) rate;
		double chi = 0;
		int cells = 0;
		double e = 0;
		long o = 0;
		for (int k = 0; k < mode; k++) {
			e += expected[k];
			o += counts[k];
			if (e >= 20) {
				chi += (o - e) * (o - e) / e;
				cells++;
				e = 0;
				o = 0;
			}
		}
		double carriedE = e;
		long carriedO = o;
		e = 0;
		o = 0;
		for (int k = max; k >= mode; k--) {
			e += expected[k];
			o += counts[k];
			if (e >= 20 && k > mode) {
				chi += (o - e) * (o - e) / e;
				cells++;
				e = 0;
				o = 0;
			}
		}
		e += carriedE;
		o += carriedO;
		chi += (o - e) * (o - e) / e;
		cells++;
		int df = cells - 1;
		double h = 2.0 / (9 * df);
		double critical = df * Math.pow(1 - h + 3.09 * Math.sqrt(h), 3);
		assertThat(df).isGreaterThan((rate < 1) ? 2 : 10);
		assertThat(chi).as("chi-square with %d df", df).isLessThan(critical);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.05, 0.5, 5, 9.99, 10, 37.5, 5000 })
	void freshRatePoissonDeviatesHaveTheirMeanAndVariance(double rate) {
		// As poissonDeviatesHaveTheirMeanAndVariance, drawn by sampleFresh (inversion below 10, PTRS from 10),
		// with the sampler prepared for another rate in between, which must not leak into the draws.
		int n = 400_000;
		PoissonSampler poisson = new PoissonSampler();
		poisson.prepare(3);
		RandomStream random = new RandomStream();
		random.reset(15, (long) rate, 0);
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < n; i++) {
			double k = poisson.sampleFresh(rate, random) - rate;
			assertThat(k + rate).isEqualTo(Math.rint(k + rate)).isNotNegative();
			sum += k;
			squares += k * k;
		}
		double mean = sum / n;
		double variance = squares / n - mean * mean;
		assertThat(mean).isCloseTo(0, offset(5 * Math.sqrt(rate / n)));
		assertThat(variance).isCloseTo(rate, offset(5 * Math.sqrt((2 * rate * rate + rate) / n)));
		assertThat(poisson.sampleFresh(0, random)).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "4, 3", "0.5, 2", "50, 20", "200, 15", "3, 1.7321" })
	void negativeBinomialDeviatesHaveTheirMeanVarianceAndZeroProbability(double mean, double std) {
		// n = 1,000,000 whole draws. With p = mean / std^2 and shape r = mean^2 / (std^2 - mean) the law is
		// NB(r, p): P(0) = p^r, excess kurtosis g = 6/r + p^2 / (r (1 - p)). Standard errors: the mean's
		// std / sqrt(n), the sample variance's std^2 sqrt((2 + g) / n), P(0)'s sqrt(P0 (1 - P0) / n);
		// allow 5 of each, so a correct sampler fails about once in 10^6 runs and the seed is fixed anyway.
		// Shapes 3.2, 0.071 (Ahrens-Dieter's branch), 7.1, 1143 (nearly Poisson) and 5e4 (std^2 just above the mean).
		int n = 1_000_000;
		RandomStream random = new RandomStream();
		random.reset(16, (long) (mean * 100), 0);
		NegativeBinomialSampler sampler = new NegativeBinomialSampler(random);
		assertThat(NegativeBinomialSampler.proper(mean, std)).isTrue();
		sampler.prepare(mean, std);
		double sum = 0;
		double squares = 0;
		long zeros = 0;
		for (int i = 0; i < n; i++) {
			double x = sampler.sample(1);
			assertThat(x).isEqualTo(Math.rint(x)).isNotNegative();
			double k = x - mean;
			sum += k;
			squares += k * k;
			if (x == 0) {
				zeros++;
			}
		}
		double variance = std * std;
		double p = mean / variance;
		double r = mean * mean / (variance - mean);
		double g = 6 / r + p * p / (r * (1 - p));
		double p0 = Math.pow(p, r);
		double sampleMean = sum / n;
		assertThat(sampleMean).isCloseTo(0, offset(5 * std / Math.sqrt(n)));
		assertThat(squares / n - sampleMean * sampleMean).isCloseTo(variance, offset(5 * variance * Math.sqrt((2 + g) / n)));
		assertThat((double) zeros / n).isCloseTo(p0, offset(5 * Math.sqrt(p0 * (1 - p0) / n) + 1e-9));
	}

	@Test
	void negativeBinomialDrawsAreTheStreamsOwn() {
		// The library's gamma reads nothing but the stream it was handed: the same state, the same draws.
		RandomStream a = new RandomStream();
		RandomStream b = new RandomStream();
		NegativeBinomialSampler first = new NegativeBinomialSampler(a);
		NegativeBinomialSampler second = new NegativeBinomialSampler(b);
		first.prepare(4, 3);
		second.prepare(4, 3);
		a.reset(17, 3, 9);
		b.reset(17, 3, 9);
		for (int i = 0; i < 10_000; i++) {
			assertThat(first.sample(1)).isEqualTo(second.sample(1));
		}
		assertThat(a.state()).isEqualTo(b.state());
		assertThat(NegativeBinomialSampler.proper(4, 2)).isFalse();
		assertThat(NegativeBinomialSampler.proper(0, 2)).isFalse();
	}

	@Test
	void logGammaMatchesLogFactorials() {
		double logFactorial = 0;
		for (int k = 1; k <= 3000; k++) {
			logFactorial += Math.log(k);
			assertThat(PoissonSampler.logGamma(k + 1)).as("ln %d!", k).isCloseTo(logFactorial,
					offset(1e-12 * Math.max(1, logFactorial)));
		}
	}

	/** The standard normal cdf, via erfc by W. J. Cody's rational approximations as in Numerical Recipes' erfcc (error < 1.2e-7). */
	static double phi(double x) {
		double z = Math.abs(x) / Math.sqrt(2);
		double t = 1 / (1 + 0.5 * z);
		double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
				+ t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
						+ t * (-0.82215223 + t * 0.17087277)))))))));
		return (x >= 0) ? 1 - erfc / 2 : erfc / 2;
	}

}
