package com.stockcast.jobs;

import java.util.List;

/**
 * What a job computes, named by the feature that submits it: each kind is served under its own path,
 * with its own result resources, and a job of one kind is not found under another's path.
 */
public enum JobKind {

	/** A forecast of a product list: its rows, summaries and totals. */
	FORECAST("/forecasts", List.of("rows", "summary", "totals")),

	/** Sales statistics of a history: one record per SKU. */
	SALES_STATISTICS("/sales-statistics", List.of("results"));

	private final String path;

	private final List<String> results;

	JobKind(String path, List<String> results) {
		this.path = path;
		this.results = results;
	}

	/** Where a job of this kind is served: {@code path + "/" + id}. */
	String path() {
		return this.path;
	}

	/** The resources under a succeeded job's path that serve its results, as its links name them. */
	List<String> results() {
		return this.results;
	}

}
