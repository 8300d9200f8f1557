package com.stockcast.parallel;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.stockcast.problem.AbortedAnswers;
import com.stockcast.problem.ProblemException;
import com.stockcast.problem.Problems;

/**
 * Admits a request with a body against the {@link MemoryBudget} before its body is read, after
 * authentication and the rate limit (which refuse without reading it either). A body of known length
 * is covered whole at once, so a request that cannot fit is refused with 503 before it is sent (to a
 * client that waits for {@code 100 Continue}) or read. A body of unknown length (chunked) or a
 * compressed one is covered as it is read, and refused as soon as the budget runs out. A body that could
 * not fit even in the whole budget is refused with 413 instead: retrying would never help. Everything
 * is given back when the request ends, answered, refused, failed or abandoned.
 *
 * <p>A multipart upload is only checked against the room left: Tomcat spools its parts to disk as they
 * arrive, so it holds no heap until its part is parsed, and it is covered then, as it is read. A slow
 * uploader therefore holds no budget; a slow raw body does, so it must keep to the least upload rate.
 */
final class AdmissionFilter extends OncePerRequestFilter {

	private final MemoryBudget budget;

	private final AdmissionSettings settings;

	private final long maxDrop;

	/** @param maxDrop most of a refused body read and dropped, so that its client gets the answer */
	AdmissionFilter(MemoryBudget budget, long maxDrop) {
		this.budget = budget;
		this.settings = budget.settings();
		this.maxDrop = maxDrop;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (Reservation reservation = new Reservation(this.budget)) {
			try {
				admit(request, reservation);
			}
			catch (ProblemException refusal) {
				dropBody(request);
				refuse(request, response, refusal);
				return;
			}
			reservation.bind();
			chain.doFilter(new Admitted(request, this.settings), response);
		}
	}

	/** @throws ProblemException 503 when the body does not fit now, 413 when it never could */
	private void admit(HttpServletRequest request, Reservation reservation) {
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			long held = this.settings.heldFor(Math.max(length, 0));
			if (!this.budget.fits(held)) {
				throw this.budget.refusal(0, held);
			}
			return;
		}
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		boolean plain = encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity");
		reservation.coverBody((plain && length >= 0) ? length : Math.max(length, this.settings.unknownLength().toBytes()));
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException refusal)
			throws IOException {
		String retryAfter = refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		Problems.write(refusal.getBody(), request, response);
	}

	/**
	 * Before a refusal is answered, reads and drops the body while it keeps to the least upload rate, so
	 * that a client that sends its whole body before it reads gets its answer instead of a reset (the
	 * answer cannot come first: once it is complete, Tomcat closes the body). A client waiting for 100
	 * Continue sends nothing and is answered at once; a body too slow or too large is left unread and
	 * the connection closed after the answer. Dropped bytes take no heap.
	 */
	private void dropBody(HttpServletRequest request) {
		String expect = request.getHeader(HttpHeaders.EXPECT);
		if (expect != null && expect.equalsIgnoreCase("100-continue")) {
			return;
		}
		if (request.getContentLengthLong() > this.maxDrop) {
			AbortedAnswers.leaveBodyUnread(request);
			return;
		}
		byte[] buffer = new byte[8192];
		long dropped = 0;
		try (ServletInputStream body = new RateCheckedBody(request.getInputStream(), this.settings)) {
			int n;
			while ((n = body.read(buffer)) >= 0) {
				dropped += n;
				if (dropped > this.maxDrop) {
					AbortedAnswers.leaveBodyUnread(request);
					return;
				}
			}
		}
		catch (IOException | ProblemException tooSlowOrGone) {
			AbortedAnswers.leaveBodyUnread(request);
		}
	}

	/** The request with its body read at no less than the least upload rate. */
	private static final class Admitted extends HttpServletRequestWrapper {

		private final AdmissionSettings settings;

		private ServletInputStream body;

		Admitted(HttpServletRequest request, AdmissionSettings settings) {
			super(request);
			this.settings = settings;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new RateCheckedBody(super.getInputStream(), this.settings);
			}
			return this.body;
		}

	}

	/**
	 * Refuses, with 408, a body arriving slower than {@link AdmissionSettings#minUploadRate()} on average
	 * once {@link AdmissionSettings#uploadGrace()} has passed. Tomcat's connection timeout bounds a read
	 * that gets nothing at all; this bounds a body that trickles in, a few bytes before each timeout.
	 * Only the time spent waiting in reads counts: the client's pace, not the time the service takes to
	 * parse what it has (a gzip body inflating, a busy machine).
	 */
	private static final class RateCheckedBody extends ServletInputStream {

		private final ServletInputStream in;

		private final AdmissionSettings settings;

		private long waited;

		private long read;

		RateCheckedBody(ServletInputStream in, AdmissionSettings settings) {
			this.in = in;
			this.settings = settings;
		}

		@Override
		public int read() throws IOException {
			long started = System.nanoTime();
			int b = this.in.read();
			counted((b < 0) ? -1 : 1, started);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			long started = System.nanoTime();
			return counted(this.in.read(buffer, offset, length), started);
		}

		private int counted(int n, long started) {
			this.waited += System.nanoTime() - started;
			if (n > 0) {
				this.read += n;
				if (this.settings.tooSlow(this.read, this.waited)) {
					throw tooSlow(this.settings.minUploadRate().toBytes());
				}
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

	}

	static ProblemException tooSlow(long minBytesPerSecond) {
		return new ProblemException(HttpStatus.REQUEST_TIMEOUT, "upload-too-slow", "The body arrived too slowly",
				"The body must arrive at " + minBytesPerSecond + " bytes per second or more on average "
						+ "(stockcast.admission.min-upload-rate); send it at once, or through a proxy that buffers it.");
	}

}
