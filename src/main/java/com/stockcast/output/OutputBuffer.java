package com.stockcast.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that encoders append to; one per chunk, handed whole to the response stream. */
public final class OutputBuffer {

	private byte[] bytes;
	private int length;

	public OutputBuffer(int initialCapacity) {
		this.bytes = new byte[Math.max(16, initialCapacity)];
	}

	public int length() {
		return this.length;
	}

	public void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes, 0, this.length);
	}

	/** Empties the buffer, keeping its capacity. */
	public void clear() {
		this.length = 0;
	}

	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

	@Override
	public String toString() {
		return new String(this.bytes, 0, this.length, StandardCharsets.UTF_8);
	}

	void ensure(int extra) {
		if (this.length + extra > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + extra));
		}
	}

	void put(byte b) {
		ensure(1);
		this.bytes[this.length++] = b;
	}

	void put(byte[] b) {
		put(b, 0, b.length);
	}

	void put(byte[] b, int from, int count) {
		ensure(count);
		System.arraycopy(b, from, this.bytes, this.length, count);
		this.length += count;
	}

	/** The backing array, for writers that {@link #ensure} room, write in place and then {@link #advance}. */
	byte[] bytes() {
		return this.bytes;
	}

	void advance(int count) {
		this.length += count;
	}

	/** Writes the two digits of {@code 0 <= pair < 100} at {@code at}. */
	static void writePair(byte[] into, int at, int pair) {
		into[at] = DIGIT_PAIRS[2 * pair];
		into[at + 1] = DIGIT_PAIRS[2 * pair + 1];
	}

	void putAscii(String s) {
		int n = s.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			this.bytes[this.length++] = (byte) s.charAt(i);
		}
	}

	/** "00" to "99": two digits per division. */
	private static final byte[] DIGIT_PAIRS = new byte[200];

	static {
		for (int i = 0; i < 100; i++) {
			DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
			DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
		}
	}

	/** Appends {@code digits} decimal digits of a non-negative {@code value}, zero-padded on the left. */
	void putDigits(long value, int digits) {
		ensure(digits);
		byte[] bytes = this.bytes;
		int p = this.length + digits;
		this.length = p;
		int start = p - digits;
		while (p - start >= 2) {
			int pair = (int) (value % 100);
			value /= 100;
			bytes[--p] = DIGIT_PAIRS[2 * pair + 1];
			bytes[--p] = DIGIT_PAIRS[2 * pair];
		}
		if (p > start) {
			bytes[--p] = (byte) ('0' + value % 10);
		}
	}

	/** Appends a non-negative {@code value} without padding. */
	void putUnsigned(long value) {
		putDigits(value, digits(value));
	}

	/** The decimal digits of a non-negative {@code value}: 1 for 0. */
	static int digits(long value) {
		int digits = 1;
		for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
			digits++;
		}
		return digits;
	}

	/** Writes a non-negative {@code value}'s digits so that the last ends just before {@code end}. */
	static void writeBackwards(byte[] into, int end, int value) {
		int p = end;
		while (value >= 100) {
			int q = value / 100;
			int pair = value - q * 100;
			value = q;
			into[--p] = DIGIT_PAIRS[2 * pair + 1];
			into[--p] = DIGIT_PAIRS[2 * pair];
		}
		if (value >= 10) {
			into[--p] = DIGIT_PAIRS[2 * value + 1];
			into[--p] = DIGIT_PAIRS[2 * value];
		}
		else {
			into[--p] = (byte) ('0' + value);
		}
	}

	/** As {@link #writeBackwards(byte[], int, int)}, for a long. */
	static void writeBackwards(byte[] into, int end, long value) {
		int p = end;
		while (value >= Integer.MAX_VALUE) {
			long q = value / 100;
			int pair = (int) (value - q * 100);
			value = q;
			into[--p] = DIGIT_PAIRS[2 * pair + 1];
			into[--p] = DIGIT_PAIRS[2 * pair];
		}
		writeBackwards(into, p, (int) value);
	}

	/** Copies {@code count} bytes from {@code from} into {@code into}, so that a repeated value is formatted once. */
	void copyTo(int from, byte[] into, int count) {
		System.arraycopy(this.bytes, from, into, 0, count);
	}

}
