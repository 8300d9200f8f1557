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
 * like the CSV columns.
 */
final class JsonInput {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonInput() {
	}

	static <R extends InputRecord, T> T read(InputStream body, InputKind<R, T> kind) {
		ViolationLog log = kind.log;
		InputKind.Words words = kind.words;
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw kind.empty(words.emptyJson());
			}
			if (token != JsonToken.START_ARRAY) {
				throw IntakeProblems.unreadable(words.notArray());
			}
			int index = 0;
			R record = kind.record;
			String[] columns = kind.words.columns();
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
				if (readObject(parser, record, columns, log)) {
					kind.apply(record);
				}
				else {
					log.rowFailed();
				}
			}
			if (index == 0) {
				throw kind.empty(words.noObjects());
			}
			if (parser.nextToken() != null) {
				throw IntakeProblems.unreadable("The body has content after the JSON array.");
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
	private static boolean readObject(JsonParser parser, InputRecord record, String[] columns, ViolationLog log) {
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
