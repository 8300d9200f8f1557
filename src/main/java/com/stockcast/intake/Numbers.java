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

	/** 10^0 to 10^22: every one exactly a double. */
	private static final double[] POWERS_OF_TEN = new double[23];

	static {
		double power = 1;
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = power;
			power *= 10;
		}
	}

	/**
	 * The value of a plain non-negative decimal such as {@code 12} or {@code 0.75} read straight from
	 * characters, or NaN for any other text, which then takes the checked path of
	 * {@link #isDecimal} and {@link Double#parseDouble}. Equal to {@code Double.parseDouble} wherever
	 * it answers: the digits make an integer below 2^53 and the divisor a power of ten up to 10^22,
	 * both exact doubles, so their quotient is the correctly rounded value (Clinger's fast path).
	 */
	static double plainDecimal(char[] text, int offset, int length) {
		int end = offset + length;
		long mantissa = 0;
		int digits = 0;
		int fractionDigits = -1;
		for (int i = offset; i < end; i++) {
			char c = text[i];
			if (isDigit(c)) {
				if (++digits > 18) {
					return Double.NaN;
				}
				mantissa = mantissa * 10 + (c - '0');
				if (fractionDigits >= 0) {
					fractionDigits++;
				}
			}
			else if (c == '.' && fractionDigits < 0) {
				fractionDigits = 0;
			}
			else {
				return Double.NaN;
			}
		}
		if (digits == 0 || mantissa > (1L << 53) || fractionDigits > 22) {
			return Double.NaN;
		}
		return (fractionDigits <= 0) ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
	}

	/**
	 * The value of a whole number from 1 to 999,999,999 written without sign or leading zeros, or -1
	 * for any other text, which then takes the checked path of {@link #parseWhole}.
	 */
	static int plainWhole(char[] text, int offset, int length) {
		if (length < 1 || length > 9 || text[offset] == '0') {
			return -1;
		}
		int value = 0;
		for (int i = offset; i < offset + length; i++) {
			char c = text[i];
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
