package com.stockcast.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exceptions of a set of products (docs/forecast-contract.md#exceptions): the partial result of
 * one chunk, and, merged chunk after chunk, the whole answer's, which is sorted by urgency before it is
 * written. Unlike rows they cannot stream product by product, as the last product may be the most
 * urgent; they are held instead, at most one small record per product. A job keeps them {@link #all()
 * whatever the horizon} and applies the horizon its reader asks for ({@link #within}).
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

	/**
	 * A set that takes every product with a planned order, whatever the day of its first, and the late
	 * ones: what a job stores, so that each reader may ask for its own horizon.
	 */
	public static Exceptions all() {
		return new Exceptions(Integer.MAX_VALUE);
	}

	/** An empty set with the same horizon, for a chunk. */
	Exceptions empty() {
		return new Exceptions(this.withinDays);
	}

	public int size() {
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

	/** These exceptions with the horizon {@code withinDays}: the late ones, and those due within it. */
	public Exceptions within(int withinDays) {
		Exceptions kept = new Exceptions(withinDays);
		for (Row row : this.rows) {
			if (row.late() || (row.orderDay() >= 0 && kept.due(row.orderDay()))) {
				kept.add(row);
			}
		}
		return kept;
	}

	/** The exceptions in the order they are written. */
	public List<Row> sorted() {
		List<Row> sorted = new ArrayList<>(this.rows);
		sorted.sort(URGENCY);
		return sorted;
	}

	/** The stored form, for a job's chunk. */
	public byte[] toBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + this.rows.size() * 96);
		try (DataOutputStream data = new DataOutputStream(bytes)) {
			data.writeInt(this.rows.size());
			for (Row row : this.rows) {
				data.writeLong(row.position());
				data.writeUTF(row.productId());
				data.writeBoolean(row.late());
				data.writeInt(row.orderDay());
				data.writeInt(row.orderDate());
				data.writeInt(row.arrivalDate());
				data.writeDouble(row.quantity());
				data.writeInt(row.stockoutDate());
				data.writeDouble(row.shortfallUnits());
				data.writeInt(row.shortfallDays());
				data.writeShort(row.reason().length);
				data.write(row.reason());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Adds the exceptions of a chunk's stored form to these. */
	public void merge(byte[] stored) {
		try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(stored))) {
			int count = data.readInt();
			for (int r = 0; r < count; r++) {
				long position = data.readLong();
				String productId = data.readUTF();
				boolean late = data.readBoolean();
				int orderDay = data.readInt();
				int orderDate = data.readInt();
				int arrivalDate = data.readInt();
				double quantity = data.readDouble();
				int stockoutDate = data.readInt();
				double shortfallUnits = data.readDouble();
				int shortfallDays = data.readInt();
				byte[] reason = new byte[data.readUnsignedShort()];
				data.readFully(reason);
				add(new Row(position, productId, late, orderDay, orderDate, arrivalDate, quantity, stockoutDate,
						shortfallUnits, shortfallDays, reason));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One exception; {@code orderDay} the first planned order's day from the product's start (-1 for
	 * none), dates as days since 1970-01-01 ({@link Integer#MIN_VALUE} for none), the reason as the ASCII
	 * phrase view=orders writes.
	 */
	public record Row(long position, String productId, boolean late, int orderDay, int orderDate, int arrivalDate,
			double quantity, int stockoutDate, double shortfallUnits, int shortfallDays, byte[] reason) {
	}

}
