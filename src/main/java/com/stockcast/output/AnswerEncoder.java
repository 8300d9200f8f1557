package com.stockcast.output;

import java.io.IOException;
import java.io.OutputStream;

import com.stockcast.simulation.Products;

/**
 * Turns a product list into one answer, chunk by chunk: workers {@link #encode} their chunks in
 * parallel, and the writing thread {@link #write}s finished chunks in input order between the
 * {@link #prologue} and the {@link #epilogue}. One encoder serves one answer.
 */
public interface AnswerEncoder {

	Format format();

	/** Bytes that open the answer, before the first chunk. */
	byte[] prologue();

	/** Bytes that close the answer, after the last chunk has been {@linkplain #write written}. */
	byte[] epilogue();

	/** Output rows that products {@code from..to-1} make: the measure chunks are cut by. */
	long rowCount(Products products, int from, int to);

	/** About how many bytes {@code rows} output rows take, to size a chunk's buffer. */
	long typicalBytes(long rows);

	/**
	 * Computes products {@code from..to-1} and appends their output; runs on any thread.
	 * @param first whether these are the answer's first records (JSON puts no separator before them)
	 */
	void encode(Products products, int from, int to, boolean first, OutputBuffer out);

	/**
	 * Hands over a finished chunk, in input order, on the writing thread. An answer made of whole
	 * records writes the chunk's bytes; a reduction merges what the chunk left and writes at the end.
	 * @param from the chunk's first product
	 */
	default void write(int from, OutputBuffer chunk, OutputStream out) throws IOException {
		chunk.writeTo(out);
	}

}
