package com.stockcast.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as docs/forecast-contract.md#rounding says: rounded to two decimals half-to-even on the exact
 * binary value (Python's {@code round(x, 2)}), then the shortest plain decimal that reads back as the
 * rounded value; never an exponent, never {@code -0}.
 *
 * <p>The fast path scales by 100 in doubles and keeps the result only where the scaling error cannot
 * move it across a rounding boundary; the rest (ties, near-ties and huge values) takes the exact
 * {@link BigDecimal} path. Below 10^13 the rounded value has at most 15 significant digits, so its
 * shortest decimal is exactly N/100 written out.
 */
final class Decimals {

	private static final double FAST_LIMIT = 1e13;

	private Decimals() {
	}

	static void append(OutputBuffer out, double x) {
		if (Math.abs(x) < FAST_LIMIT) {
			double scaled = x * 100.0;
			double nearest = Math.rint(scaled);
			if (0.5 - Math.abs(scaled - nearest) > Math.ulp(scaled)) {
				appendHundredths(out, (long) nearest);
				return;
			}
		}
		out.putAscii(exact(x));
	}

	/** The exact rendering, for values the fast path declines; also the test oracle. */
	static String exact(double x) {
		return exact(x, 2);
	}

	/**
	 * {@code x} rounded half-to-even on its exact binary value to {@code scale} decimals, in the
	 * shortest plain form that reads back as the rounded value.
	 */
	private static String exact(double x, int scale) {
		if (Double.isNaN(x) || Double.isInfinite(x)) {
			throw new IllegalArgumentException("not a finite number: " + x);
		}
		BigDecimal rounded = new BigDecimal(x).setScale(scale, RoundingMode.HALF_EVEN);
		if (rounded.signum() == 0) {
			return "0";
		}
		if (rounded.unscaledValue().abs().compareTo(BigDecimal.TEN.pow(15).toBigInteger()) < 0) {
			return rounded.stripTrailingZeros().toPlainString();
		}
		double value = rounded.doubleValue();
		BigDecimal exactValue = new BigDecimal(value);
		for (int precision = 1; precision < 17; precision++) {
			BigDecimal candidate = exactValue.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			if (candidate.doubleValue() == value) {
				return candidate.stripTrailingZeros().toPlainString();
			}
		}
		return exactValue.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
	}

	/** Ten-thousandths below this are below 10^15, so their shortest decimal is N/10^4 written out. */
	private static final double FAST_LIMIT_4 = 1e11;

	/**
	 * Writes {@code x} as {@link #append(OutputBuffer, double)} does but rounded to four decimals, for
	 * values such as a standard deviation or a slope where two decimals would drop the signal.
	 */
	static void append4(OutputBuffer out, double x) {
		if (Math.abs(x) < FAST_LIMIT_4) {
			double scaled = x * 10_000.0;
			double nearest = Math.rint(scaled);
			if (0.5 - Math.abs(scaled - nearest) > Math.ulp(scaled)) {
				appendTenThousandths(out, (long) nearest);
				return;
			}
		}
		out.putAscii(exact4(x));
	}

	/** The exact four-decimal rendering, for values {@link #append4} declines; also the test oracle. */
	static String exact4(double x) {
		return exact(x, 4);
	}

	private static void appendTenThousandths(OutputBuffer out, long units) {
		if (units == 0) {
			out.put((byte) '0');
			return;
		}
		if (units < 0) {
			out.put((byte) '-');
			units = -units;
		}
		out.putUnsigned(units / 10_000);
		int fraction = (int) (units % 10_000);
		if (fraction != 0) {
			int digits = 4;
			while (fraction % 10 == 0) {
				fraction /= 10;
				digits--;
			}
			out.put((byte) '.');
			out.putDigits(fraction, digits);
		}
	}

	/**
	 * Writes {@code hundredths / 100} with its fraction's trailing zeros dropped, straight into the
	 * buffer from the right in pairs of digits, in ints below 10^9 hundredths: an order's amounts are
	 * the bulk of view=orders, which wrote them digit count first, then whole part and fraction apart
	 * (docs/performance.md#planned-orders).
	 */
	private static void appendHundredths(OutputBuffer out, long hundredths) {
		out.ensure(MAX_HUNDREDTHS_LENGTH);
		byte[] bytes = out.bytes();
		int at = out.length();
		if (hundredths < 0) {
			bytes[at++] = '-';
			hundredths = -hundredths;
		}
		int fraction = (int) (hundredths % 100);
		long whole = hundredths / 100;
		int end = at + OutputBuffer.digits(whole);
		if (whole < 1_000_000_000) {
			OutputBuffer.writeBackwards(bytes, end, (int) whole);
		}
		else {
			OutputBuffer.writeBackwards(bytes, end, whole);
		}
		if (fraction != 0) {
			bytes[end++] = '.';
			if (fraction % 10 == 0) {
				bytes[end++] = (byte) ('0' + fraction / 10);
			}
			else {
				OutputBuffer.writePair(bytes, end, fraction);
				end += 2;
			}
		}
		out.advance(end - out.length());
	}

	/** A sign, up to 13 digits of the whole part below {@link #FAST_LIMIT}, a point and two digits, with room to spare. */
	private static final int MAX_HUNDREDTHS_LENGTH = 24;

}
