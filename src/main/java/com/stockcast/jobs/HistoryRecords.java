package com.stockcast.jobs;

import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Table;

/**
 * What a job of {@link JobKind#SALES_STATISTICS} computes from its chunks of sales histories, one
 * record per SKU. The feature that submits such jobs provides it as a bean: jobs cuts, stores, runs
 * and replays them without knowing what the records hold.
 */
public interface HistoryRecords {

	/** The records' columns, by which they are recorded and replayed. */
	Table table();

	/** Records SKUs of one chunk on one thread, with the job's trend window. */
	Recorder recorder(int trendDays);

	/** Records SKUs of a chunk, one at a time. */
	@FunctionalInterface
	interface Recorder {

		/** Hands SKU {@code sku}'s record to {@code sink}, in {@link #table()}'s column order. */
		void record(SalesHistory history, int sku, Table.Sink sink);

	}

}
