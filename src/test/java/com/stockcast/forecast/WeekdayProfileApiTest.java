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

/** demand_profile=weekday through the API: the contract's hand example, its errors, flat as before, a job as sync. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WeekdayProfileApiTest {

	/**
	 * Two weeks of A from Monday 2023-12-18: 4 a weekday, 11 on Saturday and Sunday (mean 6). A is the
	 * whole portfolio, so its profile is its raw one: 4/6 = 2/3 a weekday, 11/6 at the weekend.
	 */
	private static final String HISTORY = history();

	private static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,restocking_rate,duration_days
			A,2024-01-01,50,0,7
			""";

	@LocalServerPort
	int port;

	private static String history() {
		StringBuilder csv = new StringBuilder("product_id,date,units\n");
		java.time.LocalDate monday = java.time.LocalDate.of(2023, 12, 18);
		for (int d = 0; d < 14; d++) {
			csv.append("A,").append(monday.plusDays(d)).append(',').append((d % 7 < 5) ? 4 : 11).append('\n');
		}
		return csv.toString();
	}

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
	void theHandExampleSellsTheWeekdaysAndTheWeekendAsTheHistoryDid() {
		// docs/forecast-contract.md#weekday-profile: sales_rate 6 (the history's mean) x 2/3 = 4 Monday to
		// Friday, x 11/6 = 11 on Saturday and Sunday: 50 - 4 x 5 = 30 on Friday, 19, 8.
		HttpResponse<String> response = post("?demand_profile=weekday", PRODUCTS, HISTORY, "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking
				A,2024-01-01,46,4,0
				A,2024-01-02,42,4,0
				A,2024-01-03,38,4,0
				A,2024-01-04,34,4,0
				A,2024-01-05,30,4,0
				A,2024-01-06,19,11,0
				A,2024-01-07,8,11,0
				""");
	}

	@Test
	void aFlatProfileIsTheForecastWithoutOne() {
		for (String query : new String[] { "", "?view=summary", "?demand=poisson&trials=50&seed=3" }) {
			String flat = post(query + (query.isEmpty() ? "?" : "&") + "demand_profile=flat", PRODUCTS, HISTORY,
					"text/csv").body();
			assertThat(flat).isEqualTo(post(query, PRODUCTS, HISTORY, "text/csv").body());
		}
	}

	@Test
	void aWeekdayProfileNeedsASalesHistory() {
		JsonNode problem = TestHttp.assertProblem(post("?demand_profile=weekday", PRODUCTS.replace("restocking_rate",
				"restocking_rate,sales_rate").replace(",0,7", ",0,7,6"), null, "text/csv"), 400, "invalid-input");
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.path("parameter").asString()).isEqualTo("demand_profile");
		assertThat(error.toString()).contains("needs a sales history");
		HttpResponse<String> csv = TestHttp.on(this.port).post("/forecasts?demand_profile=weekday", "text/csv",
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\nA,2024-01-01,5,1,0,3\n");
		assertThat(TestHttp.assertProblem(csv, 400, "invalid-input").toString()).contains("demand_profile")
			.contains("needs a sales history");
		JsonNode bad = TestHttp.assertProblem(post("?demand_profile=monthly", PRODUCTS, HISTORY, "text/csv"), 400,
				"invalid-input");
		assertThat(bad.get("errors").get(0).path("parameter").asString()).isEqualTo("demand_profile");
		assertThat(bad.toString()).contains("must be flat or weekday");
	}

	@Test
	void aNegativeBinomialForecastAsAJobIsTheSynchronousAnswer() {
		String products = """
				product_id,sell_start_date,initial_inventory,restocking_rate,duration_days,sales_rate,sales_std
				A,2024-01-01,50,0,30,4,3
				B,2024-01-03,30,1,20,2.5,2
				""";
		String query = "?demand=negative-binomial&trials=300&seed=4&view=summary";
		HttpResponse<String> accepted = post(query, products, null, "text/csv", "Prefer", "respond-async");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		TestHttp api = TestHttp.on(this.port);
		await().atMost(Duration.ofMinutes(2))
			.until(() -> TestHttp.json(api.get(location)).get("status").asString(), status -> status.equals("succeeded"));
		assertThat(api.get(location + "/summary", "Accept", "text/csv").body())
			.isEqualTo(post(query, products, null, "text/csv").body());
	}

	@Test
	void aProfiledForecastAsAJobIsTheSynchronousAnswer() {
		String products = """
				product_id,sell_start_date,initial_inventory,restocking_rate,duration_days,sales_rate,sales_std
				A,2024-01-01,50,0,7,,
				B,2024-01-03,30,1,20,2.5,2
				""";
		// A's history varies more than its mean (4 and 11 around 6), so the negative binomial takes it too.
		for (String query : new String[] { "?demand_profile=weekday&view=summary",
				"?demand_profile=weekday&demand=poisson&trials=200&seed=9&view=summary",
				"?demand_profile=weekday&demand=negative-binomial&trials=200&seed=9&view=summary" }) {
			HttpResponse<String> accepted = post(query, products, HISTORY, "text/csv", "Prefer", "respond-async");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			TestHttp api = TestHttp.on(this.port);
			await().atMost(Duration.ofMinutes(2))
				.until(() -> TestHttp.json(api.get(location)).get("status").asString(), status -> status.equals("succeeded"));
			String sync = post(query, products, HISTORY, "text/csv").body();
			assertThat(api.get(location + "/summary", "Accept", "text/csv").body()).isEqualTo(sync);
			// And the profile changed the answer: B, the history's stranger, takes the portfolio's (A's) profile.
			assertThat(sync).isNotEqualTo(post(query.replace("demand_profile=weekday&", ""), products, HISTORY,
					"text/csv").body());
		}
	}

}
