package com.stockcast.intake;

import com.stockcast.intake.Violation.Location;

/**
 * One record as {@link CsvInput} and {@link JsonInput} fill it, reused from record to record: where
 * it stands (a CSV line or a JSON array index) and its values, set by column ordinal straight from
 * the parser's characters.
 */
abstract class InputRecord {

	private long line;

	private int index;

	/** Starts the values of the record at CSV {@code line}. */
	final void startLine(long line) {
		clear();
		this.line = line;
		this.index = -1;
	}

	/** Starts the values of the record at JSON array {@code index}. */
	final void startIndex(int index) {
		clear();
		this.line = -1;
		this.index = index;
	}

	/** Where the record is, made only when something is reported. */
	final Location at() {
		return (this.line >= 0) ? Location.line(this.line) : Location.index(this.index);
	}

	/** Whether the record is placed by a CSV line (rather than a JSON index). */
	final boolean onLine() {
		return this.line >= 0;
	}

	/** The record's line (CSV) or array index (JSON): its place in the input. */
	final long place() {
		return (this.line >= 0) ? this.line : this.index;
	}

	/** Takes the value of a column from {@code text[offset..offset+length)}, which the parser reuses. */
	abstract void set(int column, char[] text, int offset, int length);

	/** A JSON null: as if the value were not given. */
	abstract void setNull(int column);

	/** Forgets the values of the record before. */
	abstract void clear();

}
