package com.stockcast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The reference files under {@code src/test/resources/reference}, and gzip for bodies sent compressed. */
public final class TestResources {

	private TestResources() {
	}

	public static byte[] bytes(String name) {
		try (InputStream in = TestResources.class.getResourceAsStream("/reference/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource /reference/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	public static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
