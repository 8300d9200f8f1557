package com.stockcast.output;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class Decimals4Test {

	@ParameterizedTest
	@CsvSource({ "1.5811388300841898, 1.5811", "1, 1", "-0.00004, 0", "-0.00006, -0.0001", "0.12345, 0.1235",
			"0.00125, 0.0013", "0.03125, 0.0312", "0.09375, 0.0938", "2.5, 2.5", "0.0300, 0.03", "123456.78901, 123456.789", "1e15, 1000000000000000",
			"-3.14159, -3.1416" })
	void writesTheFourDecimalRoundedValueInShortestForm(double value, String expected) {
		assertThat(written(value)).isEqualTo(expected);
	}

	@Test
	void fastPathAgreesWithTheExactPathOnRandomValues() {
		SplittableRandom random = new SplittableRandom(4);
		for (int i = 0; i < 1_000_000; i++) {
			double value = switch (i % 3) {
				case 0 -> (random.nextDouble() - 0.5) * 2000;
				case 1 -> random.nextLong(-100_000_000, 100_000_000) / 100_000.0;
				default -> Double.longBitsToDouble(random.nextLong()) % 1e12;
			};
			if (Double.isFinite(value)) {
				assertThat(written(value)).as("%s", value).isEqualTo(Decimals.exact4(value));
			}
		}
	}

	private static String written(double value) {
		OutputBuffer out = new OutputBuffer(8);
		Decimals.append4(out, value);
		return out.toString();
	}

}
