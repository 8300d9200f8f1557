package com.stockcast.server;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

import com.stockcast.problem.AbortedAnswers;

/**
 * What happens to a connection once its request has left the application, on the API port:
 * <ul>
 * <li>An answer that failed after its 200 had started ({@link AbortedAnswers#abort}) is cut off: the
 * connection is closed without the end of the body, so that the client sees an error.
 * <li>A body too slow or too large to wait for (a 408, or {@link AbortedAnswers#leaveBodyUnread}) is not
 * read any further and the connection is closed after the answer. Tomcat would otherwise read and drop
 * the rest of it (up to {@code server.tomcat.max-swallow-size}) at whatever rate it comes, and a client
 * sending two bytes a second would keep the request thread for as long as it likes.
 * </ul>
 */
final class ConnectionValve extends ValveBase {

	ConnectionValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		Throwable aborted = AbortedAnswers.cause(request);
		if (aborted != null) {
			response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, aborted);
		}
		else if (response.getStatus() == HttpStatus.REQUEST_TIMEOUT.value() || AbortedAnswers.bodyLeftUnread(request)) {
			response.getCoyoteResponse().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

}
