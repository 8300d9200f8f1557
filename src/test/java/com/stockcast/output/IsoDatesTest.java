package com.stockcast.output;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoDatesTest {

	@Test
	void writesEveryDayOfYearsOneToNineThousandNineHundredNinetyNineAsLocalDateDoes() {
		long first = LocalDate.of(1, 1, 1).toEpochDay();
		long last = LocalDate.of(9999, 12, 31).toEpochDay();
		OutputBuffer out = new OutputBuffer(16);
		for (long day = first; day <= last; day++) {
			out.clear();
			IsoDates.append(out, (int) day);
			String expected = LocalDate.ofEpochDay(day).toString();
			if (!out.toString().equals(expected)) {
				assertThat(out.toString()).as("epoch day %d", day).isEqualTo(expected);
			}
		}
	}

	@Test
	void recentDatesGiveTheRightDateWhenDaysShareACacheSlot() {
		IsoDates.Recent recent = new IsoDates.Recent(new byte[0], new byte[] { ';' });
		OutputBuffer out = new OutputBuffer(16);
		int[] days = { 19358, 19358 + 1024, 19358, -719162, 19358 + 1024, 2932896, 19358 + 2048, 19358 };
		StringBuilder expected = new StringBuilder();
		for (int day : days) {
			recent.append(out, day);
			expected.append(LocalDate.ofEpochDay(day)).append(';');
		}
		assertThat(out.toString()).isEqualTo(expected.toString());
	}

	@Test
	void unsignedNumbersOfEveryLengthKeepTheirDigits() {
		OutputBuffer out = new OutputBuffer(4);
		StringBuilder expected = new StringBuilder();
		for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
			for (long value : new long[] { power - 1, power, power + 7, 3 * power }) {
				out.putUnsigned(value);
				out.put((byte) ' ');
				expected.append(value).append(' ');
			}
		}
		out.putUnsigned(Long.MAX_VALUE);
		expected.append(Long.MAX_VALUE);
		assertThat(out.toString()).isEqualTo(expected.toString());
	}

}
