package com.stockcast.jobs;

import java.util.ArrayList;
import java.util.List;

import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Projection;
import com.stockcast.output.Table;
import com.stockcast.output.Totals;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;

/**
 * What a chunk computed, as the blocks {@link StoredResults} keeps: a forecast chunk's rows and
 * summary of each product (block_no = its position in the input) and the chunk's totals
 * (block_no = chunk_no), each product computed once for all three; a statistics chunk's record of
 * each SKU. Computed before the chunk's transaction, which only writes them.
 */
record ChunkResults(List<Block> blocks) {

	/** One stored block: {@code records} records of {@code section}, as a {@link Table.Recorder} made them. */
	record Block(String section, int blockNo, String productId, int records, byte[] payload) {
	}

	static final String ROWS = "rows";

	static final String SUMMARY = "summary";

	static final String TOTALS = "totals";

	/** @param historyRecords what a statistics chunk records per SKU (its feature's) */
	static ChunkResults of(JobStore.Chunk chunk, HistoryRecords historyRecords) {
		return (chunk.history() != null) ? statistics(chunk, historyRecords) : forecast(chunk);
	}

	private static ChunkResults forecast(JobStore.Chunk chunk) {
		Products products = chunk.products();
		Projection projection = chunk.scenario().projection();
		Table.Recorder rows = projection.table(View.ROWS).recorder();
		Table.Recorder summary = projection.table(View.SUMMARY).recorder();
		Totals totals = new Totals();
		List<Block> blocks = new ArrayList<>(2 * products.size() + 1);
		for (int i = 0; i < products.size(); i++) {
			int productNo = chunk.firstProduct() + i;
			projection.project(products, i, productNo, rows, summary, totals);
			blocks.add(new Block(ROWS, productNo, products.id(i), rows.records(), rows.toBytes()));
			blocks.add(new Block(SUMMARY, productNo, products.id(i), 1, summary.toBytes()));
		}
		blocks.add(new Block(TOTALS, chunk.chunkNo(), null, totals.length(), totals.toBytes()));
		return new ChunkResults(blocks);
	}

	private static ChunkResults statistics(JobStore.Chunk chunk, HistoryRecords historyRecords) {
		SalesHistory history = chunk.history();
		HistoryRecords.Recorder records = historyRecords.recorder(chunk.scenario().trendDays());
		Table.Recorder recorder = historyRecords.table().recorder();
		List<Block> blocks = new ArrayList<>(history.size());
		for (int sku = 0; sku < history.size(); sku++) {
			records.record(history, sku, recorder);
			blocks.add(new Block(SUMMARY, chunk.firstProduct() + sku, history.id(sku), 1, recorder.toBytes()));
		}
		return new ChunkResults(blocks);
	}

}
