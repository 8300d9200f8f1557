package com.stockcast.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with Stockcast's stable {@code type} URIs. Every problem the service
 * answers with has a type of the form {@code urn:stockcast:problem:<slug>}, listed in the README.
 */
public final class Problems {

	private static final String PREFIX = "urn:stockcast:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	public static URI type(String slug) {
		return URI.create(PREFIX + slug);
	}

}
