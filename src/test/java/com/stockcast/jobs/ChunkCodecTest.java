package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.OrderTerms;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.ServiceTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A chunk's products stored and read back: every field, the reorder policy or its absence, and the older format. */
class ChunkCodecTest {

	@Test
	void readsBackWhatItStored() {
		Products products = Products.builder()
			.add("skipped", 19_000, 1, 1, 1, 1, 1)
			.add("A,\"quoted\" é", 19_723, 0.1, 0.7, 0.2, 365, 7)
			.salesStd(1.5)
			.add("B", -719_162, 1e9, 0, 3, 1, 1)
			.reorderPolicy(20, 50, 0)
			.add("C", 2_932_896, -5, 2.25, 0, 30, 30)
			.reorderPolicy(-1.5, 0.25, 14)
			.salesStd(0)
			.build();
		Products decoded = ChunkCodec.decode(ChunkCodec.encode(products, 1, 4));
		assertThat(decoded.size()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			int o = i + 1;
			assertThat(decoded.id(i)).isEqualTo(products.id(o));
			assertThat(decoded.startDay(i)).isEqualTo(products.startDay(o));
			assertThat(bits(decoded.initialInventory(i))).isEqualTo(bits(products.initialInventory(o)));
			assertThat(bits(decoded.salesRate(i))).isEqualTo(bits(products.salesRate(o)));
			assertThat(bits(decoded.restockingRate(i))).isEqualTo(bits(products.restockingRate(o)));
			assertThat(decoded.durationDays(i)).isEqualTo(products.durationDays(o));
			assertThat(decoded.frequency(i)).isEqualTo(products.frequency(o));
			assertThat(bits(decoded.salesStd(i))).isEqualTo(bits(products.salesStd(o)));
			assertThat(decoded.hasReorderPolicy(i)).isEqualTo(products.hasReorderPolicy(o));
			assertThat(bits(decoded.reorderPoint(i))).isEqualTo(bits(products.reorderPoint(o)));
			assertThat(bits(decoded.orderQuantity(i))).isEqualTo(bits(products.orderQuantity(o)));
			assertThat(decoded.leadTimeDays(i)).isEqualTo(products.leadTimeDays(o));
		}
		assertThat(decoded.hasReorderPolicy(0)).isFalse();
	}

	@Test
	void readsBackTheOrderPoliciesAndTheirConstraintsWithAndWithoutReceipts() {
		Products products = Products.builder()
			.add("A", 19_723, 20, 4, 0, 10, 1)
			.orderTerms(new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 2, 3, 5, 0, 6))
			.add("B", 19_723, 15, 5, 0, 8, 1)
			.orderTerms(new OrderTerms(OrderPolicy.REORDER_POINT, 10, 8, Double.NaN, 1, 2, 0, 20, 6))
			.add("C", 19_723, 12, 4, 0, 8, 1)
			.orderTerms(new OrderTerms(OrderPolicy.MIN_MAX, 10, Double.NaN, 30, 1, 1, 0, 0.5, Double.NaN))
			.add("D", 19_723, 12, 4, 0, 8, 1)
			.build();
		for (Products stored : new Products[] { products,
				products.withReceipts(new int[] { 1 }, new int[] { 3 }, new double[] { 7 }, 1) }) {
			Products decoded = ChunkCodec.decode(ChunkCodec.encode(stored, 0, 4));
			assertThat(decoded.hasReceiptsInput()).isEqualTo(stored.hasReceiptsInput());
			for (int i = 0; i < 4; i++) {
				assertThat(decoded.orderTerms(i)).isEqualTo(stored.orderTerms(i));
			}
			assertThat(decoded.receiptsEnd(0)).isEqualTo(stored.receiptsEnd(0));
		}
		// Only the plain reorder point: still the older format, which a replica not yet updated reads.
		assertThat(ChunkCodec.encode(Products.builder().add("E", 1, 1, 1, 1, 1, 1).reorderPolicy(1, 1, 0).build(), 0, 1)[0])
			.isEqualTo((byte) 2);
		assertThat(ChunkCodec.encode(products, 0, 4)[0]).isEqualTo((byte) 4);
	}

	@Test
	void readsBackEachLeadTimesDeviationInFormat5AndWritesNoneAsTheOlderFormats() {
		Products products = Products.builder()
			.add("A", 19_723, 20, 4, 0, 10, 1)
			.orderTerms(new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 2, 3, 5, 0, 6))
			.leadTimeStdDays(1.5)
			.add("B", 19_723, 15, 5, 0, 8, 1)
			.reorderPolicy(10, 8, 3)
			.leadTimeStdDays(0.25)
			.add("C", 19_723, 12, 4, 0, 8, 1)
			.reorderPolicy(10, 8, 3)
			.add("D", 19_723, 12, 4, 0, 8, 1)
			.build();
		for (Products stored : new Products[] { products,
				products.withReceipts(new int[] { 1 }, new int[] { 3 }, new double[] { 7 }, 1) }) {
			byte[] encoded = ChunkCodec.encode(stored, 0, 4);
			assertThat(encoded[0]).isEqualTo((byte) 5);
			Products decoded = ChunkCodec.decode(encoded);
			assertThat(decoded.hasReceiptsInput()).isEqualTo(stored.hasReceiptsInput());
			for (int i = 0; i < 4; i++) {
				assertThat(decoded.orderTerms(i)).isEqualTo(stored.orderTerms(i));
				assertThat(bits(decoded.leadTimeStdDays(i))).isEqualTo(bits(stored.leadTimeStdDays(i)));
			}
		}
		// Without a deviation the chunk is written as before: a replica not yet updated reads it.
		assertThat(ChunkCodec.encode(products, 2, 4)[0]).isEqualTo((byte) 2);
	}

	@Test
	void readsBackTheTargetsTermsWereComputedFromInFormat5() {
		OrderTerms upTo = new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 2, 3, 9.87, 0,
				Double.NaN);
		Products products = Products.builder()
			.add("A", 19_723, 20, 4, 0, 10, 1)
			.targetedOrderTerms(upTo, new ServiceTarget(ServiceTarget.Measure.SERVICE_LEVEL, 0.95, 0))
			.add("B", 19_723, 15, 5, 0, 8, 1)
			.targetedOrderTerms(OrderTerms.reorderPoint(49.87, 8, 3),
					new ServiceTarget(ServiceTarget.Measure.FILL_RATE, 0.98, 1))
			.leadTimeStdDays(1)
			.add("C", 19_723, 12, 4, 0, 8, 1)
			.reorderPolicy(10, 8, 3)
			.build();
		byte[] encoded = ChunkCodec.encode(products, 0, 3);
		assertThat(encoded[0]).isEqualTo((byte) 5);
		Products decoded = ChunkCodec.decode(encoded);
		assertThat(decoded.anyServiceTarget()).isTrue();
		assertThat(decoded.targetServiceLevel(0)).isEqualTo(0.95);
		assertThat(decoded.targetFillRate(0)).isNaN();
		assertThat(decoded.targetFillRate(1)).isEqualTo(0.98);
		assertThat(decoded.targetServiceLevel(2)).isNaN();
		assertThat(decoded.targetFillRate(2)).isNaN();
		for (int i = 0; i < 3; i++) {
			assertThat(decoded.orderTerms(i)).isEqualTo(products.orderTerms(i));
			assertThat(bits(decoded.leadTimeStdDays(i))).isEqualTo(bits(products.leadTimeStdDays(i)));
		}
	}

	@Test
	void readsBackEachProductsReceiptsAndWritesNoneAsTheOlderFormat() {
		Products plain = Products.builder()
			.add("A", 19_723, 1, 1, 1, 10, 1)
			.add("B", 19_723, 1, 1, 1, 10, 1)
			.add("C", 19_723, 1, 1, 1, 10, 1)
			.build();
		Products products = plain.withReceipts(new int[] { 2, 0, 2, 2 }, new int[] { 9, 3, 1, 9 },
				new double[] { 0.1, 5, 7, 0.2 }, 4);
		Products decoded = ChunkCodec.decode(ChunkCodec.encode(products, 1, 3));
		assertThat(decoded.hasReceiptsInput()).isTrue();
		assertThat(decoded.receiptsEnd(0) - decoded.receiptsStart(0)).isZero();
		assertThat(decoded.receiptsEnd(1) - decoded.receiptsStart(1)).isEqualTo(2);
		for (int r = 0; r < 2; r++) {
			int stored = products.receiptsStart(2) + r;
			int read = decoded.receiptsStart(1) + r;
			assertThat(decoded.receiptDay(read)).isEqualTo(products.receiptDay(stored));
			assertThat(bits(decoded.receiptUnits(read))).isEqualTo(bits(products.receiptUnits(stored)));
			assertThat(bits(decoded.receiptsOnward(read))).isEqualTo(bits(products.receiptsOnward(stored)));
		}
		assertThat(ChunkCodec.encode(products, 1, 3)[0]).isEqualTo((byte) 3);
		assertThat(ChunkCodec.encode(plain, 1, 3)[0]).isEqualTo((byte) 2);
		assertThat(ChunkCodec.decode(ChunkCodec.encode(plain, 0, 3)).hasReceiptsInput()).isFalse();
	}

	@Test
	void readsBackWeekdayProfilesOnlyInTheFormatThatHasThem() {
		double[] weekend = { 0.8, 0.9, 0.9, 0.9, 1.0, 1.3, 1.2 };
		Products plain = Products.builder()
			.add("A", 19_723, 1, 2, 1, 10, 1).reorderPolicy(3, 4, 1)
			.add("B", 19_723, 1, 2, 1, 10, 1)
			.build();
		Products profiled = Products.builder()
			.add("A", 19_723, 1, 2, 1, 10, 1).reorderPolicy(3, 4, 1).weekdayProfile(weekend)
			.add("B", 19_723, 1, 2, 1, 10, 1)
			.build()
			.withReceipts(new int[] { 0 }, new int[] { 4 }, new double[] { 6 }, 1);
		byte[] stored = ChunkCodec.encode(profiled, 0, 2);
		assertThat(stored[0]).isEqualTo((byte) 6);
		Products decoded = ChunkCodec.decode(stored);
		assertThat(decoded.hasProfiles()).isTrue();
		assertThat(decoded.hasReceiptsInput()).isTrue();
		assertThat(decoded.reorderPoint(0)).isEqualTo(3);
		for (int w = 0; w < 7; w++) {
			assertThat(bits(decoded.weekdayMultiplier(0, w))).isEqualTo(bits(weekend[w]));
			assertThat(decoded.weekdayMultiplier(1, w)).isEqualTo(1.0);
		}
		for (int d = 0; d < 10; d++) {
			assertThat(bits(decoded.dayDemand(0, d))).isEqualTo(bits(profiled.dayDemand(0, d)));
		}
		// Without profiles the chunk stays in the older formats, byte for byte as before.
		assertThat(ChunkCodec.encode(plain, 0, 2)[0]).isEqualTo((byte) 2);
		assertThat(ChunkCodec.decode(ChunkCodec.encode(plain, 0, 2)).hasProfiles()).isFalse();
	}

	private static long bits(double value) {
		return Double.doubleToRawLongBits(value);
	}

	@Test
	void readsAnEmptyChunk() {
		Products none = Products.builder().add("A", 0, 1, 1, 1, 1, 1).build();
		assertThat(ChunkCodec.decode(ChunkCodec.encode(none, 1, 1)).size()).isZero();
	}

	@Test
	void readsChunksOfTheFirstFormat() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(1);
			out.writeInt(1);
			out.writeUTF("A");
			out.writeInt(19_723);
			out.writeDouble(50);
			out.writeDouble(10);
			out.writeDouble(8);
			out.writeInt(30);
			out.writeInt(1);
		}
		Products decoded = ChunkCodec.decode(bytes.toByteArray());
		assertThat(decoded.size()).isEqualTo(1);
		assertThat(decoded.id(0)).isEqualTo("A");
		assertThat(decoded.initialInventory(0)).isEqualTo(50);
		assertThat(decoded.durationDays(0)).isEqualTo(30);
		assertThat(decoded.hasReorderPolicy(0)).isFalse();
	}

	@Test
	void refusesAnUnknownFormat() {
		assertThatThrownBy(() -> ChunkCodec.decode(new byte[] { 9, 0, 0, 0, 0 })).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unknown chunk format 9");
	}

}
