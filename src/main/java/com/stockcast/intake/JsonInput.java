package com.stockcast.intake;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON of any {@link InputKind}, token by token: an array of objects whose properties are named
 * like the CSV columns, or (for a forecast with scheduled receipts) an object holding such arrays.
 */
final class JsonInput {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonInput() {
	}

	static <R extends InputRecord, T> T read(InputStream body, InputKind<R, T> kind) {
		return read(body, kind, null, null, null);
	}

	/**
	 * Reads a body that is either an array of {@code kind}'s records, or an object whose property
	 * {@code name} holds that array and whose property {@code besideName} may hold an array of
	 * {@code beside}'s records ({@code null} or absent: none); its other properties are ignored, and
	 * its properties are matched as column names are. {@code beside}'s result is left to the caller.
	 * @param name the property of {@code kind}'s records in an object body; {@code null} when the body
	 * must be an array
	 */
	static <R extends InputRecord, T> T read(InputStream body, InputKind<R, T> kind, String name, String besideName,
			InputKind<?, ?> beside) {
		InputKind.Words words = kind.words;
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw kind.empty(words.emptyJson());
			}
			if (token == JsonToken.START_OBJECT && name != null) {
				kind.objectBody();
				readObject(parser, kind, name, besideName, beside);
			}
			else if (token == JsonToken.START_ARRAY) {
				readArray(parser, kind);
			}
			else {
				String notArray = words.notArray();
				throw IntakeProblems.unreadable((name == null) ? notArray
						: notArray.substring(0, notArray.length() - 1) + ", or an object holding that array as '" + name
								+ "'.");
			}
			if (parser.nextToken() != null) {
				throw IntakeProblems.unreadable("The body has content after the JSON "
						+ ((token == JsonToken.START_ARRAY) ? "array." : "object."));
			}
		}
		catch (JacksonException ex) {
			if (ex.getCause() != null) {
				throw Bodies.failure(ex);
			}
			TokenStreamLocation where = ex.getLocation();
			String place = (where == null) ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
			throw IntakeProblems.unreadable("The body is not well-formed JSON" + place + ": " + parserSays(ex));
		}
		return kind.result();
	}

	/** An object body's properties, the parser just past its start: each array to its kind. */
	private static void readObject(JsonParser parser, InputKind<?, ?> kind, String name, String besideName,
			InputKind<?, ?> beside) {
		boolean found = false;
		boolean foundBeside = false;
		String unknown = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = parser.currentName();
			JsonToken value = parser.nextToken();
			String key = property.strip();
			boolean main = key.equalsIgnoreCase(name);
			boolean other = beside != null && key.equalsIgnoreCase(besideName);
			if (!main && !other) {
				unknown = (unknown == null) ? key : unknown;
				parser.skipChildren();
				continue;
			}
			if (value == JsonToken.VALUE_NULL) {
				continue;
			}
			if ((main && found) || (other && foundBeside)) {
				throw IntakeProblems.unreadable("The property '" + key + "' appears more than once.");
			}
			if (value != JsonToken.START_ARRAY) {
				throw IntakeProblems.unreadable("The property '" + key + "' must be a JSON array.");
			}
			if (main) {
				readArray(parser, kind);
			}
			else {
				readArray(parser, beside);
			}
			found |= main;
			foundBeside |= other;
		}
		if (!found) {
			// Most likely one record sent bare: say what the body must be.
			String notArray = kind.words.notArray();
			throw IntakeProblems.unreadable(notArray.substring(0, notArray.length() - 1)
					+ ", or an object holding that array as '" + name + "'; this object has no '" + name + "'.");
		}
		if (unknown != null) {
			// Refused, not skipped: a misspelt "receipts" would otherwise drop the open orders unseen.
			throw IntakeProblems.unreadable("The property '" + shown(unknown) + "' is not one this body takes: "
					+ ((beside == null) ? "'" + name + "'" : "'" + name + "' and '" + besideName + "'") + ".");
		}
	}

	/** A property name the caller sent, quoted back cut to 40 characters and without control characters. */
	private static String shown(String key) {
		String printable = key.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 40) ? printable.substring(0, 40) + "..." : printable;
	}

	/** One array of {@code kind}'s records, the parser just past its start. */
	private static <R extends InputRecord> void readArray(JsonParser parser, InputKind<R, ?> kind) {
		ViolationLog log = kind.log;
		InputKind.Words words = kind.words;
		kind.begun = true;
		JsonToken token;
		int index = 0;
		R record = kind.record;
		String[] columns = words.columns();
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (index >= kind.maxRecords) {
				throw kind.tooManyRecords();
			}
			record.startIndex(index++);
			if (token != JsonToken.START_OBJECT) {
				log.add(Violation.at(record.at(), null, null, words.notObject()));
				log.rowFailed();
				parser.skipChildren();
				continue;
			}
			if (readRecord(parser, record, columns, log)) {
				kind.apply(record);
			}
			else {
				log.rowFailed();
			}
		}
		if (index == 0 && !kind.mayBeEmpty()) {
			throw kind.empty(words.noObjects());
		}
	}

	/**
	 * What the parser found wrong, without its internals: Jackson appends the location of an unclosed
	 * array's or object's start in its own words ("(start marker at [Source: REDACTED ...])"), which
	 * says nothing to a client; the place is given apart, as line and column.
	 */
	private static String parserSays(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int internals = message.indexOf(" (start marker at ");
		if (internals < 0) {
			internals = message.indexOf(" [Source: ");
		}
		return (internals < 0) ? message : message.substring(0, internals);
	}

	/** Fills the record from one object's properties; answers whether every value had a readable type. */
	private static boolean readRecord(JsonParser parser, InputRecord record, String[] columns, ViolationLog log) {
		boolean wellTyped = true;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			int column = InputKind.column(columns, parser.currentName());
			JsonToken value = parser.nextToken();
			if (column < 0) {
				parser.skipChildren();
				continue;
			}
			switch (value) {
				case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> record.set(column,
						parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
				case VALUE_NULL -> record.setNull(column);
				default -> {
					log.add(Violation.at(record.at(), columns[column], null, "must be a string or a number"));
					parser.skipChildren();
					wellTyped = false;
				}
			}
		}
		return wellTyped;
	}

}
