package com.stockcast.intake;

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
import com.stockcast.simulation.Products;

/** Reads a product list from CSV: header row, then one product per row (docs/forecast-contract.md#input). */
final class CsvProducts {

	private CsvProducts() {
	}

	static Products read(InputStream body, RequestDefaults defaults, ProductRules rules, IntakeLimits limits) {
		ViolationLog log = new ViolationLog(limits.maxErrors());
		Products.Builder products = Products.builder();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		Records handler = new Records();
		CsvReader<FieldValues> reader = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.build(handler, new InputStreamReader(body, decoder));
		try (CloseableIterator<FieldValues> records = reader.iterator()) {
			if (!records.hasNext()) {
				throw IntakeProblems.empty("The request body is empty; send a header row and one row per product.");
			}
			records.next();
			int columns = handler.useHeader(defaults, log);
			int rows = 0;
			while (records.hasNext()) {
				FieldValues values = records.next();
				if (++rows > limits.maxProducts()) {
					throw IntakeProblems.tooManyProducts(limits.maxProducts());
				}
				if (handler.fieldCount() != columns) {
					log.add(Violation.at(values.at(), null, null, "has " + handler.fieldCount()
							+ " fields; the header has " + columns));
					log.rowFailed();
					continue;
				}
				rules.apply(values, defaults, products, log);
			}
			if (rows == 0) {
				throw IntakeProblems.empty("The CSV has a header row but no products.");
			}
		}
		catch (CsvParseException | UncheckedIOException | java.io.IOException ex) {
			throw Bodies.failure(ex);
		}
		log.throwIfAny();
		return products.build();
	}

	/**
	 * Hands FastCSV's fields straight to one reused {@link FieldValues}, by the header's column map,
	 * so a row costs no string but its product id (and any value not in its plain form). The header
	 * row itself is kept as strings.
	 */
	private static final class Records extends AbstractBaseCsvCallbackHandler<FieldValues> {

		private final FieldValues values = new FieldValues();

		private List<String> header = new ArrayList<>();

		private long headerLine;

		/** Field ordinal by column, -1 for ignored columns; null while the header row is read. */
		private int[] columns;

		private int fieldCount;

		@Override
		protected void handleBegin(long startingLineNumber) {
			if (this.columns == null) {
				this.header.clear();
				this.headerLine = startingLineNumber;
			}
			else {
				this.values.startLine(startingLineNumber);
			}
		}

		@Override
		protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
			if (this.columns == null) {
				this.header.add(new String(buf, offset, len));
			}
			else if (fieldIdx < this.columns.length && this.columns[fieldIdx] >= 0) {
				this.values.set(Field.ALL[this.columns[fieldIdx]], buf, offset, len);
			}
		}

		@Override
		protected FieldValues buildRecord() {
			this.fieldCount = getFieldCount();
			return this.values;
		}

		int fieldCount() {
			return this.fieldCount;
		}

		/** Maps the columns of the header row just read; answers how many columns it has. */
		int useHeader(RequestDefaults defaults, ViolationLog log) {
			this.columns = header(this.header, Location.line(this.headerLine), defaults, log);
			this.header = null;
			return this.columns.length;
		}

	}

	/** Maps each CSV column to its field's ordinal (-1 for ignored columns) and checks the required ones. */
	private static int[] header(List<String> header, Location at, RequestDefaults defaults, ViolationLog log) {
		int[] columns = new int[header.size()];
		boolean[] seen = new boolean[Field.ALL.length];
		for (int c = 0; c < columns.length; c++) {
			String name = header.get(c);
			if (c == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
				name = name.substring(1);
				if (columns.length == 1 && name.isBlank()) {
					throw IntakeProblems.empty("The request body holds nothing but a byte order mark.");
				}
			}
			if (name.indexOf('\0') >= 0) {
				throw IntakeProblems.unreadable("The body is not CSV text: its first line holds binary data.");
			}
			Field field = Field.byName(name);
			columns[c] = (field == null) ? -1 : field.ordinal();
			if (field != null) {
				if (seen[field.ordinal()]) {
					log.add(Violation.at(at, field.column(), name, "column appears more than once"));
					columns[c] = -1;
				}
				seen[field.ordinal()] = true;
			}
		}
		for (Field field : Field.ALL) {
			if (field.required() && !seen[field.ordinal()] && !defaults.supplies(field)) {
				log.add(Violation.at(at, field.column(), null, "required column is missing"
						+ ((field == Field.PRODUCT_ID) ? "" : (field == Field.SALES_RATE)
								? " (or give it as a query parameter, or send a sales history)"
								: " (or give it as a query parameter)")));
			}
		}
		log.throwIfAny();
		return columns;
	}

}
