package com.stockcast.intake;

/**
 * Parses the start dates the contract allows (docs/forecast-contract.md#dates), ISO {@code 2023-01-31} and US {@code 1/31/23} or
 * {@code 1/31/2023} (two-digit years are 20xx), into epoch days without an object per row.
 */
final class Dates {

	static final long MALFORMED = Long.MIN_VALUE;

	static final long IMPOSSIBLE = Long.MIN_VALUE + 1;

	private Dates() {
	}

	static long parse(String s) {
		return parse(s.toCharArray(), 0, s.length());
	}

	/** Parses {@code length} characters of {@code text} from {@code offset}, as {@link #parse(String)}. */
	static long parse(char[] text, int offset, int length) {
		int year;
		int month;
		int day;
		if (length == 10 && text[offset + 4] == '-' && text[offset + 7] == '-') {
			year = digits(text, offset, offset + 4);
			month = digits(text, offset + 5, offset + 7);
			day = digits(text, offset + 8, offset + 10);
		}
		else {
			int end = offset + length;
			int slash1 = indexOfSlash(text, offset, end);
			int slash2 = (slash1 < 0) ? -1 : indexOfSlash(text, slash1 + 1, end);
			if (slash2 < 0 || indexOfSlash(text, slash2 + 1, end) >= 0) {
				return MALFORMED;
			}
			int monthLength = slash1 - offset;
			int dayLength = slash2 - slash1 - 1;
			int yearLength = end - slash2 - 1;
			if (monthLength < 1 || monthLength > 2 || dayLength < 1 || dayLength > 2
					|| (yearLength != 2 && yearLength != 4)) {
				return MALFORMED;
			}
			month = digits(text, offset, slash1);
			day = digits(text, slash1 + 1, slash2);
			year = digits(text, slash2 + 1, end);
			if (yearLength == 2 && year >= 0) {
				year += 2000;
			}
		}
		if (year < 0 || month < 0 || day < 0) {
			return MALFORMED;
		}
		if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
			return IMPOSSIBLE;
		}
		return epochDay(year, month, day);
	}

	private static int indexOfSlash(char[] text, int from, int end) {
		for (int i = from; i < end; i++) {
			if (text[i] == '/') {
				return i;
			}
		}
		return -1;
	}

	private static int digits(char[] text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text[i];
			if (!Numbers.isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** Days since 1970-01-01 (H. Hinnant's days-from-civil). */
	static long epochDay(int year, int month, int day) {
		long y = (month <= 2) ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146097 + dayOfEra - 719468;
	}

}
