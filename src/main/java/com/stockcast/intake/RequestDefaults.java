package com.stockcast.intake;

import java.util.Map;

import com.stockcast.simulation.Demand;

/**
 * Request-level values for fields every row shares (for example {@code ?duration_days=90}), used
 * where a row gives none. Keys are the input column names.
 */
public final class RequestDefaults {

	private static final RequestDefaults NONE = new RequestDefaults(new String[Field.ALL.length], null, Demand.CONSTANT,
			false);

	private final String[] texts;

	private final SalesRates history;

	/** The forecast's demand model, which may ask more of a row's rates ({@link Demand#admits}). */
	private final Demand demand;

	/** Whether every product takes its weekday profile from {@link #history} ({@code demand_profile=weekday}). */
	private final boolean weekdayProfiles;

	private RequestDefaults(String[] texts, SalesRates history, Demand demand, boolean weekdayProfiles) {
		this.texts = texts;
		this.history = history;
		this.demand = demand;
		this.weekdayProfiles = weekdayProfiles;
	}

	/**
	 * These defaults, and a sales history for rows without a {@code sales_rate}: such a row takes its
	 * product's mean daily sales, and unless it gives one, the standard deviation as its {@code sales_std}.
	 */
	public RequestDefaults withHistory(SalesRates history) {
		return new RequestDefaults(this.texts, history, this.demand, this.weekdayProfiles);
	}

	/** These defaults for a forecast under {@code demand}: each row's rates must be ones it {@link Demand#admits}. */
	public RequestDefaults withDemand(Demand demand) {
		return new RequestDefaults(this.texts, this.history, demand, this.weekdayProfiles);
	}

	/**
	 * These defaults, each product taking its weekday profile from the sales history (the portfolio's when
	 * the history lacks it): only with a history, which the caller has checked.
	 */
	public RequestDefaults withWeekdayProfiles() {
		if (this.history == null) {
			throw new IllegalStateException("weekday profiles are learnt from a sales history");
		}
		return new RequestDefaults(this.texts, this.history, this.demand, true);
	}

	boolean weekdayProfiles() {
		return this.weekdayProfiles;
	}

	Demand demand() {
		return this.demand;
	}

	/** The sales history rows fall back on, or {@code null}. */
	SalesRates history() {
		return this.history;
	}

	/** Whether rows may leave out {@code field}: a default gives it, or the sales history gives sales rates. */
	boolean supplies(Field field) {
		return has(field) || (field == Field.SALES_RATE && this.history != null);
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
		return new RequestDefaults(texts, null, Demand.CONSTANT, false);
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
		int errorsBefore = log.count();
		for (Field field : Field.ALL) {
			if (has(field)) {
				rules.checkDefault(field, get(field), log);
			}
		}
		// Values that go together are compared once each is good.
		if (log.count() == errorsBefore) {
			OrderRules.checkDefaults(this, log);
		}
	}

}
