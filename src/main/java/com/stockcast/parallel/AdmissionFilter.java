package com.stockcast.parallel;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

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

	AdmissionFilter(MemoryBudget budget) {
		this.budget = budget;
		this.settings = budget.settings();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !UnreadBodyFilter.hasBody(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (Reservation reservation = new Reservation(this.budget)) {
			try {
				admit(request, reservation);
			}
			catch (ProblemException refusal) {
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
		if (Preferences.respondAsync(request.getHeader(Preferences.PREFER))) {
			// A job's input is stored as it streams in, holding a window of it: covered as it is read, not whole.
			reservation.coverBody(this.settings.unknownLength().toBytes());
			return;
		}
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


}
