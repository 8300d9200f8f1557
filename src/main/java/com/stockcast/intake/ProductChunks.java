package com.stockcast.intake;

import com.stockcast.simulation.Products;

/**
 * Where a product list goes chunk by chunk as it is read ({@link ProductListReader#streamCsv} and the
 * like): each chunk is validated before it is handed over, in input order, and the reader keeps no
 * more than the chunk it is filling. A list with a bad row throws once it has been read to its end;
 * the chunks handed over before that are the taker's to throw away.
 */
public interface ProductChunks {

	/** Whether {@code products} products writing {@code rows} output rows make a whole chunk, to hand over. */
	boolean full(int products, long rows);

	/** Takes products {@code from..to-1} of {@code products}: the next chunk, validated. */
	void accept(Products products, int from, int to);

	/** Hands {@code products}, read whole, to {@code chunks}, cut as if it had streamed in. */
	static void cut(Products products, ProductChunks chunks) {
		int from = 0;
		long rows = 0;
		for (int i = 0; i < products.size(); i++) {
			rows += products.periods(i);
			if (chunks.full(i + 1 - from, rows)) {
				chunks.accept(products, from, i + 1);
				from = i + 1;
				rows = 0;
			}
		}
		if (from < products.size()) {
			chunks.accept(products, from, products.size());
		}
	}

}
