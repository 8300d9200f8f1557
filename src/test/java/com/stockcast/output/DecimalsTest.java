package com.stockcast.output;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

	@ParameterizedTest
	@CsvSource({ "48.0, 48", "12.5, 12.5", "0.07, 0.07", "-3.1, -3.1", "-0.0, 0", "-0.001, 0", "0.004999, 0",
			"0.125, 0.12", "0.375, 0.38", "2.675, 2.67", "1.005, 1", "-2.5e-3, 0", "1e15, 1000000000000000",
			"123456789.125, 123456789.12", "0.1, 0.1", "100.10000000000001, 100.1" })
	void writesPythonsRoundedValueInShortestForm(double value, String expected) {
		assertThat(written(value)).isEqualTo(expected);
	}

	@Test
	void neverWritesAnExponent() {
		assertThat(written(1e22)).isEqualTo("10000000000000000000000");
		assertThat(written(-1.5e17)).isEqualTo("-150000000000000000");
		assertThat(written(1e-7)).isEqualTo("0");
	}

	@Test
	void fastPathAgreesWithTheExactPathOnRandomValues() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 2_000_000; i++) {
			double value = switch (i % 4) {
				case 0 -> (random.nextDouble() - 0.5) * 2000;
				case 1 -> random.nextLong(-10_000_000, 10_000_000) / 1000.0;
				case 2 -> random.nextLong(-1_000_000, 1_000_000) / 8.0;
				default -> Double.longBitsToDouble(random.nextLong()) % 1e14;
			};
			if (Double.isFinite(value)) {
				assertThat(written(value)).as("%s", value).isEqualTo(Decimals.exact(value));
			}
		}
	}

	@Test
	void exactPathRoundsHalfToEvenOnTheBinaryValue() {
		// 0.125 and 0.375 are exact binary ties; 2.675 is just below 2.675 in binary.
		assertThat(Decimals.exact(0.125)).isEqualTo("0.12");
		assertThat(Decimals.exact(0.375)).isEqualTo("0.38");
		assertThat(Decimals.exact(2.675)).isEqualTo("2.67");
	}

	private static String written(double value) {
		OutputBuffer out = new OutputBuffer(8);
		Decimals.append(out, value);
		return out.toString();
	}

}
