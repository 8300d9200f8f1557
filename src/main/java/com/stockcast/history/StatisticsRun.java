package com.stockcast.history;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;

import com.stockcast.intake.SalesHistory;
import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.OutputBuffer;
import com.stockcast.parallel.PoolSaturatedException;
import com.stockcast.parallel.PoolSettings;

/**
 * One admitted statistics request being written: SKUs are cut into chunks of up to
 * {@link PoolSettings#chunkSize()} SKUs or {@link PoolSettings#chunkMaxRows()} history rows, workers
 * compute and encode them, and the writing thread copies them out in input order, keeping at most
 * {@link PoolSettings#inFlightChunks()} chunks ahead (as the forecast's run does).
 *
 * <p>A history that fits in one chunk runs on the writing thread. A first chunk the pool refuses is
 * a 503; a later one runs on the writing thread, so an admitted request always completes.
 */
final class StatisticsRun implements AutoCloseable {

	private final SalesHistory history;

	private final int trendDays;

	private final StatisticsEncoder encoder;

	private final AsyncTaskExecutor executor;

	private final PoolSettings settings;

	private final ForecastMetrics metrics;

	private final ArrayDeque<Future<OutputBuffer>> inFlight = new ArrayDeque<>();

	private int nextSku;

	StatisticsRun(SalesHistory history, int trendDays, StatisticsEncoder encoder, AsyncTaskExecutor executor,
			PoolSettings settings, ForecastMetrics metrics) {
		this.history = history;
		this.trendDays = trendDays;
		this.encoder = encoder;
		this.executor = executor;
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Hands the first chunks to the pool.
	 * @throws PoolSaturatedException when the pool refuses the first one
	 */
	void admit() {
		Callable<OutputBuffer> first = nextChunk();
		if (this.nextSku == this.history.size()) {
			this.inFlight.add(new LocalChunk(first));
			return;
		}
		try {
			this.inFlight.add(this.executor.submit(first));
		}
		catch (TaskRejectedException ex) {
			this.metrics.refused("pool_saturated");
			throw new PoolSaturatedException(this.settings.retryAfter());
		}
		while (this.inFlight.size() < this.settings.inFlightChunks() && submitNext()) {
			// fill the window
		}
	}

	/** Writes the whole answer: prologue, every chunk in input order, epilogue. */
	void writeTo(OutputStream out) throws IOException {
		out.write(this.encoder.prologue());
		Future<OutputBuffer> head;
		while ((head = this.inFlight.poll()) != null) {
			submitNext();
			await(head).writeTo(out);
		}
		out.write(this.encoder.epilogue());
		out.flush();
	}

	/** Drops the chunks not yet written; a worker already on one finishes it and its result is discarded. */
	@Override
	public void close() {
		Future<OutputBuffer> pending;
		while ((pending = this.inFlight.poll()) != null) {
			pending.cancel(false);
		}
	}

	private boolean submitNext() {
		if (this.nextSku >= this.history.size()) {
			return false;
		}
		Callable<OutputBuffer> chunk = nextChunk();
		Future<OutputBuffer> future;
		try {
			future = this.executor.submit(chunk);
		}
		catch (TaskRejectedException ex) {
			future = new LocalChunk(chunk);
		}
		this.inFlight.add(future);
		return true;
	}

	private static OutputBuffer await(Future<OutputBuffer> future) throws IOException {
		if (future instanceof LocalChunk local) {
			local.run();
		}
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Not an IOException: those mean the client went away, and this answer must be aborted instead.
			throw new IllegalStateException("Interrupted while waiting for a statistics chunk", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A statistics chunk failed", ex.getCause());
		}
	}

	private Callable<OutputBuffer> nextChunk() {
		int from = this.nextSku;
		int end = from;
		long rows = 0;
		while (end < this.history.size() && end - from < this.settings.chunkSize()
				&& rows < this.settings.chunkMaxRows()) {
			rows += this.history.days(end++);
		}
		this.nextSku = end;
		int to = end;
		long historyRows = rows;
		return () -> {
			OutputBuffer buffer = new OutputBuffer((int) Math.min((long) (to - from) * this.encoder.typicalBytes(), 1 << 24));
			SalesStatistics statistics = new SalesStatistics();
			for (int sku = from; sku < to; sku++) {
				this.encoder.encode(this.history.id(sku), statistics.compute(this.history, sku, this.trendDays),
						sku == 0, buffer);
			}
			this.metrics.statisticsChunkDone(to - from, historyRows);
			return buffer;
		};
	}

	/** A chunk the writing thread runs itself, when it reaches it. */
	private static final class LocalChunk extends FutureTask<OutputBuffer> {

		LocalChunk(Callable<OutputBuffer> chunk) {
			super(chunk);
		}

	}

}
