package com.stockcast.output;

import com.stockcast.simulation.Products;

/**
 * What a product list holds beyond the contract's five columns that its answers show: the columns a
 * forecast adds for it, whatever the view (docs/forecast-contract.md). An answer without any has the
 * columns it always had, to the byte.
 *
 * @param orders some product has an order policy: the order columns, the plan's totals
 * @param receipts the request gave scheduled receipts: the receipts columns
 * @param targets some product's terms were computed from a service target: the summary's
 * {@code safety_stock,reorder_point}
 */
public record ListFeatures(boolean orders, boolean receipts, boolean targets) {

	/** A list of products with the five columns only. */
	public static final ListFeatures NONE = new ListFeatures(false, false, false);

	public static ListFeatures of(Products products) {
		return new ListFeatures(products.anyReorderPolicy(), products.hasReceiptsInput(), products.anyServiceTarget());
	}

}
