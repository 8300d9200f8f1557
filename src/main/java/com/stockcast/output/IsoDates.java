package com.stockcast.output;

import java.util.Arrays;

/**
 * Writes an epoch day as {@code yyyy-MM-dd} with integer arithmetic (H. Hinnant's civil-from-days),
 * so that no {@code LocalDate} is made per row. Years 1..9999 only, which intake guarantees.
 */
final class IsoDates {

	static final int LENGTH = 10;

	private IsoDates() {
	}

	static void append(OutputBuffer out, int epochDay) {
		out.ensure(LENGTH);
		write(out.bytes(), out.length(), epochDay);
		out.advance(LENGTH);
	}

	/** Writes the {@link #LENGTH} bytes of {@code epochDay} into {@code into} at {@code at}. */
	static void write(byte[] into, int at, int epochDay) {
		long z = epochDay + 719468L;
		long era = Math.floorDiv(z, 146097);
		long dayOfEra = z - era * 146097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long shiftedMonth = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
		int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
		int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
		OutputBuffer.writePair(into, at, year / 100);
		OutputBuffer.writePair(into, at + 2, year % 100);
		into[at + 4] = '-';
		OutputBuffer.writePair(into, at + 5, month);
		into[at + 7] = '-';
		OutputBuffer.writePair(into, at + 8, day);
	}

	/**
	 * The dates one writer wrote lately, each between a fixed prefix and suffix (the syntax around a
	 * date column's value), by epoch day modulo the cache size: the products of a chunk mostly share
	 * their calendar, so a row's date is usually one copy. Not thread-safe.
	 */
	static final class Recent {

		private static final int SLOTS = 1024;

		private final int[] days = new int[SLOTS];

		private final byte[] prefix;

		private final byte[] suffix;

		private final int entry;

		private final byte[] texts;

		Recent(byte[] prefix, byte[] suffix) {
			this.prefix = prefix.clone();
			this.suffix = suffix.clone();
			this.entry = prefix.length + LENGTH + suffix.length;
			this.texts = new byte[SLOTS * this.entry];
			Arrays.fill(this.days, Integer.MIN_VALUE);
		}

		/** Appends the prefix, the date of {@code epochDay}, then the suffix. */
		void append(OutputBuffer out, int epochDay) {
			int slot = epochDay & (SLOTS - 1);
			int at = slot * this.entry;
			if (this.days[slot] != epochDay) {
				System.arraycopy(this.prefix, 0, this.texts, at, this.prefix.length);
				write(this.texts, at + this.prefix.length, epochDay);
				System.arraycopy(this.suffix, 0, this.texts, at + this.prefix.length + LENGTH, this.suffix.length);
				this.days[slot] = epochDay;
			}
			out.put(this.texts, at, this.entry);
		}

	}

}
