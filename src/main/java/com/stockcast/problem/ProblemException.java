package com.stockcast.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A user-facing failure that carries its problem detail. Thrown anywhere in request handling,
 * answered by {@link ProblemHandler} with the detail as body; no stack trace reaches the client.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
		this(Problems.of(status, slug, title, detail));
	}

	public ProblemException(ProblemDetail problem) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
	}

	@Override
	public String getMessage() {
		return getBody().getTitle() + ": " + getBody().getDetail();
	}

}
