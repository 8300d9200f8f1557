package com.stockcast.intake;

import java.util.ArrayList;
import java.util.List;

import com.stockcast.intake.Violation.Location;

/** Collects what is wrong with an input: every violation counted, the first {@code cap} kept. */
final class ViolationLog {

	private final int cap;

	private final List<Violation> kept = new ArrayList<>();

	private int count;

	private int failedRows;

	ViolationLog(int cap) {
		this.cap = cap;
	}

	void add(Location at, Field field, String value, String reason) {
		add(Violation.at(at, field.column(), value, reason));
	}

	void add(Violation violation) {
		this.count++;
		if (this.kept.size() < this.cap) {
			this.kept.add(violation);
		}
	}

	void rowFailed() {
		this.failedRows++;
	}

	int count() {
		return this.count;
	}

	boolean hasErrors() {
		return this.count > 0;
	}

	/** Throws the problem answer for everything logged, if anything was. */
	void throwIfAny() {
		if (this.count > 0) {
			throw new InvalidInputException(this.kept, this.count, this.failedRows);
		}
	}

	/** As {@link #throwIfAny()}, with the problem titled for another kind of input. */
	void throwIfAny(String title) {
		if (this.count > 0) {
			throw new InvalidInputException(title, this.kept, this.count, this.failedRows);
		}
	}

}
