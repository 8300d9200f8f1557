package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A forecast whose sales rates come from a sales history sent with the product list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryForecastApiTest {

	/** A sells 4, 6, 5, 5 (mean 5, deviation sqrt(2/3)); B sells 2 and 2 (mean 2, deviation 0). */
	private static final String HISTORY = """
			product_id,date,units
			A,2023-12-28,4
			B,2023-12-30,2
			A,2023-12-29,6
			A,2023-12-30,5
			B,2023-12-31,2
			A,2023-12-31,5
			""";

	private static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,restocking_rate,duration_days
			A,2024-01-01,20,0,5
			B,2024-01-01,10,1,5
			""";

	@LocalServerPort
	int port;

	private HttpResponse<String> post(String query, String products, String history, String accept,
			String... headers) {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("file", products.getBytes(StandardCharsets.UTF_8));
		if (history != null) {
			parts.put("history", history.getBytes(StandardCharsets.UTF_8));
		}
		String[] all = java.util.Arrays.copyOf(new String[] { "Accept", accept }, 2 + headers.length);
		System.arraycopy(headers, 0, all, 2, headers.length);
		return TestHttp.on(this.port).uploadParts("/forecasts" + query, parts, all);
	}

	@Test
	void rowsWithoutASalesRateTakeTheirHistorysMean() {
		HttpResponse<String> fromHistory = post("", PRODUCTS, HISTORY, "text/csv");
		assertThat(fromHistory.statusCode()).as(fromHistory.body()).isEqualTo(200);
		String explicit = TestHttp.on(this.port).post("/forecasts", "text/csv", """
				product_id,sell_start_date,initial_inventory,restocking_rate,duration_days,sales_rate
				A,2024-01-01,20,0,5,5
				B,2024-01-01,10,1,5,2
				""").body();
		assertThat(fromHistory.body()).isEqualTo(explicit);
	}

	@Test
	void aRowsOwnSalesRateWinsOverTheHistory() {
		String products = "product_id,sell_start_date,initial_inventory,restocking_rate,duration_days,sales_rate\n"
				+ "A,2024-01-01,20,0,5,1\nB,2024-01-01,10,1,5,\n";
		String body = post("?view=summary", products, HISTORY, "text/csv").body();
		// A sells its own 1 a day: 20 - 5 = 15; B takes 2 from the history: 10 - 5 * (2 - 1) = 5.
		assertThat(body).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level
				A,,15,15
				B,,5,5
				""");
	}

	@Test
	void theProbabilisticForecastTakesTheHistorysDeviation() {
		HttpResponse<String> response = post("?demand=normal&trials=400&seed=1", PRODUCTS, HISTORY,
				"application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode rows = TestHttp.json(response);
		JsonNode lastOfA = rows.get(4);
		assertThat(lastOfA.get("product_id").asString()).isEqualTo("A");
		// A varies (deviation sqrt(2/3) a day), so its percentiles spread around 20 - 25 = -5.
		assertThat(lastOfA.get("inventory_p10").asDouble()).isLessThan(lastOfA.get("inventory_p50").asDouble());
		assertThat(lastOfA.get("inventory_p50").asDouble()).isLessThan(lastOfA.get("inventory_p90").asDouble());
		assertThat(lastOfA.get("inventory_p50").asDouble()).isBetween(-6.0, -4.0);
		// B's history never varies: every trial is the deterministic 10 - 5 * (2 - 1) = 5.
		JsonNode lastOfB = rows.get(9);
		assertThat(lastOfB.get("inventory_p10").asDouble()).isEqualTo(5.0);
		assertThat(lastOfB.get("inventory_p90").asDouble()).isEqualTo(5.0);
	}

	@Test
	void aNegativeBinomialNeedsMoreVarianceThanTheHistoryGives() {
		// A's history varies less than a Poisson's (variance 2/3 < mean 5): its line is reported on sales_std,
		// the value to raise; B (variance 0 < 2) too. A row's own sales_std wins over the history's.
		JsonNode problem = TestHttp.assertProblem(post("?demand=negative-binomial", PRODUCTS, HISTORY, "text/csv"), 400,
				"invalid-input");
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(2);
		assertThat(error.get("column").asString()).isEqualTo("sales_std");
		assertThat(error.get("reason").asString()).contains("learnt from the sales history");
		assertThat(problem.get("errors").get(1).get("line").asInt()).isEqualTo(3);
		String products = """
				product_id,sell_start_date,initial_inventory,restocking_rate,duration_days,sales_std
				A,2024-01-01,20,0,5,3
				B,2024-01-01,10,1,5,2
				""";
		HttpResponse<String> response = post("?demand=negative-binomial&trials=50", products, HISTORY, "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aProductWithNeitherRateNorHistoryIsReported() {
		String products = PRODUCTS + "C,2024-01-01,10,1,5\n";
		JsonNode problem = TestHttp.assertProblem(post("", products, HISTORY, "text/csv"), 400, "invalid-input");
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(4);
		assertThat(error.get("column").asString()).isEqualTo("sales_rate");
		assertThat(error.get("reason").asString()).contains("sales history has no day of this product");
	}

	@Test
	void aBadHistoryIsAProblemAndNothingIsComputed() {
		String history = "product_id,date,units\nA,2023-02-30,4\n";
		JsonNode problem = TestHttp.assertProblem(post("", PRODUCTS, history, "text/csv"), 400, "invalid-input");
		assertThat(problem.toString()).contains("2023-02-30");
	}

	@Test
	void withoutAHistoryTheSalesRateColumnIsStillRequired() {
		JsonNode problem = TestHttp.assertProblem(post("", PRODUCTS, null, "text/csv"), 400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("sales_rate");
	}

	@Test
	void aServiceLevelTakesTheDeviationFromTheHistory() {
		// docs/forecast-contract.md#safety-stock-from-a-target: A's deviation sqrt(2/3) over P = 1 + 4 - 1 = 4 days
		// is sqrt(8/3) = 1.633, so 95% asks for 1.6449 x 1.633 = 2.69; B never varied, so it needs none.
		String summary = post("?view=summary&order_policy=order-up-to&lead_time_days=1&review_period_days=4"
				+ "&service_level=0.95", PRODUCTS, HISTORY, "text/csv").body();
		assertThat(summary.lines().toList()).satisfiesExactly(
				header -> assertThat(header).endsWith(",safety_stock,reorder_point"),
				a -> assertThat(a).startsWith("A,").endsWith(",2.69,"),
				b -> assertThat(b).startsWith("B,").endsWith(",0,"));
	}

	@Test
	void aForecastFromAHistoryCanBeAJob() {
		String query = "?demand=normal&trials=200&seed=9&view=summary";
		HttpResponse<String> accepted = post(query, PRODUCTS, HISTORY, "text/csv", "Prefer", "respond-async");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		TestHttp api = TestHttp.on(this.port);
		await().atMost(Duration.ofMinutes(2))
			.until(() -> TestHttp.json(api.get(location)).get("status").asString(), status -> status.equals("succeeded"));
		assertThat(api.get(location + "/summary", "Accept", "text/csv").body())
			.isEqualTo(post(query, PRODUCTS, HISTORY, "text/csv").body());
	}

}
