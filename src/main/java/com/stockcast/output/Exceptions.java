package com.stockcast.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exceptions of a set of products (docs/forecast-contract.md#exceptions): the partial result of
 * one chunk, and, merged chunk after chunk, the whole answer's, which is sorted by urgency before it is
 * written. Unlike rows they cannot stream product by product, as the last product may be the most
 * urgent; they are held instead, at most one small record per product.
 */
public final class Exceptions {

	/** Late first, then by order date (a late product without an order last), units short descending, input order. */
	private static final Comparator<Row> URGENCY = Comparator.comparing((Row row) -> !row.late())
		.thenComparingInt(row -> (row.orderDate() == Integer.MIN_VALUE) ? Integer.MAX_VALUE : row.orderDate())
		.thenComparing(Comparator.comparingDouble(Row::shortfallUnits).reversed())
		.thenComparingLong(Row::position);

	private final int withinDays;

	private final List<Row> rows = new ArrayList<>();

	/** @param withinDays the horizon: a first order placed up to this many days after the start is due */
	public Exceptions(int withinDays) {
		this.withinDays = withinDays;
	}

	/** An empty set with the same horizon, for a chunk. */
	Exceptions empty() {
		return new Exceptions(this.withinDays);
	}

	int size() {
		return this.rows.size();
	}

	/** Whether a product whose first order is placed {@code orderDay} days after its start is due now. */
	boolean due(int orderDay) {
		return orderDay <= this.withinDays;
	}

	void add(Row row) {
		this.rows.add(row);
	}

	/** Adds {@code other}'s exceptions to these. */
	public void merge(Exceptions other) {
		this.rows.addAll(other.rows);
	}

	/** The exceptions in the order they are written. */
	List<Row> sorted() {
		List<Row> sorted = new ArrayList<>(this.rows);
		sorted.sort(URGENCY);
		return sorted;
	}

	/**
	 * One exception; dates as days since 1970-01-01 ({@link Integer#MIN_VALUE} for none), the reason as
	 * the ASCII phrase view=orders writes.
	 */
	record Row(long position, String productId, boolean late, int orderDate, int arrivalDate, double quantity,
			int stockoutDate, double shortfallUnits, int shortfallDays, byte[] reason) {
	}

}
