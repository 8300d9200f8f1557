package com.stockcast.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.ErrorResponse;

/**
 * How a synchronous answer ended, as its metrics tag it: {@code success}, {@code accepted} (stored as
 * a job), {@code aborted} (the client went away), {@code invalid} (4xx), {@code refused} (503) or
 * {@code error}. The one place the controllers that stream answers share their outcome rules.
 */
public final class Outcome {

	public static final String SUCCESS = "success";

	public static final String ACCEPTED = "accepted";

	public static final String ABORTED = "aborted";

	public static final String ERROR = "error";

	private static final Logger log = LoggerFactory.getLogger(Outcome.class);

	private Outcome() {
	}

	/**
	 * Answers a request with {@code answer}, which returns its outcome, and hands {@code done} the
	 * outcome however the answer ends; an exception is rethrown once its outcome is recorded.
	 */
	public static void record(Supplier<String> answer, Consumer<String> done) {
		String outcome = ERROR;
		try {
			outcome = answer.get();
		}
		catch (RuntimeException ex) {
			outcome = of(ex);
			throw ex;
		}
		finally {
			done.accept(outcome);
		}
	}

	/**
	 * Answers {@code 200} with {@code body}, of {@code mediaType} in UTF-8.
	 * @return {@link #SUCCESS}, or {@link #ABORTED} when the client went away before the last byte
	 */
	public static String stream(HttpServletResponse response, String mediaType, Body body) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(mediaType + ";charset=UTF-8");
		try {
			body.writeTo(response.getOutputStream());
			return SUCCESS;
		}
		catch (IOException ex) {
			log.debug("Answer not delivered: {}", ex.toString());
			return ABORTED;
		}
	}

	/** The outcome of an answer that failed with {@code ex}: refused (503), invalid (4xx) or error. */
	static String of(RuntimeException ex) {
		if (ex instanceof ErrorResponse error) {
			int status = error.getStatusCode().value();
			return (status == 503) ? "refused" : (status < 500) ? "invalid" : ERROR;
		}
		return ERROR;
	}

	/** An answer's body, written to the response. */
	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

}
