package com.stockcast.intake;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

import com.stockcast.simulation.Products;

/** Reads a product list from a JSON array of objects named like the CSV columns, token by token. */
final class JsonProducts {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonProducts() {
	}

	static Products read(InputStream body, RequestDefaults defaults, ProductRules rules, IntakeLimits limits) {
		ViolationLog log = new ViolationLog(limits.maxErrors());
		Products.Builder products = Products.builder();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw IntakeProblems.empty("The request body is empty; send a JSON array of products.");
			}
			if (token != JsonToken.START_ARRAY) {
				throw IntakeProblems.unreadable("The body must be a JSON array of product objects.");
			}
			int index = 0;
			FieldValues values = new FieldValues();
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (index >= limits.maxProducts()) {
					throw IntakeProblems.tooManyProducts(limits.maxProducts());
				}
				values.startIndex(index++);
				if (token != JsonToken.START_OBJECT) {
					log.add(Violation.at(values.at(), null, null, "must be a product object"));
					log.rowFailed();
					parser.skipChildren();
					continue;
				}
				readObject(parser, values, defaults, rules, products, log);
			}
			if (index == 0) {
				throw IntakeProblems.empty("The JSON array holds no products.");
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
			String place = (where == null) ? ""
					: " at line " + where.getLineNr() + ", column " + where.getColumnNr();
			throw IntakeProblems.unreadable("The body is not well-formed JSON" + place + ": " + ex.getOriginalMessage());
		}
		log.throwIfAny();
		return products.build();
	}

	private static void readObject(JsonParser parser, FieldValues values, RequestDefaults defaults,
			ProductRules rules, Products.Builder products, ViolationLog log) {
		boolean wellTyped = true;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			Field field = Field.byName(parser.currentName());
			JsonToken value = parser.nextToken();
			if (field == null) {
				parser.skipChildren();
				continue;
			}
			switch (value) {
				case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.set(field,
						parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
				case VALUE_NULL -> values.setText(field, null);
				default -> {
					log.add(values.at(), field, null, "must be a string or a number");
					parser.skipChildren();
					wellTyped = false;
				}
			}
		}
		if (wellTyped) {
			rules.apply(values, defaults, products, log);
		}
		else {
			log.rowFailed();
		}
	}

}
