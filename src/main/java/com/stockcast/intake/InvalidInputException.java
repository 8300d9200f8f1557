package com.stockcast.intake;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.stockcast.problem.ProblemException;
import com.stockcast.problem.Problems;

/** 400: rows or parameters break the input rules; lists what is wrong and where. Nothing was computed. */
public class InvalidInputException extends ProblemException {

	static final String PRODUCTS_TITLE = "The product list has invalid values";

	/** A bad query parameter says so: it may not be about a product list at all (a page size, a horizon). */
	static final String PARAMETER_TITLE = "The request has an invalid parameter";

	InvalidInputException(List<Violation> errors, int errorCount, int failedRows) {
		this(PRODUCTS_TITLE, errors, errorCount, failedRows);
	}

	InvalidInputException(String title, List<Violation> errors, int errorCount, int failedRows) {
		super(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", title,
				describe(errorCount, failedRows, errors.size())));
		getBody().setProperty("errorCount", errorCount);
		getBody().setProperty("errors", List.copyOf(errors));
	}

	/** A single bad query parameter, reported in the same shape as bad rows. */
	public static InvalidInputException forParameter(String name, String value, String reason) {
		return new InvalidInputException(PARAMETER_TITLE,
				List.of(Violation.at(Violation.Location.QUERY, name, value, reason)), 1, 0);
	}

	/** As {@link #forParameter(String, String, String)}, for a request about a sales history. */
	public static InvalidInputException forHistoryParameter(String name, String value, String reason) {
		return new InvalidInputException(HistoryRules.INVALID_TITLE,
				List.of(Violation.at(Violation.Location.QUERY, name, value, reason)), 1, 0);
	}

	private static String describe(int errorCount, int failedRows, int listed) {
		StringBuilder sb = new StringBuilder();
		sb.append(errorCount).append(errorCount == 1 ? " error" : " errors");
		if (failedRows > 0) {
			sb.append(" in ").append(failedRows).append(failedRows == 1 ? " row" : " rows");
		}
		sb.append("; nothing was computed.");
		if (listed < errorCount) {
			sb.append(" The first ").append(listed).append(" are listed.");
		}
		return sb.toString();
	}

}
