package com.stockcast.intake;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

import de.siegmar.fastcsv.reader.CsvParseException;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import org.springframework.util.unit.DataSize;

import com.stockcast.parallel.Reservation;
import com.stockcast.problem.ProblemException;

/**
 * Opens a request body for reading: undoes gzip, counts bytes against the body limit, and counts the
 * bytes the parser takes against the request's memory {@link Reservation}.
 */
final class Bodies {

	private Bodies() {
	}

	static InputStream open(InputStream raw, String contentEncoding, long contentLength, DataSize limit) {
		if (contentLength > limit.toBytes()) {
			throw IntakeProblems.bodyTooLarge(limit);
		}
		InputStream body = new LimitedInputStream(raw, limit);
		if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity")) {
			return admitted(body);
		}
		if (!contentEncoding.strip().equalsIgnoreCase("gzip") && !contentEncoding.strip().equalsIgnoreCase("x-gzip")) {
			throw IntakeProblems.unsupportedEncoding(contentEncoding.strip());
		}
		try {
			return admitted(new LimitedInputStream(gunzipped(body), limit));
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * The body inflated. Not the JDK's GZIPInputStream: it takes a member boundary for the end of the
	 * body when the next member's bytes have not arrived yet, and ignores bytes after the last member;
	 * both would drop products without a word. This reader reads every member and refuses garbage.
	 * The decoder's own failures become a {@link NotGzip} that says in plain words what is wrong; the
	 * network's (a timeout, a client gone) pass through as they are.
	 */
	private static InputStream gunzipped(InputStream body) throws IOException {
		Transport transport = new Transport(body);
		InputStream inflated;
		try {
			inflated = GzipCompressorInputStream.builder()
				.setInputStream(new BufferedInputStream(transport, 64 * 1024))
				.setDecompressConcatenated(true)
				.get();
		}
		catch (IOException ex) {
			throw transport.blame(ex);
		}
		return new FilterInputStream(inflated) {

			@Override
			public int read() throws IOException {
				try {
					return super.read();
				}
				catch (IOException ex) {
					throw transport.blame(ex);
				}
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				try {
					return super.read(buffer, offset, length);
				}
				catch (IOException ex) {
					throw transport.blame(ex);
				}
			}

		};
	}

	/** The raw body under the decoder; remembers its own failure to tell it from the decoder's. */
	private static final class Transport extends FilterInputStream {

		private IOException failure;

		Transport(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		IOException blame(IOException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t == this.failure) {
					return ex;
				}
			}
			return new NotGzip(ex);
		}

	}

	/**
	 * The decoder's failure, told in the service's words: the decoder's own message names its
	 * internals ("Input is not in the .gz format.", an {@link EOFException} without a message) and is
	 * never shown. What is known is read from the failure's kind; what is not is said generally.
	 */
	private static final class NotGzip extends ZipException {

		private final String detail;

		NotGzip(IOException decoder) {
			super("not gzip");
			initCause(decoder);
			this.detail = "The body is not valid gzip data (Content-Encoding: gzip)" + why(decoder);
		}

		String detail() {
			return this.detail;
		}

		private static String why(IOException decoder) {
			for (Throwable t = decoder; t != null; t = t.getCause()) {
				if (t instanceof EOFException) {
					return ": it ends before the end of its compressed stream.";
				}
				if (t instanceof DataFormatException) {
					return ": its compressed data is corrupt.";
				}
			}
			// Commons Compress says these only in words; should its words change, the answer is the general one.
			String message = String.valueOf(decoder.getMessage());
			if (message.contains("not in the .gz format")) {
				return ": it does not begin with a gzip header. Send it compressed, or without Content-Encoding.";
			}
			if (message.contains("after a valid .gz stream")) {
				return ": bytes that are not gzip follow the end of its compressed stream.";
			}
			if (message.contains("corrupt")) {
				return ": its compressed data is corrupt.";
			}
			return ".";
		}

	}

	/**
	 * The body as the parser takes it (inflated), counted against the request's reservation: what is
	 * parsed is what the request holds, whatever the body's declared length or encoding.
	 */
	private static InputStream admitted(InputStream body) {
		Reservation reservation = Reservation.current();
		if (reservation == null) {
			return body;
		}
		return new FilterInputStream(body) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					reservation.bodyRead(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					reservation.bodyRead(n);
				}
				return n;
			}

		};
	}

	/**
	 * The problem answer for a parser failure: a problem raised while reading (the body limit) wins
	 * over the parser's wrapping of it; otherwise the deepest known cause says what was wrong.
	 */
	static ProblemException failure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ProblemException problem) {
				return problem;
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException || t instanceof ZipException || t instanceof EOFException
					|| t instanceof SocketTimeoutException) {
				return unreadable(t);
			}
		}
		if (ex instanceof CsvParseException) {
			return IntakeProblems.unreadable("The body is not well-formed CSV: " + ex.getMessage());
		}
		return unreadable(ex);
	}

	/** The problem answer for a body that failed while being read. */
	static ProblemException unreadable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException) {
				// Tomcat's connection timeout: the body stopped arriving. Not a bad body: a slow sender.
				return IntakeProblems.bodyTimedOut();
			}
		}
		if (ex instanceof CharacterCodingException) {
			return IntakeProblems.unreadable("The body is not UTF-8 text; send the product list as CSV or JSON.");
		}
		if (ex instanceof NotGzip notGzip) {
			return IntakeProblems.unreadable(notGzip.detail());
		}
		if (ex instanceof ZipException) {
			return IntakeProblems.unreadable("The body is not valid gzip data (Content-Encoding: gzip).");
		}
		if (ex instanceof EOFException) {
			// Tomcat's, not the decoder's (that is a NotGzip): the connection ended inside the body.
			return IntakeProblems.unreadable("The body ends before all of it arrived: the connection closed midway.");
		}
		return IntakeProblems.unreadable("The request body could not be read completely.");
	}

}
