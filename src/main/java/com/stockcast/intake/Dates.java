package com.stockcast.intake;

/**
 * Parses the start dates SPEC.md allows, ISO {@code 2023-01-31} and US {@code 1/31/23} or
 * {@code 1/31/2023} (two-digit years are 20xx), into epoch days without an object per row.
 */
final class Dates {

	static final long MALFORMED = Long.MIN_VALUE;

	static final long IMPOSSIBLE = Long.MIN_VALUE + 1;

	private Dates() {
	}

	static long parse(String s) {
		int year;
		int month;
		int day;
		if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
			year = digits(s, 0, 4);
			month = digits(s, 5, 7);
			day = digits(s, 8, 10);
		}
		else {
			int slash1 = s.indexOf('/');
			int slash2 = (slash1 < 0) ? -1 : s.indexOf('/', slash1 + 1);
			if (slash2 < 0 || s.indexOf('/', slash2 + 1) >= 0) {
				return MALFORMED;
			}
			int monthLength = slash1;
			int dayLength = slash2 - slash1 - 1;
			int yearLength = s.length() - slash2 - 1;
			if (monthLength < 1 || monthLength > 2 || dayLength < 1 || dayLength > 2
					|| (yearLength != 2 && yearLength != 4)) {
				return MALFORMED;
			}
			month = digits(s, 0, slash1);
			day = digits(s, slash1 + 1, slash2);
			year = digits(s, slash2 + 1, s.length());
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

	private static int digits(String s, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
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
