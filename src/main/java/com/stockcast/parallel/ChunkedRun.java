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

import com.stockcast.output.OutputBuffer;

/**
 * One admitted answer being written, a forecast's or sales statistics': the one runner of both. Cuts
 * the work into chunks ({@link PoolSettings#chunkEnd}), keeps at most
 * {@link PoolSettings#inFlightChunks()} chunks submitted ahead of the one being written, so the
 * memory a request holds is a few chunks whatever the size of its answer, and writes each chunk as
 * soon as it and all before it are done.
 *
 * <p>A chunk the pool refuses after admission runs on the writing thread instead: an admitted
 * request always completes. Work that fits in one chunk never touches the pool.
 */
public final class ChunkedRun implements AutoCloseable {

	private final ChunkedWork work;

	private final AsyncTaskExecutor executor;

	private final PoolSettings settings;

	private final ArrayDeque<Chunk> inFlight = new ArrayDeque<>();

	/**
	 * Buffers of chunks already written, for the next chunks to fill: a chunk's buffer is megabytes,
	 * which the garbage collector would otherwise allocate, zero and collect again for every chunk.
	 */
	private final ConcurrentLinkedQueue<OutputBuffer> spareBuffers = new ConcurrentLinkedQueue<>();

	private int nextItem;

	private boolean firstChunkPlanned;

	ChunkedRun(ChunkedWork work, AsyncTaskExecutor executor, PoolSettings settings) {
		this.work = work;
		this.executor = executor;
		this.settings = settings;
	}

	/**
	 * Hands the first chunks to the pool.
	 * @throws PoolSaturatedException when the pool refuses the first one
	 */
	void admit() {
		int from = this.nextItem;
		Callable<OutputBuffer> first = nextChunk();
		if (this.nextItem == this.work.size()) {
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
		out.write(this.work.prologue());
		Chunk head;
		while ((head = this.inFlight.poll()) != null) {
			submitNext();
			OutputBuffer chunk = await(head.result());
			this.work.write(head.from(), chunk, out);
			chunk.clear();
			this.spareBuffers.add(chunk);
		}
		out.write(this.work.epilogue());
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
		if (this.nextItem >= this.work.size()) {
			return false;
		}
		int from = this.nextItem;
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
			throw new IllegalStateException("Interrupted while waiting for a chunk", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A chunk failed", ex.getCause());
		}
	}

	/** Plans the next chunk, as {@link PoolSettings#chunkEnd} cuts it. */
	private Callable<OutputBuffer> nextChunk() {
		int from = this.nextItem;
		int to = this.settings.chunkEnd(this.work.size(), from, this.work::weight);
		long weight = 0;
		for (int i = from; i < to; i++) {
			weight += this.work.weight(i);
		}
		this.nextItem = to;
		boolean first = !this.firstChunkPlanned;
		this.firstChunkPlanned = true;
		long typicalBytes = this.work.typicalBytes(from, to, weight);
		return () -> {
			OutputBuffer buffer = this.spareBuffers.poll();
			if (buffer == null) {
				buffer = new OutputBuffer((int) Math.min(typicalBytes, Integer.MAX_VALUE - 64));
			}
			this.work.compute(from, to, first, buffer);
			return buffer;
		};
	}

	/** A planned chunk: its first item and its output to come. */
	private record Chunk(int from, Future<OutputBuffer> result) {
	}

	/** A chunk the writing thread runs itself, when it reaches it. */
	private static final class LocalChunk extends FutureTask<OutputBuffer> {

		LocalChunk(Callable<OutputBuffer> chunk) {
			super(chunk);
		}

	}

}
