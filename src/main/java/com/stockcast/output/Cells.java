package com.stockcast.output;

/**
 * The cell writers of this package for encoders of other tables (sales statistics): numbers rounded
 * as {@link Decimals} does, dates as {@link IsoDates} does, and text escaped for CSV or JSON as the
 * forecast answer escapes product ids.
 */
public final class Cells {

	private Cells() {
	}

	/** Appends {@code x} rounded to two decimals half-to-even, in its shortest plain form. */
	public static void decimal(OutputBuffer out, double x) {
		Decimals.append(out, x);
	}

	/** Appends {@code x} rounded to four decimals half-to-even, in its shortest plain form. */
	public static void decimal4(OutputBuffer out, double x) {
		Decimals.append4(out, x);
	}

	/** Appends a whole number. */
	public static void whole(OutputBuffer out, long value) {
		if (value < 0) {
			out.put((byte) '-');
			value = -value;
		}
		out.putUnsigned(value);
	}

	/** Appends an epoch day as {@code yyyy-MM-dd}. */
	public static void isoDate(OutputBuffer out, int epochDay) {
		IsoDates.append(out, epochDay);
	}

	/** Appends bytes as they are (syntax prepared once, such as {@link #ascii} gives). */
	public static void raw(OutputBuffer out, byte[] bytes) {
		out.put(bytes);
	}

	/** The bytes of a CSV field holding {@code text}: quoted only where it must be. */
	public static byte[] csvField(String text) {
		return ForecastEncoder.csvField(text);
	}

	/** The bytes of a JSON string holding {@code text}, quotes included. */
	public static byte[] jsonString(String text) {
		return ForecastEncoder.jsonString(text);
	}

	public static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
