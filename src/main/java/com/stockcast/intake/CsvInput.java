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

/**
 * Reads CSV of any {@link InputKind} (docs/forecast-contract.md#input): a header row naming the
 * columns, then one record per row; blank lines are skipped.
 */
final class CsvInput {

	private CsvInput() {
	}

	static <R extends InputRecord, T> T read(InputStream body, InputKind<R, T> kind) {
		ViolationLog log = kind.log;
		kind.begun = true;
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		Records<R> handler = new Records<>(kind.record);
		CsvReader<R> reader = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.build(handler, new InputStreamReader(body, decoder));
		try (CloseableIterator<R> records = reader.iterator()) {
			if (!records.hasNext()) {
				if (kind.mayBeEmpty()) {
					return kind.result();
				}
				throw kind.empty(kind.words.emptyCsv());
			}
			records.next();
			int columns = handler.useHeader(kind);
			long rows = 0;
			while (records.hasNext()) {
				R record = records.next();
				if (++rows > kind.maxRecords) {
					throw kind.tooManyRecords();
				}
				if (handler.fieldCount() != columns) {
					log.add(Violation.at(record.at(), null, null,
							"has " + handler.fieldCount() + " fields; the header has " + columns));
					log.rowFailed();
					continue;
				}
				kind.apply(record);
			}
			if (rows == 0 && !kind.mayBeEmpty()) {
				throw kind.empty(kind.words.noRowsCsv());
			}
		}
		catch (CsvParseException | UncheckedIOException | IOException ex) {
			throw Bodies.failure(ex);
		}
		return kind.result();
	}

	/**
	 * Hands FastCSV's fields straight to one reused record, by the header's column map, so a row costs
	 * no string but those its record keeps. The header row itself is kept as strings.
	 */
	private static final class Records<R extends InputRecord> extends AbstractBaseCsvCallbackHandler<R> {

		private final R record;

		private List<String> header = new ArrayList<>();

		private long headerLine;

		/** Column ordinal by field index, -1 for ignored fields; null while the header row is read. */
		private int[] columns;

		private int fieldCount;

		Records(R record) {
			this.record = record;
		}

		@Override
		protected void handleBegin(long startingLineNumber) {
			if (this.columns == null) {
				this.header.clear();
				this.headerLine = startingLineNumber;
			}
			else {
				this.record.startLine(startingLineNumber);
			}
		}

		@Override
		protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
			if (this.columns == null) {
				this.header.add(new String(buf, offset, len));
			}
			else if (fieldIdx < this.columns.length && this.columns[fieldIdx] >= 0) {
				this.record.set(this.columns[fieldIdx], buf, offset, len);
			}
		}

		@Override
		protected R buildRecord() {
			this.fieldCount = getFieldCount();
			return this.record;
		}

		int fieldCount() {
			return this.fieldCount;
		}

		/** Maps the columns of the header row just read; answers how many columns it has. */
		int useHeader(InputKind<?, ?> kind) {
			this.columns = header(this.header, Location.line(this.headerLine), kind);
			this.header = null;
			return this.columns.length;
		}

	}

	/** Maps each CSV column to its column ordinal (-1 for ignored columns) and checks the required ones. */
	private static int[] header(List<String> header, Location at, InputKind<?, ?> kind) {
		ViolationLog log = kind.log;
		int errorsBefore = log.count();
		String[] names = kind.words.columns();
		int[] columns = new int[header.size()];
		boolean[] seen = new boolean[names.length];
		for (int c = 0; c < columns.length; c++) {
			String name = header.get(c);
			if (c == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
				name = name.substring(1);
				if (columns.length == 1 && name.isBlank()) {
					throw kind.empty("The request body holds nothing but a byte order mark.");
				}
			}
			if (name.indexOf('\0') >= 0) {
				throw IntakeProblems.unreadable("The body is not CSV text: its first line holds binary data.");
			}
			int column = InputKind.column(names, name);
			columns[c] = -1;
			if (column >= 0) {
				if (seen[column]) {
					log.add(Violation.at(at, names[column], name, "column appears more than once"));
					continue;
				}
				seen[column] = true;
				columns[c] = column;
			}
		}
		for (int column = 0; column < names.length; column++) {
			String reason = seen[column] ? null : kind.missing(column);
			if (reason != null) {
				log.add(Violation.at(at, names[column], null, reason));
			}
		}
		// Only a bad header stops the reading here: another input's bad values wait to be listed with this one's.
		if (log.count() > errorsBefore) {
			log.throwIfAny(kind.words.invalidTitle());
		}
		return columns;
	}

}
