package com.stockcast.intake;

import java.util.function.Function;
import java.util.function.IntFunction;

import com.stockcast.problem.ProblemException;

/**
 * One kind of input (a product list, a sales history) as {@link CsvInput} and {@link JsonInput} read
 * it: its columns, the record they fill and the rules that take each record. Header matching, the
 * byte order mark, blank lines, line and index numbering, the record limit and the parser failures
 * belong to the readers, once for every kind. One instance reads one input.
 * @param <R> the record the readers fill
 * @param <T> what the input becomes
 */
abstract class InputKind<R extends InputRecord, T> {

	/**
	 * What holds for every input of a kind: its column names by ordinal (lower case, as a CSV header or
	 * a JSON object names them), the title of its invalid-values answer, its answers for a body with no
	 * records or too many, and what the readers say of records of the wrong shape.
	 */
	record Words(String[] columns, String invalidTitle, Function<String, ProblemException> empty,
			IntFunction<ProblemException> tooMany, String emptyCsv, String noRowsCsv, String emptyJson,
			String notArray, String noObjects, String notObject) {
	}

	final Words words;

	final ViolationLog log;

	/** The one record the readers fill again and again. */
	final R record;

	final int maxRecords;

	/** Whether a reader has begun this input: an optional part of a body may be absent. */
	boolean begun;

	InputKind(Words words, ViolationLog log, R record, int maxRecords) {
		this.words = words;
		this.log = log;
		this.record = record;
		this.maxRecords = maxRecords;
	}

	/** Validates one record and keeps it when every value is good; logs every bad one. */
	abstract void apply(R record);

	/** What was read, or the problem answer naming every bad value. */
	abstract T result();

	/**
	 * Whether an input of no records (an empty body, a header only, an empty array) is taken as such
	 * rather than refused: scheduled receipts may well be none.
	 */
	boolean mayBeEmpty() {
		return false;
	}

	/**
	 * Told by {@link JsonInput} that the body is an object, which may carry records of another input
	 * to be matched against this one's once both are read (scheduled receipts): nothing is handed on
	 * before the end.
	 */
	void objectBody() {
	}

	/** Why a header without this column is refused; {@code null} where the column may be left out. */
	String missing(int column) {
		return "required column is missing";
	}

	ProblemException empty(String detail) {
		return this.words.empty().apply(detail);
	}

	ProblemException tooManyRecords() {
		return this.words.tooMany().apply(this.maxRecords);
	}

	/** Matches a header name or JSON property: case-insensitive, surrounding blanks ignored; -1 for none. */
	static int column(String[] columns, String name) {
		String key = name.strip();
		for (int c = 0; c < columns.length; c++) {
			if (columns[c].equalsIgnoreCase(key)) {
				return c;
			}
		}
		return -1;
	}

}
