package com.stockcast.output;

/**
 * Writes an epoch day as {@code yyyy-MM-dd} with integer arithmetic (H. Hinnant's civil-from-days),
 * so that no {@code LocalDate} is made per row. Years 1..9999 only, which intake guarantees.
 */
final class IsoDates {

	private IsoDates() {
	}

	static void append(OutputBuffer out, int epochDay) {
		long z = epochDay + 719468L;
		long era = Math.floorDiv(z, 146097);
		long dayOfEra = z - era * 146097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long shiftedMonth = (5 * dayOfYear + 2) / 153;
		long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
		long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
		long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
		out.putDigits(year, 4);
		out.put((byte) '-');
		out.putDigits(month, 2);
		out.put((byte) '-');
		out.putDigits(day, 2);
	}

}
