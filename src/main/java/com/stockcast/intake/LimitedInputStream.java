package com.stockcast.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;

/** Refuses, with a 413 problem, to read past the body limit; it guards decompressed bodies too. */
final class LimitedInputStream extends FilterInputStream {

	private final DataSize limit;

	private long remaining;

	LimitedInputStream(InputStream in, DataSize limit) {
		super(in);
		this.limit = limit;
		this.remaining = limit.toBytes();
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, (int) Math.min(length, this.remaining + 1));
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) {
		this.remaining -= n;
		if (this.remaining < 0) {
			throw IntakeProblems.bodyTooLarge(this.limit);
		}
	}

}
