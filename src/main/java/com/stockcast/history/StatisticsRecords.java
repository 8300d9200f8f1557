package com.stockcast.history;

import org.springframework.stereotype.Component;

import com.stockcast.jobs.HistoryRecords;
import com.stockcast.output.Table;

/** A statistics job's records: the same statistics, through the same table, as the synchronous answer. */
@Component
class StatisticsRecords implements HistoryRecords {

	@Override
	public Table table() {
		return StatisticsEncoder.TABLE;
	}

	@Override
	public Recorder recorder(int trendDays) {
		SalesStatistics statistics = new SalesStatistics();
		return (history, sku, sink) -> StatisticsEncoder.record(history.id(sku),
				statistics.compute(history, sku, trendDays), sink);
	}

}
