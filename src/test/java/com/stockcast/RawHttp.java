package com.stockcast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 connection written by hand, for the few tests that must misbehave on the wire where
 * {@link TestHttp} would not: a body trickled or cut off, a length declared and never sent, a
 * request waiting for {@code 100 Continue}. Everything else goes through {@link TestHttp}.
 */
public final class RawHttp implements AutoCloseable {

	/** How long a read waits: only a server that never answers meets it, a loaded machine does not. */
	private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

	private final Socket socket;

	private RawHttp(Socket socket) {
		this.socket = socket;
	}

	/** Connects to {@code port} on the loopback interface. */
	public static RawHttp connect(int port) {
		try {
			Socket socket = new Socket("127.0.0.1", port);
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			return new RawHttp(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The header that authenticates as client test-a, for {@link #head(String, String, String...)}. */
	public static final String CREDENTIALS = TestKeys.HEADER + ": " + TestKeys.KEY;

	/**
	 * The head of a request: {@code method path HTTP/1.1}, a {@code Host}, then {@code headers} as they
	 * are given ({@code "Name: value"}; credentials only if among them), and the blank line.
	 */
	public static String head(String method, String path, String... headers) {
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		return head.append("\r\n").toString();
	}

	/** Writes {@code text} (a request head, or a piece of a body) and flushes it. */
	public RawHttp write(String text) {
		return write(text.getBytes(StandardCharsets.UTF_8));
	}

	public RawHttp write(byte[] bytes) {
		try {
			out().write(bytes);
			out().flush();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public OutputStream out() throws IOException {
		return this.socket.getOutputStream();
	}

	public InputStream in() throws IOException {
		return this.socket.getInputStream();
	}

	public Socket socket() {
		return this.socket;
	}

	/**
	 * Reads one answer up to its end, by its {@code Content-Length} or its last chunk, or until the
	 * server closes: a server may keep the connection open afterwards, waiting for a body it refused.
	 */
	public String readAnswer() {
		try {
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			InputStream in = in();
			byte[] buffer = new byte[8192];
			for (int n; !isComplete(answer.toString(StandardCharsets.UTF_8)) && (n = in.read(buffer)) > 0;) {
				answer.write(buffer, 0, n);
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The status code of an answer read by {@link #readAnswer()}. */
	public static int status(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

	private static boolean isComplete(String answer) {
		int headEnd = answer.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			return false;
		}
		String head = answer.substring(0, headEnd).toLowerCase(Locale.ROOT);
		Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
		if (length.find()) {
			return answer.getBytes(StandardCharsets.UTF_8).length - headEnd - 4 >= Integer.parseInt(length.group(1));
		}
		return head.contains("\r\ntransfer-encoding: chunked") && answer.endsWith("\r\n0\r\n\r\n");
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
