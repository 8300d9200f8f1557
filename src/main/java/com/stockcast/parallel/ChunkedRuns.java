package com.stockcast.parallel;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

import com.stockcast.metrics.ForecastMetrics;

/**
 * Starts answers on the simulation pool, forecasts and sales statistics alike: each is a
 * {@link ChunkedWork} that a {@link ChunkedRun} cuts into chunks, has workers compute, and hands back
 * in input order.
 */
@Component
public class ChunkedRuns {

	private final AsyncTaskExecutor executor;

	private final PoolSettings settings;

	private final ForecastMetrics metrics;

	public ChunkedRuns(@Qualifier("forecastExecutor") AsyncTaskExecutor executor, PoolSettings settings,
			ForecastMetrics metrics) {
		this.executor = executor;
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Admits an answer: its chunk buffers are held against the request's memory reservation, and its
	 * first chunks handed to the pool at once, so a saturated pool refuses it here, before anything
	 * is written.
	 * @throws PoolSaturatedException when the pool and its queue are full
	 * @throws MemorySaturatedException when the memory budget has no room for its answer's buffers
	 */
	public ChunkedRun start(ChunkedWork work) {
		ChunkedRun run = new ChunkedRun(work, this.executor, this.settings);
		Reservation reservation = Reservation.current();
		if (reservation != null) {
			reservation.hold(buffers(work));
		}
		try {
			run.admit();
		}
		catch (PoolSaturatedException ex) {
			this.metrics.refused("pool_saturated");
			throw ex;
		}
		return run;
	}

	/**
	 * The heap an answer's chunk buffers take at most: the chunks in flight and the one being written,
	 * each of up to {@link PoolSettings#chunkMaxRows()} rows (a small answer, its own once).
	 */
	private long buffers(ChunkedWork work) {
		long weight = 0;
		for (int i = 0; i < work.size() && weight <= this.settings.chunkMaxRows(); i++) {
			weight += work.weight(i);
		}
		if (weight <= this.settings.chunkMaxRows() && work.size() <= this.settings.chunkSize()) {
			return work.typicalBytes(0, work.size(), weight);
		}
		int chunk = Math.min(work.size(), this.settings.chunkSize());
		return (this.settings.inFlightChunks() + 1L) * work.typicalBytes(0, chunk, this.settings.chunkMaxRows());
	}

}
