package com.stockcast.intake;

/** Strict number syntax: what a spreadsheet or a JSON writer produces, nothing Java-specific. */
final class Numbers {

	static final long NOT_WHOLE = Long.MIN_VALUE;

	private Numbers() {
	}

	/**
	 * Whether {@code s} is a plain decimal: optional sign, digits with an optional point, optional
	 * exponent. Refuses what {@link Double#parseDouble} alone would take ({@code 1d}, {@code 0x1p3},
	 * {@code NaN}, {@code Infinity}).
	 */
	static boolean isDecimal(String s) {
		int n = s.length();
		int i = 0;
		if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			i++;
		}
		int digits = 0;
		while (i < n && isDigit(s.charAt(i))) {
			i++;
			digits++;
		}
		if (i < n && s.charAt(i) == '.') {
			i++;
			while (i < n && isDigit(s.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
			i++;
			if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				i++;
			}
			int exponentDigits = 0;
			while (i < n && isDigit(s.charAt(i))) {
				i++;
				exponentDigits++;
			}
			if (exponentDigits == 0) {
				return false;
			}
		}
		return i == n;
	}

	/**
	 * Parses an optionally signed integer; {@link #NOT_WHOLE} for anything else. Values past the
	 * {@code int} range come back as {@code Long.MAX_VALUE} (or {@code MIN_VALUE + 1}), which every
	 * range check refuses.
	 */
	static long parseWhole(String s) {
		int n = s.length();
		int i = 0;
		boolean negative = false;
		if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			negative = s.charAt(i) == '-';
			i++;
		}
		if (i == n) {
			return NOT_WHOLE;
		}
		long value = 0;
		for (; i < n; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return NOT_WHOLE;
			}
			if (value < Integer.MAX_VALUE) {
				value = value * 10 + (c - '0');
			}
		}
		value = Math.min(value, Long.MAX_VALUE / 2);
		return negative ? -value : value;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
