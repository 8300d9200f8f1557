package com.stockcast.history;

import com.stockcast.intake.SalesHistory;
import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.OutputBuffer;
import com.stockcast.parallel.ChunkedWork;

/**
 * Sales statistics as the pool runs them: SKUs, weighed by the history rows they read, each computed
 * and encoded on its own.
 */
record StatisticsWork(SalesHistory history, int trendDays, StatisticsEncoder encoder, ForecastMetrics metrics)
		implements ChunkedWork {

	@Override
	public int size() {
		return this.history.size();
	}

	@Override
	public long weight(int item) {
		return this.history.days(item);
	}

	@Override
	public long typicalBytes(int from, int to, long weight) {
		return (long) (to - from) * this.encoder.typicalBytes();
	}

	@Override
	public byte[] prologue() {
		return this.encoder.prologue();
	}

	@Override
	public void compute(int from, int to, boolean first, OutputBuffer out) {
		SalesStatistics statistics = new SalesStatistics();
		long rows = 0;
		for (int sku = from; sku < to; sku++) {
			this.encoder.encode(this.history.id(sku), statistics.compute(this.history, sku, this.trendDays),
					first && sku == from, out);
			rows += this.history.days(sku);
		}
		this.metrics.statisticsChunkDone(to - from, rows);
	}

	@Override
	public byte[] epilogue() {
		return this.encoder.epilogue();
	}

}
