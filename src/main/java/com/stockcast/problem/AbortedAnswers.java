package com.stockcast.problem;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers that failed after their {@code 200} had started. The status and part of the body are on the
 * wire, so no problem can be sent; ending the answer normally would hand the client a well-formed but
 * short CSV or JSON that looks whole. Instead the connection is closed without ending the body: a
 * chunked answer lacks its last chunk, and every HTTP client reports an error.
 *
 * <p>The servlet API cannot do that, so a Tomcat valve does it ({@code com.stockcast.server}, as
 * Tomcat's own error valve does for an exception it sees after commit), once the request has left the
 * application. Relying on the
 * exception reaching Tomcat is not enough: Tomcat first tries the error page, and when that fails too
 * (as after an {@code OutOfMemoryError}) it ends the answer normally.
 */
public final class AbortedAnswers {

	static final String ATTRIBUTE = AbortedAnswers.class.getName() + ".cause";

	static final String UNREAD = AbortedAnswers.class.getName() + ".unread";

	private AbortedAnswers() {
	}

	/** Marks the request's answer to be cut off instead of ended when the request leaves the application. */
	public static void abort(HttpServletRequest request, Throwable cause) {
		request.setAttribute(ATTRIBUTE, cause);
	}

	/**
	 * Marks the request's body as not to be read any further: the connection is closed after the
	 * answer instead of the rest of the body being read and dropped (for a body that arrives too slowly
	 * to wait for).
	 */
	public static void leaveBodyUnread(HttpServletRequest request) {
		request.setAttribute(UNREAD, Boolean.TRUE);
	}

	/** Whether {@link #leaveBodyUnread} marked the request. */
	public static boolean bodyLeftUnread(ServletRequest request) {
		return request.getAttribute(UNREAD) != null;
	}

	/** What cut off the request's answer, when {@link #abort} marked it; {@code null} otherwise. */
	public static Throwable cause(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Throwable cause) ? cause : null;
	}

}
