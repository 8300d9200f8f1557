package com.stockcast.problem;

import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to errors that happen outside Spring MVC's handlers (in a filter, or in the servlet
 * container), in place of Boot's default error body: the same problem shape as every other error,
 * with the status only, never the exception, its message or a trace.
 */
@Hidden // not an operation: the container forwards failed requests here
@RestController
class ErrorAnswers implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
		if (response.isCommitted()) {
			// Tomcat includes this page into an answer that had started, then closes the connection:
			// nothing may be added to what the client already has.
			AbortedAnswers.abort(request, new IllegalStateException("answer failed after it started"));
			return null;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.NOT_FOUND;
		}
		ProblemDetail problem = status.is5xxServerError()
				? Problems.of(status, "internal-error", "The service failed unexpectedly",
						"The failure has been logged; nothing about it is the caller's fault.")
				: Problems.of(status, (status == HttpStatus.NOT_FOUND) ? "not-found" : "http-" + status.value(),
						status.getReasonPhrase(), "The request failed with status " + status.value() + ".");
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			problem.setInstance(URI.create(uri instanceof String path ? path : request.getRequestURI()));
		}
		catch (IllegalArgumentException notAUri) {
			// Left out: the path is the caller's and need not be a valid URI.
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
