package com.stockcast.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an input: where (a CSV line, or a JSON array index, or a query parameter),
 * which column, the offending value and why. Part of the problem body, hence public.
 *
 * @param input the input the value is in when a request carries more than the product list
 * ({@code receipts}); absent for the product list itself
 * @param line the 1-based CSV line, for CSV input
 * @param index the 0-based array index, for JSON input
 * @param parameter the query parameter, for a request-level value
 * @param column the field (column) name, for a row's value
 * @param value the offending value as given, shortened when long
 * @param reason why it is refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Violation(String input, Long line, Integer index, String parameter, String column, String value,
		String reason) {

	private static final int MAX_VALUE_LENGTH = 80;

	static Violation at(Location location, String column, String value, String reason) {
		if (location == Location.QUERY) {
			return new Violation(null, null, null, column, null, shorten(value), reason);
		}
		return new Violation(null, location.line(), location.index(), null, column, shorten(value), reason);
	}

	/** This violation, placed in the request's input {@code input} (its line or index count within it). */
	Violation in(String input) {
		return new Violation(input, this.line, this.index, this.parameter, this.column, this.value, this.reason);
	}

	private static String shorten(String value) {
		if (value == null || value.length() <= MAX_VALUE_LENGTH) {
			return value;
		}
		return value.substring(0, MAX_VALUE_LENGTH) + "...";
	}

	/** Where a record sits in its input: a CSV line or a JSON array index, or neither for a query parameter. */
	record Location(Long line, Integer index) {

		static final Location QUERY = new Location(null, null);

		static Location line(long line) {
			return new Location(line, null);
		}

		static Location index(int index) {
			return new Location(null, index);
		}

	}

}
