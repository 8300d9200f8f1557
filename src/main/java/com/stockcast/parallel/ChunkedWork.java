package com.stockcast.parallel;

import java.io.IOException;
import java.io.OutputStream;

import com.stockcast.output.OutputBuffer;

/**
 * An answer of many independent items (products, SKUs) that {@link ChunkedRun} cuts into chunks,
 * computes on the pool and writes in input order: what the run needs to know of it, and nothing of
 * what the items are.
 */
public interface ChunkedWork {

	/** How many items the answer has. */
	int size();

	/**
	 * The work item {@code item} weighs, in the unit {@link PoolSettings#chunkMaxRows()} bounds: the
	 * rows it writes (a forecast) or reads (a sales history).
	 */
	long weight(int item);

	/** A first guess at the bytes a chunk of items {@code from} to {@code to} writes, for its buffer. */
	long typicalBytes(int from, int to, long weight);

	/** What comes before the first chunk. */
	byte[] prologue();

	/**
	 * Computes items {@code from} to {@code to} into {@code out}, on a worker; {@code first} when it is
	 * the answer's first chunk (a JSON array's first element has no comma before it).
	 */
	void compute(int from, int to, boolean first, OutputBuffer out);

	/** Copies a computed chunk to the answer, on the writing thread. */
	default void write(int from, OutputBuffer chunk, OutputStream out) throws IOException {
		chunk.writeTo(out);
	}

	/** What comes after the last chunk. */
	byte[] epilogue();

}
