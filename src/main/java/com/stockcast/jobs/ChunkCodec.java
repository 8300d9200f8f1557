package com.stockcast.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.OrderTerms;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.ServiceTarget;

/**
 * The stored form of a chunk's products: a compact binary record per product, in input order.
 * Version 2 adds the demand's deviation and the reorder policy; version 3 adds each product's
 * scheduled receipts (its receipt days and their units); version 4 adds a flag for the receipts input
 * and each order policy's terms (docs/forecast-contract.md#planned-orders); version 5 adds each order
 * policy's lead time deviation (docs/forecast-contract.md#lead-times-that-vary) and the service level and
 * fill rate its terms were computed from (NaN for none; #safety-stock-from-a-target); version 6 is version 5
 * with each product's weekday profile, seven multipliers Monday first, after its record
 * (docs/forecast-contract.md#weekday-profile). A chunk is written in the oldest version that holds it
 * (2 without receipts or other terms than the plain reorder point, 3 with receipts, 4 with no lead time
 * deviation or target, 6 only with profiles), so that a replica not yet updated can take it; every older version
 * still reads.
 */
final class ChunkCodec {

	private static final int VERSION = 6;

	private ChunkCodec() {
	}

	static byte[] encode(Products products, int from, int to) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * 96); // 50 bytes a plain product, and its id: grown once at most
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			boolean receipts = products.hasReceiptsInput();
			boolean profiles = products.hasProfiles();
			boolean deviations = anyLeadTimeStdOrTarget(products, from, to);
			boolean terms = profiles || deviations || !plainTerms(products, from, to);
			int version = profiles ? 6 : deviations ? 5 : terms ? 4 : receipts ? 3 : 2;
			out.writeByte(version);
			if (version >= 4) {
				out.writeBoolean(receipts);
			}
			out.writeInt(to - from);
			for (int i = from; i < to; i++) {
				out.writeUTF(products.id(i));
				out.writeInt(products.startDay(i));
				out.writeDouble(products.initialInventory(i));
				out.writeDouble(products.salesRate(i));
				out.writeDouble(products.restockingRate(i));
				out.writeInt(products.durationDays(i));
				out.writeInt(products.frequency(i));
				out.writeDouble(products.salesStd(i));
				out.writeInt(products.leadTimeDays(i));
				if (products.hasReorderPolicy(i)) {
					out.writeDouble(products.reorderPoint(i));
					out.writeDouble(products.orderQuantity(i));
					if (terms) {
						out.writeByte(products.orderPolicy(i).ordinal());
						out.writeInt(products.reviewPeriodDays(i));
						out.writeDouble(products.safetyStock(i));
						out.writeDouble(products.minOrderQuantity(i));
						out.writeDouble(products.orderMultiple(i));
						out.writeDouble(products.maxLevel(i));
					}
					if (version >= 5) {
						out.writeDouble(products.leadTimeStdDays(i));
						out.writeDouble(products.targetServiceLevel(i));
						out.writeDouble(products.targetFillRate(i));
					}
				}
				if (receipts) {
					out.writeInt(products.receiptsEnd(i) - products.receiptsStart(i));
					for (int r = products.receiptsStart(i); r < products.receiptsEnd(i); r++) {
						out.writeInt(products.receiptDay(r));
						out.writeDouble(products.receiptUnits(r));
					}
				}
				if (version >= 6) {
					for (int w = 0; w < 7; w++) {
						out.writeDouble(products.weekdayMultiplier(i, w));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Products decode(byte[] stored) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
			int version = in.readUnsignedByte();
			if (version < 1 || version > VERSION) {
				throw new IllegalStateException("unknown chunk format " + version);
			}
			boolean receiptsInput = (version == 3) || (version >= 4 && in.readBoolean());
			int count = in.readInt();
			Products.Builder products = Products.builder();
			Receipts receipts = new Receipts();
			double[] profile = new double[7];
			for (int i = 0; i < count; i++) {
				products.add(in.readUTF(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(),
						in.readInt());
				if (version >= 2) {
					products.salesStd(in.readDouble());
					int leadTime = in.readInt();
					if (leadTime >= 0 && version >= 4) {
						double reorderPoint = in.readDouble();
						double quantity = in.readDouble();
						OrderPolicy policy = OrderPolicy.values()[in.readUnsignedByte()];
						int review = in.readInt();
						double safetyStock = in.readDouble();
						double minimum = in.readDouble();
						double multiple = in.readDouble();
						double maxLevel = in.readDouble();
						OrderTerms terms = new OrderTerms(policy, reorderPoint, quantity, maxLevel, leadTime, review,
								safetyStock, minimum, multiple);
						double leadTimeStd = (version >= 5) ? in.readDouble() : 0;
						double serviceLevel = (version >= 5) ? in.readDouble() : Double.NaN;
						double fillRate = (version >= 5) ? in.readDouble() : Double.NaN;
						if (!Double.isNaN(serviceLevel)) {
							products.targetedOrderTerms(terms,
									new ServiceTarget(ServiceTarget.Measure.SERVICE_LEVEL, serviceLevel, leadTimeStd));
						}
						else if (!Double.isNaN(fillRate)) {
							products.targetedOrderTerms(terms,
									new ServiceTarget(ServiceTarget.Measure.FILL_RATE, fillRate, leadTimeStd));
						}
						else {
							products.orderTerms(terms);
						}
						products.leadTimeStdDays(leadTimeStd);
					}
					else if (leadTime >= 0) {
						products.reorderPolicy(in.readDouble(), in.readDouble(), leadTime);
					}
				}
				if (receiptsInput) {
					int days = in.readInt();
					for (int r = 0; r < days; r++) {
						receipts.add(i, in.readInt(), in.readDouble());
					}
				}
				if (version >= 6) {
					for (int w = 0; w < 7; w++) {
						profile[w] = in.readDouble();
					}
					products.weekdayProfile(profile);
				}
			}
			return receiptsInput ? receipts.to(products.build()) : products.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether some product of {@code from..to-1} has a lead time that varies, or terms computed from a target. */
	private static boolean anyLeadTimeStdOrTarget(Products products, int from, int to) {
		for (int i = from; i < to; i++) {
			if (products.leadTimeStdDays(i) != 0 || !Double.isNaN(products.targetServiceLevel(i))
					|| !Double.isNaN(products.targetFillRate(i))) {
				return true;
			}
		}
		return false;
	}

	/** Whether every product of {@code from..to-1} has no order policy or the plain reorder point. */
	private static boolean plainTerms(Products products, int from, int to) {
		for (int i = from; i < to; i++) {
			if (products.hasReorderPolicy(i) && !products.orderTerms(i).plainReorderPoint()) {
				return false;
			}
		}
		return true;
	}

	/** Receipt days as read, one per day already summed: {@link Products#withReceipts} keeps them as they are. */
	private static final class Receipts {

		private int[] products = new int[16];

		private int[] days = new int[16];

		private double[] units = new double[16];

		private int count;

		void add(int product, int day, double units) {
			if (this.count == this.days.length) {
				this.products = Arrays.copyOf(this.products, this.count * 2);
				this.days = Arrays.copyOf(this.days, this.count * 2);
				this.units = Arrays.copyOf(this.units, this.count * 2);
			}
			this.products[this.count] = product;
			this.days[this.count] = day;
			this.units[this.count] = units;
			this.count++;
		}

		Products to(Products products) {
			return products.withReceipts(this.products, this.days, this.units, this.count);
		}

	}

}
