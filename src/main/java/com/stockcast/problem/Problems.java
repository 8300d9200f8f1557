package com.stockcast.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Writes {@code problem} as the answer outside Spring MVC (the security filter chain, rate limits),
	 * in the same shape {@link ProblemHandler} gives, with the request's path as {@code instance}.
	 * Headers such as {@code WWW-Authenticate} or {@code Retry-After} are set by the caller first.
	 */
	public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Its length given: the answer is whole as soon as it is written, whatever the request's body.
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
