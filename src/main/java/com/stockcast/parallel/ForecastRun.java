package com.stockcast.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.Answer;
import com.stockcast.output.OutputBuffer;
import com.stockcast.simulation.Products;

/**
 * One admitted forecast being written. Keeps at most {@link PoolSettings#inFlightChunks()} chunks
 * submitted ahead of the one being written, so the memory a request holds is a few chunks whatever
 * the size of its answer, and writes each chunk as soon as it and all before it are done.
 *
 * <p>A chunk the pool refuses after admission runs on the writing thread instead: an admitted
 * request always completes. An input that fits in one chunk never touches the pool.
 */
public final class ForecastRun implements AutoCloseable {

	private final Products products;

	private final Answer answer;

	private final AsyncTaskExecutor executor;

	private final PoolSettings settings;

	private final ForecastMetrics metrics;

	private final ArrayDeque<Chunk> inFlight = new ArrayDeque<>();

	/**
	 * Buffers of chunks already written, for the next chunks to fill: a chunk's buffer is megabytes,
	 * which the garbage collector would otherwise allocate, zero and collect again for every chunk.
	 */
	private final ConcurrentLinkedQueue<OutputBuffer> spareBuffers = new ConcurrentLinkedQueue<>();

	private int nextProduct;

	private boolean firstChunkPlanned;

	ForecastRun(Products products, Answer answer, AsyncTaskExecutor executor, PoolSettings settings,
			ForecastMetrics metrics) {
		this.products = products;
		this.answer = answer;
		this.executor = executor;
		this.settings = settings;
		this.metrics = metrics;
	}

	void admit() {
		int from = this.nextProduct;
		Callable<OutputBuffer> first = nextChunk();
		if (this.nextProduct == this.products.size()) {
			this.inFlight.add(new Chunk(from, new LocalChunk(first)));
			return;
		}
		try {
			this.inFlight.add(new Chunk(from, this.executor.submit(first)));
		}
		catch (TaskRejectedException ex) {
			throw new PoolSaturatedException(this.settings.retryAfter());
		}
		while (this.inFlight.size() < this.settings.inFlightChunks() && submitNext()) {
			// fill the window
		}
	}

	/** Writes the whole answer: prologue, every chunk in input order, epilogue. */
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.answer.prologue());
		Chunk head;
		while ((head = this.inFlight.poll()) != null) {
			submitNext();
			OutputBuffer chunk = await(head.result());
			this.answer.write(head.from(), chunk, out);
			chunk.clear();
			this.spareBuffers.add(chunk);
		}
		out.write(this.answer.epilogue());
		out.flush();
	}

	/** Drops the chunks not yet written; a worker already on one finishes it and its result is discarded. */
	@Override
	public void close() {
		Chunk pending;
		while ((pending = this.inFlight.poll()) != null) {
			pending.result().cancel(false);
		}
	}

	private boolean submitNext() {
		if (this.nextProduct >= this.products.size()) {
			return false;
		}
		int from = this.nextProduct;
		Callable<OutputBuffer> chunk = nextChunk();
		Future<OutputBuffer> future;
		try {
			future = this.executor.submit(chunk);
		}
		catch (TaskRejectedException ex) {
			future = new LocalChunk(chunk);
		}
		this.inFlight.add(new Chunk(from, future));
		return true;
	}

	private OutputBuffer await(Future<OutputBuffer> future) throws IOException {
		if (future instanceof LocalChunk local) {
			local.run();
		}
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Not an IOException: those mean the client went away, and this answer must be aborted instead.
			throw new IllegalStateException("Interrupted while waiting for a forecast chunk", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A forecast chunk failed", ex.getCause());
		}
	}

	/** Plans the next chunk, as {@link PoolSettings#chunkEnd} cuts it. */
	private Callable<OutputBuffer> nextChunk() {
		int from = this.nextProduct;
		int to = this.settings.chunkEnd(this.products, from, i -> this.answer.rowCount(this.products, i, i + 1));
		long rows = this.answer.rowCount(this.products, from, to);
		this.nextProduct = to;
		boolean first = !this.firstChunkPlanned;
		this.firstChunkPlanned = true;
		return () -> {
			long started = System.nanoTime();
			OutputBuffer buffer = this.spareBuffers.poll();
			if (buffer == null) {
				buffer = new OutputBuffer((int) Math.min(this.answer.typicalBytes(rows), Integer.MAX_VALUE - 64));
			}
			this.answer.compute(this.products, from, to, first, buffer);
			this.metrics.chunkDone(to - from, rows, System.nanoTime() - started);
			return buffer;
		};
	}

	/** A planned chunk: its first product and its output to come. */
	private record Chunk(int from, Future<OutputBuffer> result) {
	}

	/** A chunk the writing thread runs itself, when it reaches it. */
	private static final class LocalChunk extends FutureTask<OutputBuffer> {

		LocalChunk(Callable<OutputBuffer> chunk) {
			super(chunk);
		}

	}

}
