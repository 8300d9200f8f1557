package com.stockcast.output;

import java.nio.charset.StandardCharsets;

import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;

/**
 * Why each planned order of one product was placed, the {@code reason} of view=orders and
 * view=exceptions: a stable phrase with its figures rounded as amounts are,
 * {@code position 12 <= reorder point 20}, {@code position 4 <= min 10} or
 * {@code projected 3 < safety stock 10 on 2024-01-09}. Written with the answer's own number and date
 * writers into buffers reused from order to order, which the answer copies: a view of millions of
 * orders makes no object per order (BigDecimal, LocalDate and a String per order made it ten times
 * slower than the summary; docs/performance.md#planned-orders). One per thread.
 */
final class OrderReasons {

	private static final byte[] PROJECTED = ascii("projected ");

	private static final byte[] POSITION = ascii("position ");

	/** The part of the product's phrases from the comparison on: the product's, written once, not once an order. */
	private final OutputBuffer threshold = new OutputBuffer(48);

	private final OutputBuffer phrase = new OutputBuffer(96);

	/** Order-up-to's days, {@code " on yyyy-MM-dd"}: a product's orders mostly share them with the products before it. */
	private final IsoDates.Recent days = new IsoDates.Recent(ascii(" on "), new byte[0]);

	private boolean upTo;

	private int startDay;

	/** Sets the product the next phrases are of: product {@code i}, which has an order policy. */
	void of(Products products, int i) {
		OrderPolicy policy = products.orderPolicy(i);
		this.upTo = policy == OrderPolicy.ORDER_UP_TO;
		this.startDay = products.startDay(i);
		this.threshold.clear();
		this.threshold.putAscii(switch (policy) {
			case REORDER_POINT -> " <= reorder point ";
			case MIN_MAX -> " <= min ";
			case ORDER_UP_TO -> " < safety stock ";
		});
		Decimals.append(this.threshold, this.upTo ? products.safetyStock(i) : products.reorderPoint(i));
	}

	/** The phrase of {@code trajectory}'s order {@code j}, the product's last set; good until the next call. */
	OutputBuffer phrase(PolicyTrajectory trajectory, int j) {
		OutputBuffer out = this.phrase;
		out.clear();
		out.put(this.upTo ? PROJECTED : POSITION);
		Decimals.append(out, trajectory.orderFigure(j));
		out.put(this.threshold.bytes(), 0, this.threshold.length());
		if (this.upTo) {
			this.days.append(out, this.startDay + trajectory.orderFigureDay(j));
		}
		return out;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
