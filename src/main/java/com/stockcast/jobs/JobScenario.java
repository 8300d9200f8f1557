package com.stockcast.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

import com.stockcast.output.Projection;
import com.stockcast.output.Table;
import com.stockcast.output.View;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

/**
 * A job's scenario as stored with it: its kind; for a forecast, what its chunks simulate and whether
 * its answers carry the order and receipts columns; for a sales statistics job, its trend window.
 * Stored as text ({@code policy=lost-sales;demand=normal;trials=1000;seed=7;orders=true}, with
 * {@code ;receipts=true} when the request gave scheduled receipts, {@code kind=statistics;trend_days=28});
 * a job of the default forecast stores the default scenario like any other.
 *
 * @param receipts whether the request gave scheduled receipts (its chunks hold them with their products)
 * @param trendDays the trend window of a statistics job; 0 for a forecast job
 */
record JobScenario(JobKind kind, Scenario scenario, boolean orders, boolean receipts, int trendDays) {

	private static final String STATISTICS = "kind=statistics;trend_days=";

	JobScenario(Scenario scenario, boolean orders) {
		this(scenario, orders, false);
	}

	JobScenario(Scenario scenario, boolean orders, boolean receipts) {
		this(JobKind.FORECAST, scenario, orders, receipts, 0);
	}

	/** A sales statistics job's: its chunks hold sales histories, its results one record per SKU. */
	static JobScenario statistics(int trendDays) {
		return new JobScenario(JobKind.SALES_STATISTICS, Scenario.DEFAULT, false, false, trendDays);
	}

	boolean isStatistics() {
		return this.kind == JobKind.SALES_STATISTICS;
	}

	String encode() {
		if (isStatistics()) {
			return STATISTICS + this.trendDays;
		}
		return "policy=" + this.scenario.policy().tag() + ";demand=" + this.scenario.demand().tag() + ";trials="
				+ this.scenario.trials() + ";seed=" + this.scenario.seed() + ";orders=" + this.orders
				+ (this.receipts ? ";receipts=true" : "");
	}

	/** The stored text read back. */
	static JobScenario decode(String stored) {
		if (stored.startsWith(STATISTICS)) {
			return statistics(Integer.parseInt(stored.substring(STATISTICS.length())));
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : stored.split(";")) {
			String[] nameValue = pair.split("=", 2);
			values.put(nameValue[0], nameValue[1]);
		}
		Scenario scenario = new Scenario(SalesPolicy.parse(values.get("policy")), Demand.parse(values.get("demand")),
				Integer.parseInt(values.get("trials")), Long.parseLong(values.get("seed")));
		return new JobScenario(scenario, Boolean.parseBoolean(values.get("orders")),
				Boolean.parseBoolean(values.get("receipts")));
	}

	/** What a forecast job's chunks compute and how its records are written. */
	Projection projection() {
		return new Projection(this.scenario, this.orders, this.receipts);
	}

	/** The table of a job's records in {@code view}: its scenario's, or a statistics job's records'. */
	Table table(View view, HistoryRecords historyRecords) {
		return isStatistics() ? historyRecords.table() : projection().table(view);
	}

	/** For a job's settings: the scenario's parts by name. */
	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		if (isStatistics()) {
			described.put("kind", "sales-statistics");
			described.put("trend_days", this.trendDays);
			return described;
		}
		described.put("policy", this.scenario.policy().tag());
		if (this.scenario.probabilistic()) {
			described.put("demand", this.scenario.demand().tag());
			described.put("trials", this.scenario.trials());
			described.put("seed", this.scenario.seed());
		}
		described.put("reorder_policy", this.orders);
		if (this.receipts) {
			described.put("receipts", true);
		}
		return described;
	}

}
