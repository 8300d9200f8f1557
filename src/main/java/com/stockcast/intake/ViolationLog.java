package com.stockcast.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.stockcast.intake.Violation.Location;

/**
 * Collects what is wrong with an input: every violation counted, the first {@code cap} kept. A
 * request of several inputs (a product list and its scheduled receipts) logs them all in one, each
 * input through its own {@link #forInput view}, so that one problem lists every bad value.
 */
class ViolationLog {

	private final int cap;

	private final List<Violation> kept = new ArrayList<>();

	private int count;

	/** Violations placed in an input other than the main one (see {@link #forInput}). */
	private int placedCount;

	private int failedRows;

	ViolationLog(int cap) {
		this.cap = cap;
	}

	/** A view of this log that places what it is given in the request's input {@code input}. */
	ViolationLog forInput(String input) {
		return new InputLog(this, input);
	}

	void add(Location at, Field field, String value, String reason) {
		add(Violation.at(at, field.column(), value, reason));
	}

	void add(Violation violation) {
		this.count++;
		if (violation.input() != null) {
			this.placedCount++;
		}
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

	/** Whether the main input (the product list) has errors, whatever the others have. */
	boolean mainInputHasErrors() {
		return this.count > this.placedCount;
	}

	/** Throws the problem answer for everything logged, if anything was. */
	void throwIfAny() {
		throwIfAny(InvalidInputException.PRODUCTS_TITLE);
	}

	/**
	 * As {@link #throwIfAny()}, with the problem titled for another kind of input; titled for the
	 * scheduled receipts when every value listed is theirs.
	 */
	void throwIfAny(String title) {
		if (this.count > 0) {
			boolean receiptsOnly = this.placedCount == this.count;
			throw new InvalidInputException(receiptsOnly ? ReceiptRules.INVALID_TITLE : title, listed(), this.count,
					this.failedRows);
		}
	}

	/**
	 * The violations kept, the main input's first as they were found, then the other inputs' by
	 * place: a receipt's own values are checked as it is read, its product only after the product list.
	 */
	private List<Violation> listed() {
		if (this.placedCount == 0) {
			return this.kept;
		}
		List<Violation> listed = new ArrayList<>(this.kept);
		listed.sort(Comparator.comparing((Violation v) -> v.input() != null)
			.thenComparing(v -> (v.input() == null) ? "" : v.input())
			.thenComparingLong(v -> (v.input() == null || v.line() == null) ? 0 : v.line())
			.thenComparingInt(v -> (v.input() == null || v.index() == null) ? 0 : v.index()));
		return listed;
	}

	/** What one input of a request logs: its violations, placed in it, counted with the others. */
	private static final class InputLog extends ViolationLog {

		private final ViolationLog all;

		private final String input;

		InputLog(ViolationLog all, String input) {
			super(0);
			this.all = all;
			this.input = input;
		}

		@Override
		ViolationLog forInput(String input) {
			return this.all.forInput(input);
		}

		@Override
		void add(Violation violation) {
			this.all.add(violation.in(this.input));
		}

		@Override
		void rowFailed() {
			this.all.rowFailed();
		}

		@Override
		int count() {
			return this.all.count();
		}

		@Override
		boolean mainInputHasErrors() {
			return this.all.mainInputHasErrors();
		}

		@Override
		void throwIfAny(String title) {
			this.all.throwIfAny(title);
		}

	}

}
