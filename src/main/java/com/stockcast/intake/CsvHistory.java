package com.stockcast.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import com.stockcast.intake.Violation.Location;

/** Reads a sales history from CSV: a header row, then one row per product and day, in any order. */
final class CsvHistory {

	private CsvHistory() {
	}

	static SalesHistory read(InputStream body, IntakeLimits limits) {
		ViolationLog log = new ViolationLog(limits.maxErrors());
		HistoryRules rules = new HistoryRules(log);
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		Records handler = new Records(rules.newRow());
		CsvReader<HistoryRow> reader = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.build(handler, new InputStreamReader(body, decoder));
		try (CloseableIterator<HistoryRow> records = reader.iterator()) {
			if (!records.hasNext()) {
				throw IntakeProblems.emptyHistory(
						"The request body is empty; send a header row (product_id,date,units) and one row per product and day.");
			}
			records.next();
			int columns = handler.useHeader(log);
			long rows = 0;
			while (records.hasNext()) {
				HistoryRow row = records.next();
				if (++rows > limits.maxHistoryRows()) {
					throw IntakeProblems.tooManyHistoryRows(limits.maxHistoryRows());
				}
				if (handler.fieldCount() != columns) {
					log.add(Violation.at(row.at(), null, null,
							"has " + handler.fieldCount() + " fields; the header has " + columns));
					log.rowFailed();
					continue;
				}
				rules.apply(row);
			}
			if (rows == 0) {
				throw IntakeProblems.emptyHistory("The CSV has a header row but no sales.");
			}
		}
		catch (CsvParseException | UncheckedIOException | IOException ex) {
			throw Bodies.failure(ex);
		}
		return rules.build();
	}

	/** Hands FastCSV's fields straight to one reused {@link HistoryRow}, by the header's column map. */
	private static final class Records extends AbstractBaseCsvCallbackHandler<HistoryRow> {

		private final HistoryRow row;

		private List<String> header = new ArrayList<>();

		private long headerLine;

		/** Column by field ordinal, null for ignored fields; null itself while the header row is read. */
		private HistoryColumn[] columns;

		private int fieldCount;

		Records(HistoryRow row) {
			this.row = row;
		}

		@Override
		protected void handleBegin(long startingLineNumber) {
			if (this.columns == null) {
				this.header.clear();
				this.headerLine = startingLineNumber;
			}
			else {
				this.row.startLine(startingLineNumber);
			}
		}

		@Override
		protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
			if (this.columns == null) {
				this.header.add(new String(buf, offset, len));
			}
			else if (fieldIdx < this.columns.length && this.columns[fieldIdx] != null) {
				this.row.set(this.columns[fieldIdx], buf, offset, len);
			}
		}

		@Override
		protected HistoryRow buildRecord() {
			this.fieldCount = getFieldCount();
			return this.row;
		}

		int fieldCount() {
			return this.fieldCount;
		}

		int useHeader(ViolationLog log) {
			this.columns = header(this.header, Location.line(this.headerLine), log);
			this.header = null;
			return this.columns.length;
		}

	}

	private static HistoryColumn[] header(List<String> header, Location at, ViolationLog log) {
		HistoryColumn[] columns = new HistoryColumn[header.size()];
		boolean[] seen = new boolean[HistoryColumn.ALL.length];
		for (int c = 0; c < columns.length; c++) {
			String name = header.get(c);
			if (c == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
				name = name.substring(1);
				if (columns.length == 1 && name.isBlank()) {
					throw IntakeProblems.emptyHistory("The request body holds nothing but a byte order mark.");
				}
			}
			if (name.indexOf('\0') >= 0) {
				throw IntakeProblems.unreadable("The body is not CSV text: its first line holds binary data.");
			}
			HistoryColumn column = HistoryColumn.byName(name);
			if (column != null) {
				if (seen[column.ordinal()]) {
					log.add(Violation.at(at, column.column(), name, "column appears more than once"));
					continue;
				}
				seen[column.ordinal()] = true;
				columns[c] = column;
			}
		}
		for (HistoryColumn column : HistoryColumn.ALL) {
			if (!seen[column.ordinal()]) {
				log.add(Violation.at(at, column.column(), null, "required column is missing"));
			}
		}
		log.throwIfAny(HistoryRules.INVALID_TITLE);
		return columns;
	}

}
