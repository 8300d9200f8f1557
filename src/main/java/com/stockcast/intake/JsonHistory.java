package com.stockcast.intake;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/** Reads a sales history from a JSON array of objects named like the CSV columns, token by token. */
final class JsonHistory {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonHistory() {
	}

	static SalesHistory read(InputStream body, IntakeLimits limits) {
		ViolationLog log = new ViolationLog(limits.maxErrors());
		HistoryRules rules = new HistoryRules(log);
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw IntakeProblems.emptyHistory("The request body is empty; send a JSON array of sales.");
			}
			if (token != JsonToken.START_ARRAY) {
				throw IntakeProblems.unreadable("The body must be a JSON array of sales objects.");
			}
			int index = 0;
			HistoryRow row = rules.newRow();
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (index >= limits.maxHistoryRows()) {
					throw IntakeProblems.tooManyHistoryRows(limits.maxHistoryRows());
				}
				row.startIndex(index++);
				if (token != JsonToken.START_OBJECT) {
					log.add(Violation.at(row.at(), null, null, "must be an object with product_id, date and units"));
					log.rowFailed();
					parser.skipChildren();
					continue;
				}
				readObject(parser, row, rules, log);
			}
			if (index == 0) {
				throw IntakeProblems.emptyHistory("The JSON array holds no sales.");
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
			throw IntakeProblems.unreadable("The body is not well-formed JSON" + place + ": " + ex.getOriginalMessage());
		}
		return rules.build();
	}

	private static void readObject(JsonParser parser, HistoryRow row, HistoryRules rules, ViolationLog log) {
		boolean wellTyped = true;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			HistoryColumn column = HistoryColumn.byName(parser.currentName());
			JsonToken value = parser.nextToken();
			if (column == null) {
				parser.skipChildren();
				continue;
			}
			switch (value) {
				case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> row.set(column, parser.getStringCharacters(),
						parser.getStringOffset(), parser.getStringLength());
				case VALUE_NULL -> row.setNull(column);
				default -> {
					log.add(Violation.at(row.at(), column.column(), null, "must be a string or a number"));
					parser.skipChildren();
					wellTyped = false;
				}
			}
		}
		if (wellTyped) {
			rules.apply(row);
		}
		else {
			log.rowFailed();
		}
	}

}
