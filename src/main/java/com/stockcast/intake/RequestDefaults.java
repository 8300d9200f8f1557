package com.stockcast.intake;

import java.util.Map;

/**
 * Request-level values for fields every row shares (for example {@code ?duration_days=90}), used
 * where a row gives none. Keys are the input column names.
 */
public final class RequestDefaults {

	private static final RequestDefaults NONE = new RequestDefaults(new String[Field.ALL.length]);

	private final String[] texts;

	private RequestDefaults(String[] texts) {
		this.texts = texts;
	}

	public static RequestDefaults none() {
		return NONE;
	}

	/** Picks the input column names out of the query parameters; others are left for their owners. */
	public static RequestDefaults fromParameters(Map<String, String> parameters) {
		String[] texts = new String[Field.ALL.length];
		parameters.forEach((name, value) -> {
			Field field = Field.byName(name);
			if (field != null && value != null && !value.isBlank()) {
				texts[field.ordinal()] = value.strip();
			}
		});
		return new RequestDefaults(texts);
	}

	/** The defaults given, by column name, in column order. */
	public java.util.Map<String, String> asMap() {
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		for (Field field : Field.ALL) {
			if (has(field)) {
				map.put(field.column(), get(field));
			}
		}
		return map;
	}

	String get(Field field) {
		return this.texts[field.ordinal()];
	}

	boolean has(Field field) {
		return this.texts[field.ordinal()] != null;
	}

	/** Checks every default on its own; a bad one is reported as a query-parameter violation. */
	void validate(ProductRules rules, ViolationLog log) {
		for (Field field : Field.ALL) {
			if (has(field)) {
				rules.checkDefault(field, get(field), log);
			}
		}
	}

}
