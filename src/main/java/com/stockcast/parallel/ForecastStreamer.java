package com.stockcast.parallel;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.Answer;
import com.stockcast.simulation.Products;

/**
 * Runs forecasts on the simulation pool: cuts a product list into chunks, has workers simulate and
 * encode them, and hands the finished chunks back in input order.
 */
@Component
public class ForecastStreamer {

	private final AsyncTaskExecutor executor;

	private final PoolSettings settings;

	private final ForecastMetrics metrics;

	public ForecastStreamer(@Qualifier("forecastExecutor") AsyncTaskExecutor executor, PoolSettings settings,
			ForecastMetrics metrics) {
		this.executor = executor;
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Admits a forecast: its first chunks are handed to the pool at once, so a saturated pool refuses
	 * it here, before anything is written.
	 * @throws PoolSaturatedException when the pool and its queue are full
	 * @throws MemorySaturatedException when the memory budget has no room for its answer's buffers
	 */
	public ForecastRun start(Products products, Answer answer) {
		ForecastRun run = new ForecastRun(products, answer, this.executor, this.settings, this.metrics);
		Reservation reservation = Reservation.current();
		if (reservation != null) {
			reservation.hold(answerBuffers(products, answer));
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
	 * each of up to {@link PoolSettings#chunkMaxRows()} rows (a small answer, its own rows once).
	 */
	private long answerBuffers(Products products, Answer answer) {
		long rows = answer.rowCount(products, 0, products.size());
		if (rows <= this.settings.chunkMaxRows()) {
			return answer.typicalBytes(rows);
		}
		return (this.settings.inFlightChunks() + 1L) * answer.typicalBytes(this.settings.chunkMaxRows());
	}

}
