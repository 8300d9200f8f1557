package com.stockcast.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.stockcast.intake.SalesHistory;

/**
 * The stored form of a run of SKUs of a {@link SalesHistory}, for keeping a statistics job's input
 * in chunks: a version byte, the SKU count, then per SKU its id, its day count, its first day, and
 * for each day the gap from the day before and the units. Decoding gives a history of those SKUs
 * alone, in the same order.
 */
final class HistoryCodec {

	private static final int VERSION = 1;

	private HistoryCodec() {
	}

	/** Encodes SKUs {@code from..to-1} of {@code history}. */
	public static byte[] encode(SalesHistory history, int from, int to) {
		if (from < 0 || to > history.size() || from > to) {
			throw new IndexOutOfBoundsException("SKUs " + from + ".." + to + " of " + history.size());
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64,
				16L * (to - from) + 12L * history.rows(from, to)));
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeInt(to - from);
			for (int sku = from; sku < to; sku++) {
				int n = history.days(sku);
				int[] days = history.dayArray(sku);
				double[] units = history.unitArray(sku);
				out.writeUTF(history.id(sku));
				out.writeInt(n);
				out.writeInt(days[0]);
				for (int j = 0; j < n; j++) {
					out.writeInt((j == 0) ? 0 : days[j] - days[j - 1]);
					out.writeDouble(units[j]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Decodes what {@link #encode} wrote. */
	public static SalesHistory decode(byte[] stored) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
			int version = in.readUnsignedByte();
			if (version != VERSION) {
				throw new IllegalStateException("unknown history chunk format " + version);
			}
			int count = in.readInt();
			SalesHistory.Builder history = SalesHistory.builder();
			for (int i = 0; i < count; i++) {
				int sku = history.sku(in.readUTF());
				int n = in.readInt();
				int day = in.readInt();
				for (int j = 0; j < n; j++) {
					day += in.readInt();
					history.add(sku, day, in.readDouble());
				}
			}
			return history.build((sku, day, first, repeat) -> {
				throw new IllegalStateException("stored history repeats a day of SKU " + sku);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
