package com.stockcast.intake;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

	@Test
	void plainDecimalsEqualWhatParseDoubleReadsOnAMillionRandomTexts() {
		SplittableRandom random = new SplittableRandom(7);
		int answered = 0;
		for (int n = 0; n < 1_000_000; n++) {
			int digits = 1 + random.nextInt(20);
			StringBuilder text = new StringBuilder();
			for (int d = 0; d < digits; d++) {
				text.append((char) ('0' + random.nextInt(10)));
			}
			if (random.nextBoolean()) {
				text.insert(random.nextInt(digits + 1), '.');
			}
			String s = text.toString();
			double fast = Numbers.plainDecimal(s.toCharArray(), 0, s.length());
			if (!Double.isNaN(fast)) {
				answered++;
				if (Double.doubleToRawLongBits(fast) != Double.doubleToRawLongBits(Double.parseDouble(s))) {
					assertThat(fast).as(s).isEqualTo(Double.parseDouble(s));
				}
			}
		}
		assertThat(answered).as("texts the fast path answered").isGreaterThan(700_000);
	}

	@Test
	void plainDecimalsNearTheLimitsOfTheFastPathAreExact() {
		for (String s : new String[] { "9007199254740992", "9007199254740993", "900719925474099.3", "0.1", "0.3",
				"1.7976931348623157", "0.0000000000000000000001", "0.00000000000000000000001", "5.", ".5", "0" }) {
			double fast = Numbers.plainDecimal(s.toCharArray(), 0, s.length());
			if (!Double.isNaN(fast)) {
				assertThat(fast).as(s).isEqualTo(Double.parseDouble(s));
			}
		}
		assertThat(Numbers.plainDecimal("12.5x".toCharArray(), 1, 3)).isEqualTo(2.5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "-1", "+1", " 1", "1 ", "1e3", "1..2", "1.2.3", "NaN", "Infinity", "0x10",
			"1,5", "9007199254740993", "1234567890123456789" })
	void otherTextIsLeftToTheCheckedPath(String s) {
		assertThat(Numbers.plainDecimal(s.toCharArray(), 0, s.length())).isNaN();
	}

	@Test
	void plainWholeNumbersAreReadAndEverythingElseIsLeft() {
		assertThat(Numbers.plainWhole("365".toCharArray(), 0, 3)).isEqualTo(365);
		assertThat(Numbers.plainWhole("999999999".toCharArray(), 0, 9)).isEqualTo(999_999_999);
		for (String s : new String[] { "", "0", "030", "-5", "+5", "1000000000", "3.0", "1e2", " 7" }) {
			assertThat(Numbers.plainWhole(s.toCharArray(), 0, s.length())).as(s).isEqualTo(-1);
		}
	}

}
