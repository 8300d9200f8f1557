package com.stockcast.forecast;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's "order today" list through {@code POST /forecasts}: the example of
 * docs/forecast-contract.md#exceptions as {@code view=exceptions} in CSV, JSON and NDJSON, with the
 * products' open orders, the horizon {@code within_days}, and each request it refuses with a problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExceptionsApiTest {

	static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,order_policy,lead_time_days,review_period_days,safety_stock,reorder_point,order_quantity,max_level
			A,2024-01-01,6,4,0,10,reorder-point,3,,,10,20,
			B,2024-01-01,30,5,0,10,min-max,2,,,10,,40
			C,2024-01-01,50,5,0,20,reorder-point,2,,,10,30,
			D,2024-01-01,100,1,0,10,reorder-point,2,,,10,20,
			E,2024-01-01,20,4,0,10,order-up-to,2,3,5,,,
			""";

	/** The same products as a JSON body, with C's open order of 30 units on 2024-01-05. */
	static final String WITH_RECEIPTS = """
			{"products": [
			 {"product_id":"A","sell_start_date":"2024-01-01","initial_inventory":6,"sales_rate":4,"restocking_rate":0,"duration_days":10,"order_policy":"reorder-point","lead_time_days":3,"reorder_point":10,"order_quantity":20},
			 {"product_id":"B","sell_start_date":"2024-01-01","initial_inventory":30,"sales_rate":5,"restocking_rate":0,"duration_days":10,"order_policy":"min-max","lead_time_days":2,"reorder_point":10,"max_level":40},
			 {"product_id":"C","sell_start_date":"2024-01-01","initial_inventory":50,"sales_rate":5,"restocking_rate":0,"duration_days":20,"order_policy":"reorder-point","lead_time_days":2,"reorder_point":10,"order_quantity":30},
			 {"product_id":"D","sell_start_date":"2024-01-01","initial_inventory":100,"sales_rate":1,"restocking_rate":0,"duration_days":10,"order_policy":"reorder-point","lead_time_days":2,"reorder_point":10,"order_quantity":20},
			 {"product_id":"E","sell_start_date":"2024-01-01","initial_inventory":20,"sales_rate":4,"restocking_rate":0,"duration_days":10,"order_policy":"order-up-to","lead_time_days":2,"review_period_days":3,"safety_stock":5}],
			 "receipts": [{"product_id":"C","date":"2024-01-05","units":30}]}""";

	static final String EXCEPTIONS = """
			product_id,urgency,order_date,arrival_date,quantity,stockout_date,shortfall_units,shortfall_days,reason
			A,late,2024-01-01,2024-01-04,20,2024-01-02,6,2,position 2 <= reorder point 10
			E,due,2024-01-01,2024-01-03,5,2024-01-05,0,0,projected 0 < safety stock 5 on 2024-01-05
			B,due,2024-01-04,2024-01-06,30,2024-01-06,0,0,position 10 <= min 10
			""";

	/** The orders to place for the same products and receipts (docs/scenarios.md): the exceptions' come first. */
	static final String ORDERS = """
			product_id,order_date,arrival_date,quantity,level_before_arrival,reason
			A,2024-01-01,2024-01-04,20,-10,position 2 <= reorder point 10
			A,2024-01-04,2024-01-07,20,-2,position 10 <= reorder point 10
			A,2024-01-09,2024-01-12,20,,position 10 <= reorder point 10
			B,2024-01-04,2024-01-06,30,0,position 10 <= min 10
			B,2024-01-10,2024-01-12,30,,position 10 <= min 10
			C,2024-01-14,2024-01-16,30,0,position 10 <= reorder point 10
			C,2024-01-20,2024-01-22,30,,position 10 <= reorder point 10
			E,2024-01-01,2024-01-03,5,8,projected 0 < safety stock 5 on 2024-01-05
			E,2024-01-04,2024-01-06,12,1,projected -7 < safety stock 5 on 2024-01-08
			E,2024-01-07,2024-01-09,8,1,projected -3 < safety stock 5 on 2024-01-10
			""";

	@LocalServerPort
	int port;

	private HttpResponse<String> post(String query, String csv, String... headers) {
		return TestHttp.on(this.port).post("/forecasts" + query, "text/csv", csv, headers);
	}

	@Test
	void theListIsSortedLateFirstThenByOrderDateWithinTheHorizon() {
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts?view=exceptions&within_days=7",
				"application/json", WITH_RECEIPTS, "Accept", "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(EXCEPTIONS);
		// Without its open order C would order on 2024-01-08, day 7: within the 7 days.
		assertThat(post("?view=exceptions&within_days=7", PRODUCTS).body()).endsWith(
				"C,due,2024-01-08,2024-01-10,30,2024-01-10,0,0,position 10 <= reorder point 10\n");
	}

	@Test
	void anExceptionsOrderIsItsProductsFirstPlannedOrder() {
		HttpResponse<String> orders = TestHttp.on(this.port).post("/forecasts?view=orders", "application/json",
				WITH_RECEIPTS, "Accept", "text/csv");
		assertThat(orders.body()).isEqualTo(ORDERS);
		for (String exception : EXCEPTIONS.lines().skip(1).toList()) {
			String[] f = exception.split(",");
			String first = ORDERS.lines().filter(line -> line.startsWith(f[0] + ",")).findFirst().orElseThrow();
			assertThat(first).startsWith(f[0] + "," + f[2] + "," + f[3] + "," + f[4] + ",").endsWith("," + f[8]);
		}
	}

	@Test
	void byDefaultOnlyTodaysOrdersAndTheLateAreListed() {
		assertThat(post("?view=exceptions", PRODUCTS).body())
			.isEqualTo(EXCEPTIONS.lines().limit(3).map(line -> line + "\n").reduce("", String::concat));
	}

	@Test
	void theExceptionsSpeakJsonAndNdjson() {
		JsonNode json = TestHttp.json(post("?view=exceptions&within_days=7", PRODUCTS, "Accept", "application/json"));
		assertThat(json.size()).isEqualTo(4);
		assertThat(json.get(0).toString()).isEqualTo("""
				{"product_id":"A","urgency":"late","order_date":"2024-01-01","arrival_date":"2024-01-04","quantity":20,\
				"stockout_date":"2024-01-02","shortfall_units":6,"shortfall_days":2,\
				"reason":"position 2 <= reorder point 10"}""");
		HttpResponse<String> ndjson = post("?view=exceptions&within_days=7", PRODUCTS, "Accept", "application/x-ndjson");
		assertThat(ndjson.body().lines().toList()).hasSize(4);
		assertThat(ndjson.body().lines().toList().get(2)).isEqualTo("""
				{"product_id":"B","urgency":"due","order_date":"2024-01-04","arrival_date":"2024-01-06","quantity":30,\
				"stockout_date":"2024-01-06","shortfall_units":0,"shortfall_days":0,"reason":"position 10 <= min 10"}""");
	}

	@Test
	void aBadHorizonIsNamedAsAParameter() {
		for (String bad : new String[] { "-1", "x", "3661", "2.5" }) {
			JsonNode problem = TestHttp.assertProblem(post("?view=exceptions&within_days=" + bad, PRODUCTS), 400,
					"invalid-input");
			assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("within_days");
			assertThat(problem.get("errors").get(0).get("value").asString()).isEqualTo(bad);
		}
		JsonNode problem = TestHttp.assertProblem(post("?view=orders&within_days=3", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"within_days","value":"3","reason":"only applies to view=exceptions"}]""");
	}

	@Test
	void theExceptionsComeFromTheDeterministicPlanAndTheirHorizonIsGivenToAJobWhenRead() {
		// A probabilistic scenario's trials receive the plan made from the mean demand: its exceptions are that plan's.
		String deterministic = post("?view=exceptions&within_days=7", PRODUCTS).body();
		for (String query : new String[] { "&demand=poisson", "&demand=normal&sales_std=2&seed=5", "&trials=3" }) {
			HttpResponse<String> response = post("?view=exceptions&within_days=7" + query, PRODUCTS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).as(query).isEqualTo(deterministic);
		}
		// The scenario's parameters are still checked.
		JsonNode problem = TestHttp.assertProblem(post("?view=exceptions&trials=0", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("trials");
		// A job keeps its exceptions whatever the horizon: the reader gives it (PlannedOrdersJobsApiTest).
		problem = TestHttp.assertProblem(post("?view=exceptions&within_days=3", PRODUCTS, "Prefer", "respond-async"),
				400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"within_days","value":"3","reason":"a job's exceptions take it when read: \
				GET /forecasts/{id}/exceptions?within_days=3"}]""");
	}

}
