package com.stockcast.server;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import com.stockcast.parallel.AdmissionSettings;
import com.stockcast.problem.AbortedAnswers;

/**
 * What happens to a connection once its request has left the application, on the API port:
 * <ul>
 * <li>An answer that failed after its 200 had started ({@link AbortedAnswers}) is cut off: the
 * connection is closed without the end of the body, so that the client sees an error.
 * <li>A body left unread (the request was refused before its body was read: 401, 429, 503, 408) is
 * read and dropped while it keeps to the least upload rate, up to {@code server.tomcat.max-swallow-size},
 * so that a client that sends its whole body before reading gets its answer. Tomcat would drop it too,
 * but at any rate, so that a slow client would keep the request thread for as long as it trickles; a
 * body too slow or too large is not read further and the connection is closed.
 * </ul>
 */
final class ConnectionValve extends ValveBase {

	private final AdmissionSettings settings;

	private final long maxDrop;

	ConnectionValve(AdmissionSettings settings, long maxDrop) {
		super(true);
		this.settings = settings;
		this.maxDrop = maxDrop;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		Throwable aborted = AbortedAnswers.cause(request);
		if (aborted != null) {
			response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, aborted);
			return;
		}
		if (response.getStatus() >= 400 && hasUnreadBody(request) && !dropBody(request)) {
			response.getCoyoteResponse().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	private static boolean hasUnreadBody(Request request) {
		// A client waiting for 100 Continue that got a final answer instead sends no body: Tomcat knows.
		String expect = request.getHeader("Expect");
		return (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)
				&& (expect == null || !expect.equalsIgnoreCase("100-continue"));
	}

	/** Reads and drops the rest of the body; false when it is too slow or too large to wait for. */
	private boolean dropBody(Request request) {
		long started = System.nanoTime();
		long dropped = 0;
		byte[] buffer = new byte[8192];
		try {
			InputStream body = request.getInputStream();
			int n;
			while ((n = body.read(buffer)) >= 0) {
				dropped += n;
				if (dropped > this.maxDrop || this.settings.tooSlow(dropped, System.nanoTime() - started)) {
					return false;
				}
			}
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

}
