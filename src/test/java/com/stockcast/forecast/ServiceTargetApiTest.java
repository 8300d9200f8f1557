package com.stockcast.forecast;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safety stock and reorder point from a target through {@code POST /forecasts}
 * (docs/forecast-contract.md#safety-stock-from-a-target): the contract's hand-worked example in CSV and
 * JSON, the computed figures driving the plan, request-level targets, every bad value named with its
 * line and column (or parameter), and answers without targets unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceTargetApiTest {

	static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days,sales_std,order_policy,lead_time_days,review_period_days,order_quantity,reorder_point,"
			+ "safety_stock,max_level,service_level,fill_rate,lead_time_std_days\n";

	/** The contract's example: U order-up-to and P reorder-point at 95%, M min-max at a 99.5% fill rate, D none. */
	static final String PRODUCTS = HEADER + """
			U,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,0.95,,
			P,2024-01-01,60,10,0,12,3,reorder-point,4,,50,,,,0.95,,
			M,2024-01-01,30,10,0,12,3,min-max,1,,,,,80,,0.995,
			D,2024-01-01,5,1,0,3,,,,,,,,,,,
			""";

	@LocalServerPort
	int port;

	private HttpResponse<String> post(String query, String csv, String... headers) {
		return TestHttp.on(this.port).post("/forecasts" + query, "text/csv", csv, headers);
	}

	private String csv(String query, String csv) {
		HttpResponse<String> response = post(query, csv);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void theSummaryShowsTheComputedSafetyStockAndReorderPoint() {
		// U: P = 2 + 3 - 1 = 4, sigma_P = 3 x 2 = 6, SS = 1.6449 x 6 = 9.87. P: the undershoot's level for 95%,
		// U + X with X of 3 days (mean 30, deviation 5.196), U of a day's demand: s = 45.99. M: Q = 80 - 10 = 70,
		// no day after the crossing one (L 1): s = 9.13, which the mean projection meets at 0 on day 3.
		assertThat(csv("?view=summary", PRODUCTS)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates,safety_stock,reorder_point
				U,,9.87,9.87,4,2024-01-01 2024-01-04 2024-01-07 2024-01-10,9.87,
				P,,10,40,3,2024-01-02 2024-01-07 2024-01-12,,45.99
				M,2024-01-03,0,70,2,2024-01-03 2024-01-11,,9.13
				D,,2,2,0,,,
				""");
	}

	@Test
	void theScenariosGuidesExampleTakesItsTargetFromTheQuery() {
		// docs/scenarios.md: U of the example above with its policy and target as request-level defaults.
		assertThat(csv("?view=summary&order_policy=order-up-to&lead_time_days=2&review_period_days=3&sales_std=3"
				+ "&service_level=0.95", "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
						+ "duration_days\nU,2024-01-01,40,10,0,12\n")).isEqualTo("""
								product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates,safety_stock,reorder_point
								U,,9.87,9.87,4,2024-01-01 2024-01-04 2024-01-07 2024-01-10,9.87,
								""");
	}

	@Test
	void theComputedFiguresDriveThePlan() {
		String given = HEADER + """
				U,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,9.869121761708826,,,,
				P,2024-01-01,60,10,0,12,3,reorder-point,4,,50,45.989835412706746,,,,,
				""";
		String targeted = PRODUCTS.lines().limit(3).map(line -> line + "\n").reduce("", String::concat);
		assertThat(csv("?view=orders", targeted)).isEqualTo(csv("?view=orders", given));
		assertThat(csv("", targeted)).isEqualTo(csv("", given));
	}

	@Test
	void theSummarySpeaksJson() {
		JsonNode summary = TestHttp.json(post("?view=summary", PRODUCTS, "Accept", "application/json"));
		assertThat(summary.get(0).get("safety_stock").asDouble()).isEqualTo(9.87);
		assertThat(summary.get(0).get("reorder_point").isNull()).isTrue();
		assertThat(summary.get(1).get("safety_stock").isNull()).isTrue();
		assertThat(summary.get(1).get("reorder_point").asDouble()).isEqualTo(45.99);
		assertThat(summary.get(3).get("reorder_point").isNull()).isTrue();
	}

	@Test
	void theSameTargetsAsJsonProductsGiveTheSameSummary() {
		String json = """
				[{"product_id":"U","sell_start_date":"2024-01-01","initial_inventory":40,"sales_rate":10,
				  "restocking_rate":0,"duration_days":12,"sales_std":3,"order_policy":"order-up-to",
				  "lead_time_days":2,"review_period_days":3,"service_level":0.95}]""";
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts?view=summary", "application/json",
				json, "Accept", "text/csv");
		assertThat(response.body()).isEqualTo(csv("?view=summary", PRODUCTS.lines().limit(2)
			.map(line -> line + "\n").reduce("", String::concat)));
	}

	@Test
	void aRequestLevelTargetAppliesToRowsThatTypeInNoFigure() {
		String products = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,"
				+ "reorder_point\nU,2024-01-01,40,10,0,12,\nH,2024-01-01,40,10,0,12,33\n";
		// U takes the target (min-max, L 2, R 3: s = 42.07); H's own reorder point wins over it, as any value a row
		// gives wins over a default.
		assertThat(csv("?view=summary&order_policy=min-max&max_level=90&sales_std=3&lead_time_days=2"
				+ "&review_period_days=3&service_level=0.95", products)).isEqualTo("""
						product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates,safety_stock,reorder_point
						U,,20,40,2,2024-01-01 2024-01-07,,42.07
						H,,20,40,2,2024-01-01 2024-01-07,,33
						""");
	}

	@Test
	void withoutATargetEveryAnswerIsAsBefore() {
		String products = PlannedOrdersApiTest.PRODUCTS;
		assertThat(csv("?view=summary", products)).startsWith(
				"product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates\n");
		// A default target that no row takes (they type in their figures, or have no policy) adds no column.
		assertThat(csv("?view=summary&lead_time_std_days=2", products)).isEqualTo(csv("?view=summary", products));
	}

	@Test
	void everyBadTargetIsNamedWithItsLineAndColumnAndNothingIsComputed() {
		String products = HEADER + """
				A,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,0,,
				B,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,1,,
				C,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,1.2,,
				E,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,-0.1,,
				F,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,x,,
				G,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,0.9,0.9,
				H,2024-01-01,60,10,0,12,3,reorder-point,4,,50,45,,,0.95,,
				I,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,5,,,0.9,
				J,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,0.9,,-1
				K,2024-01-01,40,10,0,12,3,,,,,,,,0.9,,
				L,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,,,,1,
				N,2024-01-01,40,10,0,12,3,order-up-to,2,3,,,4,,,,2
				O,2024-01-01,30,10,0,12,3,min-max,1,,,,,12,0.95,,
				""";
		JsonNode problem = TestHttp.assertProblem(post("?view=summary", products), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"line":2,"column":"service_level","value":"0","reason":"must be greater than 0 and less than 1"},\
				{"line":3,"column":"service_level","value":"1","reason":"must be greater than 0 and less than 1"},\
				{"line":4,"column":"service_level","value":"1.2","reason":"must be greater than 0 and less than 1"},\
				{"line":5,"column":"service_level","value":"-0.1","reason":"must be greater than 0 and less than 1"},\
				{"line":6,"column":"service_level","value":"x","reason":"is not a number"},\
				{"line":7,"column":"fill_rate","value":"0.9","reason":"cannot be given with service_level: give one target"},\
				{"line":8,"column":"reorder_point","value":"45","reason":"is computed from service_level: give one or the other"},\
				{"line":9,"column":"safety_stock","value":"5","reason":"is computed from fill_rate: give one or the other"},\
				{"line":10,"column":"lead_time_std_days","value":"-1","reason":"must not be negative"},\
				{"line":11,"column":"service_level","value":"0.9","reason":"applies only with an order policy (give order_policy, \
				or reorder_point, order_quantity and lead_time_days)"},\
				{"line":12,"column":"fill_rate","value":"1","reason":"must be greater than 0 and less than 1"},\
				{"line":14,"column":"max_level","value":"12","reason":"must be greater than reorder_point (14.93, computed from \
				service_level)"}]""");
	}

	@Test
	void badTargetDefaultsAreNamedAsParameters() {
		JsonNode problem = TestHttp.assertProblem(post("?service_level=1&fill_rate=x&lead_time_std_days=-1",
				PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"service_level","value":"1","reason":"must be greater than 0 and less than 1"},\
				{"parameter":"fill_rate","value":"x","reason":"is not a number"},\
				{"parameter":"lead_time_std_days","value":"-1","reason":"must not be negative"}]""");
		problem = TestHttp.assertProblem(post("?service_level=0.9&fill_rate=0.9", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"fill_rate","value":"0.9","reason":"cannot be given with service_level: give one target"}]""");
	}

}
