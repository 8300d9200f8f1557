package com.stockcast.intake;

import java.util.Arrays;

import com.stockcast.intake.Violation.Location;

/**
 * Where each added row came from (CSV line or JSON index), kept as runs of a constant offset
 * between row number and place: a few entries for a whole input, rather than one per row.
 */
final class Places {

	private long[] fromRow = new long[16];

	private long[] offset = new long[16];

	private int runs;

	private boolean lines;

	void added(long row, long place, boolean line) {
		this.lines = line;
		long delta = place - row;
		if (this.runs > 0 && this.offset[this.runs - 1] == delta) {
			return;
		}
		if (this.runs == this.fromRow.length) {
			this.fromRow = Arrays.copyOf(this.fromRow, this.runs * 2);
			this.offset = Arrays.copyOf(this.offset, this.runs * 2);
		}
		this.fromRow[this.runs] = row;
		this.offset[this.runs] = delta;
		this.runs++;
	}

	Location at(long row) {
		int found = Arrays.binarySearch(this.fromRow, 0, this.runs, row);
		int run = (found >= 0) ? found : -found - 2;
		long place = row + this.offset[run];
		return this.lines ? Location.line(place) : Location.index((int) place);
	}

}
