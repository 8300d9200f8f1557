package com.stockcast.jobs;

import java.util.ArrayList;
import java.util.List;

import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Exceptions;
import com.stockcast.output.Projection;
import com.stockcast.output.Table;
import com.stockcast.output.Totals;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;

/**
 * What a chunk computed, as the blocks {@link StoredResults} keeps: a forecast chunk's rows of each
 * product (block_no = its position in the input; none when the job keeps no rows), its summaries, one
 * block for the chunk (block_no = its first product's position; a job from before kept one a product),
 * and the chunk's totals (block_no = chunk_no), each product computed once for all three; with an order policy, also each
 * product's planned orders (when it has any) and the chunk's exceptions, whatever the horizon
 * (block_no = chunk_no); a statistics chunk's record of each SKU. Computed before the chunk's
 * transaction, which only writes them.
 */
record ChunkResults(List<Block> blocks) {

	/** One stored block: {@code records} records of {@code section}, as a {@link Table.Recorder} made them. */
	record Block(String section, int blockNo, String productId, int records, byte[] payload) {
	}

	static final String ROWS = "rows";

	static final String SUMMARY = "summary";

	static final String TOTALS = "totals";

	static final String ORDERS = "orders";

	static final String EXCEPTIONS = "exceptions";

	/** @param historyRecords what a statistics chunk records per SKU (its feature's) */
	static ChunkResults of(JobStore.Chunk chunk, HistoryRecords historyRecords) {
		return (chunk.history() != null) ? statistics(chunk, historyRecords) : forecast(chunk);
	}

	private static ChunkResults forecast(JobStore.Chunk chunk) {
		Products products = chunk.products();
		Projection projection = chunk.scenario().projection();
		JobScenario scenario = chunk.scenario();
		// A job that keeps no rows is not made to compute them: its products are simulated for the rest only.
		Table.Recorder rows = scenario.rows() ? projection.table(View.ROWS).recorder() : null;
		Table.Recorder summary = projection.table(View.SUMMARY).recorder();
		Totals totals = new Totals();
		boolean plans = chunk.scenario().plans();
		Table.Recorder orders = plans ? projection.table(View.ORDERS).recorder() : null;
		Exceptions exceptions = plans ? Exceptions.all() : null;
		List<Block> blocks = new ArrayList<>((plans ? 3 : 2) * products.size() + 3);
		for (int i = 0; i < products.size(); i++) {
			int productNo = chunk.firstProduct() + i;
			projection.project(products, i, productNo, rows, summary, totals, orders, exceptions);
			if (rows != null) {
				blocks.add(new Block(ROWS, productNo, products.id(i), rows.records(), rows.toBytes()));
			}
			if (!scenario.chunkSummaries()) {
				blocks.add(new Block(SUMMARY, productNo, products.id(i), 1, summary.toBytes()));
			}
			if (plans && orders.records() > 0) {
				blocks.add(new Block(ORDERS, productNo, products.id(i), orders.records(), orders.toBytes()));
			}
		}
		if (scenario.chunkSummaries() && summary.records() > 0) {
			blocks.add(new Block(SUMMARY, chunk.firstProduct(), null, summary.records(), summary.toBytes()));
		}
		blocks.add(new Block(TOTALS, chunk.chunkNo(), null, totals.length(), totals.toBytes()));
		if (plans) {
			blocks.add(new Block(EXCEPTIONS, chunk.chunkNo(), null, exceptions.size(), exceptions.toBytes()));
		}
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
