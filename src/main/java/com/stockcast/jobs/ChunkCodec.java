package com.stockcast.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.stockcast.simulation.Products;

/**
 * The stored form of a chunk's products: a compact binary record per product, in input order.
 * Version 2 adds the demand's deviation and the reorder policy; version 1 chunks still read.
 */
final class ChunkCodec {

	private static final int VERSION = 2;

	private ChunkCodec() {
	}

	static byte[] encode(Products products, int from, int to) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * 56);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
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
			if (version != 1 && version != VERSION) {
				throw new IllegalStateException("unknown chunk format " + version);
			}
			int count = in.readInt();
			Products.Builder products = Products.builder();
			for (int i = 0; i < count; i++) {
				products.add(in.readUTF(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(),
						in.readInt());
				if (version >= 2) {
					products.salesStd(in.readDouble());
					int leadTime = in.readInt();
					if (leadTime >= 0) {
						products.reorderPolicy(in.readDouble(), in.readDouble(), leadTime);
					}
				}
			}
			return products.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
