package com.stockcast.forecast;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 digest of what makes two submissions the same request: the body as sent, how it is
 * encoded, and the query settings. An idempotency key is honoured only for the same fingerprint.
 */
final class Fingerprint {

	/** Computes nothing: for requests that name no idempotency key, so plain requests pay no digest. */
	static final Fingerprint NONE = new Fingerprint();

	private final MessageDigest digest;

	private Fingerprint() {
		this.digest = null;
	}

	private Fingerprint(String kind, String contentEncoding, Map<String, String> settings) {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
		update(kind + "\n" + (contentEncoding == null ? "" : contentEncoding.strip()) + "\n"
				+ new TreeMap<>(settings) + "\n");
	}

	static Fingerprint of(String kind, String contentEncoding, Map<String, String> settings) {
		return new Fingerprint(kind, contentEncoding, settings);
	}

	/** Feeds every byte read from {@code body} into the digest. */
	InputStream tee(InputStream body) {
		if (this.digest == null) {
			return body;
		}
		return new FilterInputStream(body) {
			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					Fingerprint.this.digest.update((byte) b);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					Fingerprint.this.digest.update(buffer, offset, n);
				}
				return n;
			}
		};
	}

	/** Reads {@code body} to its end into the digest. */
	void readAll(InputStream body) throws IOException {
		if (this.digest == null) {
			return;
		}
		byte[] buffer = new byte[64 * 1024];
		int n;
		while ((n = body.read(buffer)) > 0) {
			this.digest.update(buffer, 0, n);
		}
	}

	/** Marks where a part named {@code name} begins, so that the same bytes under another part differ. */
	void part(String name) {
		if (this.digest != null) {
			update("\npart:" + name + "\n");
		}
	}

	/** The digest, or {@code null} when nothing was computed. */
	String hex() {
		if (this.digest == null) {
			return null;
		}
		return HexFormat.of().formatHex(this.digest.digest());
	}

	private void update(String text) {
		this.digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

}
