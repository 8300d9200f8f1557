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
		ensure(b.length);
		System.arraycopy(b, 0, this.bytes, this.length, b.length);
		this.length += b.length;
	}

	void putAscii(String s) {
		int n = s.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			this.bytes[this.length++] = (byte) s.charAt(i);
		}
	}

	/** Appends {@code digits} decimal digits of a non-negative {@code value}, zero-padded on the left. */
	void putDigits(long value, int digits) {
		ensure(digits);
		int end = this.length + digits;
		for (int p = end - 1; p >= this.length; p--) {
			this.bytes[p] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.length = end;
	}

	/** Appends a non-negative {@code value} without padding. */
	void putUnsigned(long value) {
		int digits = 1;
		for (long v = value; v >= 10; v /= 10) {
			digits++;
		}
		putDigits(value, digits);
	}

	/** Copies the bytes appended since {@code from}, so that a repeated value is formatted once. */
	byte[] copySince(int from) {
		return Arrays.copyOfRange(this.bytes, from, this.length);
	}

}
