package com.stockcast.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.stockcast.output.ListFeatures;
import com.stockcast.output.Projection;
import com.stockcast.output.Table;
import com.stockcast.output.View;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.Quantiles;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

/**
 * A job's scenario as stored with it: its kind; for a forecast, what its chunks simulate and what its
 * product list holds that adds columns to its answers; for a sales statistics job, its trend window.
 * Stored as text ({@code policy=lost-sales;demand=normal;trials=1000;seed=7;orders=true}, with
 * {@code ;receipts=true} when the request gave scheduled receipts, {@code ;plans=true} when its chunks
 * store planned orders and exceptions, {@code ;rows=false} when it was asked to keep no daily rows
 * ({@code store_rows=false}), {@code ;summaries=chunk} when its chunks store their summaries as one block
 * each rather than one a product (every forecast job since they do; one before reads back as it was stored), {@code ;targets=true} when some product's terms were computed from
 * a service target, {@code ;quantiles=0.05,0.5,0.95} when the request chose its quantiles,
 * {@code kind=statistics;trend_days=28}); a scenario stored before quantiles could be chosen reads back
 * with the default ones, which it was computed with; a job of the default
 * forecast stores the default scenario like any other.
 *
 * @param features what the product list holds that adds columns (its chunks hold the receipts and the
 * terms, computed from targets or not, with their products)
 * @param plans whether its chunks store the planned orders and exceptions: every job with an order
 * policy since they are stored; a job finished before that has none to serve
 * @param trendDays the trend window of a statistics job; 0 for a forecast job
 * @param rows whether its chunks store their daily rows: a forecast job does unless asked not to
 * ({@code store_rows=false}); then it serves no rows
 * @param chunkSummaries whether its chunks store their summaries as one block a chunk (block_no = the
 * chunk's first product), whose records are one a product in order, rather than a block a product
 */
record JobScenario(JobKind kind, Scenario scenario, ListFeatures features, boolean plans, int trendDays, boolean rows,
		boolean chunkSummaries) {

	private static final String STATISTICS = "kind=statistics;trend_days=";

	/** A forecast job's results that come from its plan. */
	private static final List<String> PLAN_RESULTS = List.of("orders", "exceptions");

	/** A new forecast job's that keeps its rows: with an order policy, its plan is stored. */
	JobScenario(Scenario scenario, ListFeatures features) {
		this(scenario, features, true);
	}

	/** A new forecast job's: with an order policy, its plan is stored; its rows only when {@code rows}. */
	JobScenario(Scenario scenario, ListFeatures features, boolean rows) {
		this(JobKind.FORECAST, scenario, features, features.orders(), 0, rows, true);
	}

	/** A sales statistics job's: its chunks hold sales histories, its results one record per SKU. */
	static JobScenario statistics(int trendDays) {
		return new JobScenario(JobKind.SALES_STATISTICS, Scenario.DEFAULT, ListFeatures.NONE, false, trendDays, true, false);
	}

	/** The resources that serve a succeeded job's results, as its links name them: the plan's only when stored. */
	List<String> results() {
		List<String> results = new ArrayList<>(this.kind.results());
		if (!this.rows) {
			results.remove("rows");
		}
		if (this.plans) {
			results.addAll(PLAN_RESULTS);
		}
		return results;
	}

	boolean isStatistics() {
		return this.kind == JobKind.SALES_STATISTICS;
	}

	String encode() {
		if (isStatistics()) {
			return STATISTICS + this.trendDays;
		}
		return "policy=" + this.scenario.policy().tag() + ";demand=" + this.scenario.demand().tag() + ";trials="
				+ this.scenario.trials() + ";seed=" + this.scenario.seed() + ";orders=" + this.features.orders()
				+ (this.features.receipts() ? ";receipts=true" : "") + (this.plans ? ";plans=true" : "")
				+ (this.rows ? "" : ";rows=false") + (this.chunkSummaries ? ";summaries=chunk" : "")
				+ (this.features.targets() ? ";targets=true" : "")
				+ (this.scenario.quantiles().chosen() ? ";quantiles=" + this.scenario.quantiles().text() : "");
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
		String quantiles = values.get("quantiles");
		Scenario scenario = new Scenario(SalesPolicy.parse(values.get("policy")), Demand.parse(values.get("demand")),
				Integer.parseInt(values.get("trials")), Long.parseLong(values.get("seed")),
				(quantiles == null) ? Quantiles.PERCENTILES : Quantiles.parse(quantiles));
		ListFeatures features = new ListFeatures(Boolean.parseBoolean(values.get("orders")),
				Boolean.parseBoolean(values.get("receipts")), Boolean.parseBoolean(values.get("targets")));
		return new JobScenario(JobKind.FORECAST, scenario, features, Boolean.parseBoolean(values.get("plans")), 0,
				!"false".equals(values.get("rows")), "chunk".equals(values.get("summaries")));
	}

	/** What a forecast job's chunks compute and how its records are written. */
	Projection projection() {
		return new Projection(this.scenario, this.features);
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
			if (this.scenario.quantiles().chosen()) {
				described.put("quantiles", this.scenario.quantiles().text());
			}
		}
		described.put("reorder_policy", this.features.orders());
		if (this.features.receipts()) {
			described.put("receipts", true);
		}
		if (this.features.targets()) {
			described.put("targets", true);
		}
		if (!this.rows) {
			described.put("store_rows", false);
		}
		return described;
	}

}
