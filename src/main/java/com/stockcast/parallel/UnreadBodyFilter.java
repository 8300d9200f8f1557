package com.stockcast.parallel;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.stockcast.problem.AbortedAnswers;
import com.stockcast.problem.ProblemException;

/**
 * Reads and drops what the application left unread of a request's body before the first byte of its
 * answer, while the body keeps to the least upload rate and up to {@code stockcast.admission.max-drop};
 * past either, the body is left unread and the connection closed after the answer.
 *
 * <p>Why before: a client that sends its whole body before it reads would otherwise get a reset instead
 * of its answer (once an answer is complete, Tomcat no longer reads the body). Why here and not in
 * Tomcat: Tomcat reads and drops the rest after the answer ({@code max-swallow-size}) at whatever rate
 * it comes, so a client that trickles a body to a request refused for its credentials, its rate or its
 * size, or to an endpoint that takes no body, would keep a request thread for as long as it likes.
 *
 * <p>It applies to error answers, whatever the application read, and to answers of requests whose body
 * the application never touched; a successful answer that streams while its request's body is read is
 * left alone. A client waiting for {@code 100 Continue} that was sent nothing has sent no body, and is
 * answered at once. Dropped bytes take no heap.
 */
final class UnreadBodyFilter extends OncePerRequestFilter {

	private final AdmissionSettings settings;

	UnreadBodyFilter(AdmissionSettings settings) {
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !hasBody(request);
	}

	/** Whether a request comes with a body: a length above zero, or one sent in chunks. */
	static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Tracked tracked = new Tracked(request);
		Answer answer = new Answer(response, tracked, this.settings);
		try {
			chain.doFilter(tracked, answer);
		}
		finally {
			if (!response.isCommitted()) {
				// An exception on its way to the error page, or an answer without a body.
				answer.beforeAnswer();
			}
		}
	}

	/** The request, knowing whether the application has read any of its body. */
	private static final class Tracked extends HttpServletRequestWrapper {

		private volatile boolean touched;

		private volatile boolean parts;

		Tracked(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			this.touched = true;
			return super.getInputStream();
		}

		@Override
		public java.util.Collection<jakarta.servlet.http.Part> getParts() throws IOException, ServletException {
			this.touched = true;
			this.parts = true;
			return super.getParts();
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			this.touched = true;
			return super.getReader();
		}

		/** Drops the rest of the body, or marks it to be left unread. */
		void drop(AdmissionSettings settings) {
			String expect = getHeader(HttpHeaders.EXPECT);
			if (!this.touched && expect != null && expect.equalsIgnoreCase("100-continue")) {
				return;
			}
			if (this.parts) {
				// Tomcat read the multipart body itself: whole, or it gave up on it and closes the connection.
				return;
			}
			if (getContentLengthLong() > settings.maxDrop().toBytes()) {
				AbortedAnswers.leaveBodyUnread(this);
				return;
			}
			byte[] buffer = new byte[8192];
			long dropped = 0;
			try {
				ServletInputStream body = new RateCheckedBody(getRequest().getInputStream(), settings);
				int n;
				while ((n = body.read(buffer)) >= 0) {
					dropped += n;
					if (dropped > settings.maxDrop().toBytes()) {
						AbortedAnswers.leaveBodyUnread(this);
						return;
					}
				}
			}
			catch (IOException | ProblemException | IllegalStateException tooSlowGoneOrReadAsText) {
				AbortedAnswers.leaveBodyUnread(this);
			}
		}

	}

	/** The response, dropping the request's unread body before the first byte of an answer that allows it. */
	private static final class Answer extends HttpServletResponseWrapper {

		private final Tracked request;

		private final AdmissionSettings settings;

		private boolean settled;

		private ServletOutputStream out;

		Answer(HttpServletResponse response, Tracked request, AdmissionSettings settings) {
			super(response);
			this.request = request;
			this.settings = settings;
		}

		void beforeAnswer() {
			if (this.settled) {
				return;
			}
			this.settled = true;
			if (getStatus() >= 400 || !this.request.touched) {
				this.request.drop(this.settings);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.out == null) {
				this.out = new Settling(super.getOutputStream(), this);
			}
			return this.out;
		}

		@Override
		public java.io.PrintWriter getWriter() throws IOException {
			beforeAnswer();
			return super.getWriter();
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			setStatus(sc);
			beforeAnswer();
			super.sendError(sc, msg);
		}

		@Override
		public void sendError(int sc) throws IOException {
			setStatus(sc);
			beforeAnswer();
			super.sendError(sc);
		}

		@Override
		public void flushBuffer() throws IOException {
			beforeAnswer();
			super.flushBuffer();
		}

	}

	/** The answer's body, settling the request's body before its first byte leaves. */
	private static final class Settling extends ServletOutputStream {

		private final ServletOutputStream out;

		private final Answer answer;

		Settling(ServletOutputStream out, Answer answer) {
			this.out = out;
			this.answer = answer;
		}

		@Override
		public void write(int b) throws IOException {
			this.answer.beforeAnswer();
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.answer.beforeAnswer();
			this.out.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			this.answer.beforeAnswer();
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			this.answer.beforeAnswer();
			this.out.close();
		}

		@Override
		public boolean isReady() {
			return this.out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.out.setWriteListener(listener);
		}

	}

}
