package com.stockcast.intake;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import com.stockcast.intake.Violation.Location;
import com.stockcast.simulation.Products;

/** Reads a product list from CSV: header row, then one product per row (SPEC.md, Input). */
final class CsvProducts {

	private CsvProducts() {
	}

	static Products read(InputStream body, RequestDefaults defaults, ProductRules rules, IntakeLimits limits) {
		ViolationLog log = new ViolationLog(limits.maxErrors());
		Products.Builder products = Products.builder();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CsvReader<CsvRecord> reader = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(new InputStreamReader(body, decoder));
		try (CloseableIterator<CsvRecord> records = reader.iterator()) {
			if (!records.hasNext()) {
				throw IntakeProblems.empty("The request body is empty; send a header row and one row per product.");
			}
			int[] columns = header(records.next(), defaults, log);
			int rows = 0;
			while (records.hasNext()) {
				CsvRecord record = records.next();
				if (++rows > limits.maxProducts()) {
					throw IntakeProblems.tooManyProducts(limits.maxProducts());
				}
				Location at = Location.line(record.getStartingLineNumber());
				if (record.getFieldCount() != columns.length) {
					log.add(Violation.at(at, null, null, "has " + record.getFieldCount() + " fields; the header has "
							+ columns.length));
					log.rowFailed();
					continue;
				}
				String[] texts = new String[Field.ALL.length];
				for (int c = 0; c < columns.length; c++) {
					if (columns[c] >= 0) {
						texts[columns[c]] = record.getField(c);
					}
				}
				rules.apply(texts, at, defaults, products, log);
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

	/** Maps each CSV column to its field's ordinal (-1 for ignored columns) and checks the required ones. */
	private static int[] header(CsvRecord header, RequestDefaults defaults, ViolationLog log) {
		int[] columns = new int[header.getFieldCount()];
		boolean[] seen = new boolean[Field.ALL.length];
		Location at = Location.line(header.getStartingLineNumber());
		for (int c = 0; c < columns.length; c++) {
			String name = header.getField(c);
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
			if (field.required() && !seen[field.ordinal()] && !defaults.has(field)) {
				log.add(Violation.at(at, field.column(), null, "required column is missing"
						+ ((field == Field.PRODUCT_ID) ? "" : " (or give it as a query parameter)")));
			}
		}
		log.throwIfAny();
		return columns;
	}

}
