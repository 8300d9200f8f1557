package com.stockcast.problem;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error path: every failure, Stockcast's own and Spring MVC's (415, 406, 405, 404, upload
 * limits...), leaves as {@code application/problem+json} with a stable type, whatever the request's
 * {@code Accept}. Unexpected failures are logged here and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private static final URI BLANK = URI.create("about:blank");

	/** The database is down or refusing work: a pause, not a fault of the caller's request. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> storageUnavailable(Exception ex, WebRequest request) {
		log.warn("Storage unavailable handling {}: {}", request.getDescription(false), ex.toString());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
				"Job storage is unavailable", "The job database cannot be reached; jobs pause until it is back.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * A multipart body that cannot be parsed (cut short, no closing boundary, no boundary at all): the
	 * caller's mistake, said in the service's words. Tomcat's parser says it in its own ("Stream ended
	 * unexpectedly", under Spring's "Failed to parse multipart servlet request"), which is never shown.
	 * Uploads past the size limit are {@code MaxUploadSizeExceededException}, answered 413 by the base class.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
		return unreadableBody(MultipartFaults.malformed(ex, request), request);
	}

	/**
	 * A well-formed multipart body without the part the endpoint reads: which parts it has instead, or
	 * that it has none (a body whose boundary never occurs in it, garbage, parts without a name).
	 */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return unreadableBody(MultipartFaults.missingPart(ex.getRequestPartName(), request), request);
	}

	private ResponseEntity<Object> unreadableBody(String detail, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body cannot be read",
				detail);
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A part whose headers run past Tomcat's limit, most often because the empty line that ends them is
	 * missing and the file is read as headers. Tomcat counts it among the size limits, so Spring would
	 * call it a body too large (413), which it is not.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String partHeaders = MultipartFaults.partHeadersTooLong(ex);
		return (partHeaders != null) ? unreadableBody(partHeaders, request)
				: super.handleMaxUploadSizeExceededException(ex, headers, status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure handling {}", request.getDescription(false), ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"The service failed unexpectedly", "The failure has been logged; nothing about it is the caller's fault.");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * An answer that has started (its status and first bytes are sent) cannot become a problem: it is
	 * cut off instead, so that the client sees an error and never a short answer that looks whole.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& servlet.getResponse().isCommitted()) {
			log.error("Answer to {} cut off after it had started: {} {}", request.getDescription(false), status,
					(body instanceof ProblemDetail problem) ? problem.getType() : "");
			AbortedAnswers.abort(servlet.getRequest(), new IllegalStateException("answer failed after it started"));
			return null;
		}
		if (body instanceof ProblemDetail problem && (problem.getType() == null || BLANK.equals(problem.getType()))) {
			problem.setType(Problems.type(slugFor(status)));
		}
		HttpHeaders answerHeaders = new HttpHeaders();
		answerHeaders.putAll(headers);
		answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(body, answerHeaders, status);
	}

	private static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "body-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "unavailable";
			default -> "http-" + status.value();
		};
	}

}
