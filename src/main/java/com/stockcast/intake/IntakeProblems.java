package com.stockcast.intake;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import com.stockcast.problem.ProblemException;

/** The problem answers for a body that cannot be taken at all (as opposed to bad values in it). */
final class IntakeProblems {

	private IntakeProblems() {
	}

	static ProblemException unreadable(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body cannot be read",
				detail);
	}

	static ProblemException empty(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "empty-product-list", "The product list is empty", detail);
	}

	static ProblemException bodyTooLarge(DataSize limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
				"The body exceeds the limit of " + limit.toBytes() + " bytes (stockcast.limits.max-body-size),"
						+ " counted after decompression.");
	}

	static ProblemException tooManyProducts(int limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-many-products",
				"The product list has too many products",
				"At most " + limit + " products are accepted in one request (stockcast.limits.max-products).");
	}

	static ProblemException unsupportedEncoding(String encoding) {
		return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
				"The content encoding is not supported",
				"Content-Encoding '" + encoding + "' is not supported; send the body plain or gzip-compressed.");
	}

	static ProblemException unsupportedUpload(String contentType) {
		return unsupportedUpload("file", contentType);
	}

	static ProblemException unsupportedUpload(String part, String contentType) {
		return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"The uploaded file is not CSV",
				"The part '" + part + "' has content type '" + contentType + "'; upload a CSV file (text/csv).");
	}

	static ProblemException tooManyReceipts(int limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-many-receipts",
				"The scheduled receipts are too many",
				"At most " + limit + " receipts are accepted in one request (stockcast.limits.max-receipts).");
	}

	static ProblemException emptyHistory(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "empty-sales-history", "The sales history is empty",
				detail);
	}

	static ProblemException tooManyHistoryRows(int limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-many-history-rows",
				"The sales history has too many rows",
				"At most " + limit + " rows are accepted in one request (stockcast.limits.max-history-rows).");
	}

	static ProblemException bodyTimedOut() {
		return new ProblemException(HttpStatus.REQUEST_TIMEOUT, "upload-too-slow", "The body arrived too slowly",
				"No more of the body arrived within the connection timeout (server.tomcat.connection-timeout); "
						+ "send it at once, or through a proxy that buffers it.");
	}

}
