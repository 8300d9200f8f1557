package com.stockcast.intake;

/**
 * Product ids already accepted, with their SKU index, looked up straight from a parser's characters:
 * an id seen before costs a hash and a comparison, not a string. Open addressing, linear probing.
 */
final class IdIndex {

	private String[] ids = new String[1024];

	private int[] skus = new int[1024];

	private int size;

	/** The slot of the id in {@code text[offset..offset+length)}, or -1 when it was not added. */
	int find(char[] text, int offset, int length) {
		int mask = this.ids.length - 1;
		for (int slot = hash(text, offset, length) & mask;; slot = (slot + 1) & mask) {
			String id = this.ids[slot];
			if (id == null) {
				return -1;
			}
			if (equal(id, text, offset, length)) {
				return slot;
			}
		}
	}

	/** The slot of {@code id}, or -1 when it was not added. */
	int find(String id) {
		int mask = this.ids.length - 1;
		for (int slot = spread(id.hashCode()) & mask;; slot = (slot + 1) & mask) {
			String known = this.ids[slot];
			if (known == null) {
				return -1;
			}
			if (known.equals(id)) {
				return slot;
			}
		}
	}

	String id(int slot) {
		return this.ids[slot];
	}

	int sku(int slot) {
		return this.skus[slot];
	}

	void add(String id, int sku) {
		if (2 * (this.size + 1) > this.ids.length) {
			String[] oldIds = this.ids;
			int[] oldSkus = this.skus;
			this.ids = new String[oldIds.length * 2];
			this.skus = new int[oldIds.length * 2];
			for (int i = 0; i < oldIds.length; i++) {
				if (oldIds[i] != null) {
					put(oldIds[i], oldSkus[i]);
				}
			}
		}
		put(id, sku);
		this.size++;
	}

	private void put(String id, int sku) {
		int mask = this.ids.length - 1;
		int slot = spread(id.hashCode()) & mask;
		while (this.ids[slot] != null) {
			slot = (slot + 1) & mask;
		}
		this.ids[slot] = id;
		this.skus[slot] = sku;
	}

	/** {@link String#hashCode()} of the characters, spread as {@link #put} spreads a string's. */
	private static int hash(char[] text, int offset, int length) {
		int h = 0;
		for (int i = offset; i < offset + length; i++) {
			h = 31 * h + text[i];
		}
		return spread(h);
	}

	private static int spread(int h) {
		return h ^ (h >>> 16);
	}

	private static boolean equal(String id, char[] text, int offset, int length) {
		if (id.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (id.charAt(i) != text[offset + i]) {
				return false;
			}
		}
		return true;
	}

}
