package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantiles=}: the probabilistic forecast's columns at the caller's quantiles, named by the
 * contract's rule, in CSV and JSON; the default percentiles when 0.1, 0.5 and 0.9 are chosen; and
 * the problems a bad list gets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuantilesApiTest {

	private static final String FRACTIONAL = TestResources.text("products-1k-fractional.csv");

	private static final String ONE = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days,forecast_frequency,sales_std\nA,2024-01-01,100,10,0,28,7,4\n";

	@LocalServerPort
	int port;

	private String answer(String query, String body, String accept) {
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts" + query, "text/csv", body, "Accept",
				accept);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void rowsAndSummaryCarryAColumnPerChosenQuantileInAscendingOrder() {
		String query = "?demand=normal&trials=200&seed=4&quantiles=0.95,0.025,0.5";
		assertThat(answer(query, ONE, "text/csv")).startsWith(
				"product_id,update_date,inventory_q025,inventory_q50,inventory_q95,stockout_probability,sales_mean\n");
		assertThat(answer(query + "&view=summary&policy=lost-sales", ONE, "text/csv")).startsWith("product_id,"
				+ "stockout_probability,stockout_date_q025,stockout_date_q50,stockout_date_q95,ending_inventory_q025,"
				+ "ending_inventory_q50,ending_inventory_q95,unmet_demand_mean\n");
		JsonNode row = TestHttp.json(TestHttp.on(this.port).post("/forecasts" + query, "text/csv", ONE, "Accept",
				"application/json")).get(0);
		List<String> names = row.propertyNames().stream().toList();
		assertThat(names).containsExactly("product_id", "update_date", "inventory_q025", "inventory_q50", "inventory_q95",
				"stockout_probability", "sales_mean");
		assertThat(row.get("inventory_q025").asDouble()).isLessThanOrEqualTo(row.get("inventory_q50").asDouble());
		assertThat(row.get("inventory_q50").asDouble()).isLessThanOrEqualTo(row.get("inventory_q95").asDouble());
	}

	@Test
	void choosingTenFiftyNinetyGivesTheDefaultPercentilesUnderOtherNames() {
		String query = "?demand=poisson&trials=101&seed=9";
		String[] byDefault = answer(query, FRACTIONAL, "text/csv").split("\n", 2);
		String[] chosen = answer(query + "&quantiles=0.1,0.5,0.9", FRACTIONAL, "text/csv").split("\n", 2);
		assertThat(chosen[0]).isEqualTo(byDefault[0].replaceAll("_p(\\d\\d)", "_q$1"));
		assertThat(chosen[1]).isEqualTo(byDefault[1]);
		// The summary adds the ending level at 0.1 and 0.9 beside the median.
		String[] summary = answer(query + "&view=summary", FRACTIONAL, "text/csv").split("\n");
		String[] chosenSummary = answer(query + "&view=summary&quantiles=0.1,0.5,0.9", FRACTIONAL, "text/csv")
			.split("\n");
		assertThat(chosenSummary[0]).isEqualTo("product_id,stockout_probability,stockout_date_q10,stockout_date_q50,"
				+ "stockout_date_q90,ending_inventory_q10,ending_inventory_q50,ending_inventory_q90");
		for (int r = 1; r < summary.length; r++) {
			String[] d = summary[r].split(",", -1);
			String[] c = chosenSummary[r].split(",", -1);
			assertThat(List.of(c[0], c[1], c[2], c[3], c[4], c[6])).as(summary[r])
				.containsExactly(d[0], d[1], d[2], d[3], d[4], d[5]);
		}
	}

	@Test
	void answersTheContractsExample() {
		// docs/forecast-contract.md#quantiles: the Monte Carlo example at 5%, 50% and 95%.
		String body = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,"
				+ "forecast_frequency,sales_std\nA,2024-01-01,100,10,0,28,7,4\nB,2024-01-01,60,3,1,28,7,\n";
		String query = "?demand=poisson&trials=1000&seed=42&quantiles=0.05,0.5,0.95";
		assertThat(answer(query + "&view=summary", body, "text/csv")).isEqualTo("""
				product_id,stockout_probability,stockout_date_q05,stockout_date_q50,stockout_date_q95,\
				ending_inventory_q05,ending_inventory_q50,ending_inventory_q95
				A,1,2024-01-09,2024-01-10,2024-01-12,-209,-180,-155
				B,0.359,2024-01-23,,,-10,4,18
				""");
		assertThat(answer(query, body, "text/csv")).isEqualTo("""
				product_id,update_date,inventory_q05,inventory_q50,inventory_q95,stockout_probability,sales_mean
				A,2024-01-01,15,30,42,0,70.17
				A,2024-01-08,-61,-41,-22,1,70.7
				A,2024-01-15,-135,-111,-88,1,69.85
				A,2024-01-22,-209,-180,-155,1,70.36
				B,2024-01-01,39,46,53,0,20.86
				B,2024-01-08,21,32,41,0,21.24
				B,2024-01-15,5,18,31,0.013,21.1
				B,2024-01-22,-10,4,18,0.359,21.02
				""");
	}

	@Test
	void badQuantilesAreProblemsNamingTheParameter() {
		record Case(String query, String reason) {
		}
		List<Case> cases = List.of(new Case("?trials=10&quantiles=", "must list quantiles"),
				new Case("?trials=10&quantiles=0.1,,0.9", "empty entry"),
				new Case("?trials=10&quantiles=median", "is not a number"),
				new Case("?trials=10&quantiles=0", "not strictly between 0 and 1"),
				new Case("?trials=10&quantiles=0.5,1", "not strictly between 0 and 1"),
				new Case("?trials=10&quantiles=-0.5", "not strictly between 0 and 1"),
				new Case("?trials=10&quantiles=0.5,0.50", "listed twice"),
				new Case("?trials=10&quantiles=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95", "at most 9 quantiles"),
				new Case("?trials=10&quantiles=0.00001", "more than 4 decimals"),
				new Case("?quantiles=0.5", "only applies to a probabilistic forecast"),
				new Case("?demand=constant&quantiles=0.5", "only applies to a probabilistic forecast"));
		for (Case c : cases) {
			for (String prefer : new String[] { "return=representation", "respond-async" }) {
				HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts" + c.query(), "text/csv", ONE,
						"Prefer", prefer);
				JsonNode problem = TestHttp.assertProblem(response, 400, "invalid-input");
				assertThat(problem.get("errors").get(0).toString()).as(c.query()).contains("quantiles")
					.contains(c.reason());
			}
		}
	}

	@Test
	void theOpenApiDescriptionNamesTheParameter() {
		JsonNode docs = TestHttp.json(TestHttp.on(this.port).get("/v3/api-docs"));
		JsonNode quantiles = null;
		for (JsonNode parameter : docs.path("paths").path("/forecasts").path("post").path("parameters")) {
			if (parameter.path("name").asString().equals("quantiles")) {
				quantiles = parameter;
			}
		}
		assertThat(quantiles).isNotNull();
		assertThat(quantiles.path("schema").path("type").asString()).isEqualTo("string");
		assertThat(quantiles.path("schema").path("example").asString()).isEqualTo("0.05,0.5,0.95");
		assertThat(docs.path("components").path("schemas").path("ForecastRow").path("description").asString())
			.contains("quantiles");
	}

}
