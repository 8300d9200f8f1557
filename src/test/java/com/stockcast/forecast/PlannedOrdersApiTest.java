package com.stockcast.forecast;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned orders through {@code POST /forecasts}: the hand-worked examples of
 * docs/forecast-contract.md#planned-orders as {@code view=orders} in CSV, JSON and NDJSON, the other
 * views with the new policies, request-level defaults, every bad value named with its line and column,
 * the probabilistic forecast of the plan, and the request not served yet (view=orders as a job) refused
 * with a problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlannedOrdersApiTest {

	static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days,order_policy,lead_time_days,review_period_days,safety_stock,reorder_point,order_quantity,"
			+ "max_level,min_order_quantity,order_multiple\n";

	/** The contract's three examples, and D without an order policy. */
	static final String PRODUCTS = HEADER + """
			A,2024-01-01,20,4,0,10,order-up-to,2,3,5,,,,,6
			B,2024-01-01,15,5,0,8,reorder-point,1,2,,10,8,,20,6
			C,2024-01-01,12,4,0,8,min-max,1,,,10,,30,,5
			D,2024-01-01,5,1,0,3,,,,,,,,,
			""";

	static final String ORDERS = """
			product_id,order_date,arrival_date,quantity,level_before_arrival,reason
			A,2024-01-01,2024-01-03,6,8,projected 0 < safety stock 5 on 2024-01-05
			A,2024-01-04,2024-01-06,12,2,projected -6 < safety stock 5 on 2024-01-08
			A,2024-01-07,2024-01-09,12,2,projected -2 < safety stock 5 on 2024-01-10
			B,2024-01-01,2024-01-02,24,5,position 10 <= reorder point 10
			B,2024-01-07,2024-01-08,24,-1,position 4 <= reorder point 10
			C,2024-01-01,2024-01-02,25,4,position 8 <= min 10
			C,2024-01-07,2024-01-08,25,5,position 9 <= min 10
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
	void theOrdersViewListsEachPlannedOrderWithWhyItWasPlaced() {
		assertThat(csv("?view=orders", PRODUCTS)).isEqualTo(ORDERS);
	}

	@Test
	void theOrdersViewSpeaksJsonAndNdjson() {
		HttpResponse<String> json = post("?view=orders", PRODUCTS, "Accept", "application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode orders = TestHttp.json(json);
		assertThat(orders.size()).isEqualTo(7);
		assertThat(orders.get(0).toString()).isEqualTo("""
				{"product_id":"A","order_date":"2024-01-01","arrival_date":"2024-01-03","quantity":6,\
				"level_before_arrival":8,"reason":"projected 0 < safety stock 5 on 2024-01-05"}""");
		HttpResponse<String> ndjson = post("?view=orders", PRODUCTS, "Accept", "application/x-ndjson");
		assertThat(ndjson.body().lines().toList()).hasSize(7);
		assertThat(ndjson.body().lines().toList().get(6)).isEqualTo("""
				{"product_id":"C","order_date":"2024-01-07","arrival_date":"2024-01-08","quantity":25,\
				"level_before_arrival":5,"reason":"position 9 <= min 10"}""");
	}

	@Test
	void theSameProductsAsJsonGiveTheSameOrders() {
		String json = """
				[{"product_id":"A","sell_start_date":"2024-01-01","initial_inventory":20,"sales_rate":4,"restocking_rate":0,
				  "duration_days":10,"order_policy":"order-up-to","lead_time_days":2,"review_period_days":3,
				  "safety_stock":5,"order_multiple":"6"}]""";
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts?view=orders", "application/json", json,
				"Accept", "text/csv");
		assertThat(response.body()).isEqualTo(ORDERS.lines().limit(4).map(line -> line + "\n").reduce("", String::concat));
	}

	@Test
	void todaysReorderPolicyHasTheSameRowsAndItsOrdersInTheOrdersView() {
		String products = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,"
				+ "reorder_point,order_quantity,lead_time_days\nA,2024-01-01,10,4,0,8,6,10,2\n";
		assertThat(csv("?view=orders", products)).isEqualTo("""
				product_id,order_date,arrival_date,quantity,level_before_arrival,reason
				A,2024-01-01,2024-01-03,10,-2,position 6 <= reorder point 6
				A,2024-01-04,2024-01-06,10,-4,position 4 <= reorder point 6
				A,2024-01-06,2024-01-08,10,-2,position 6 <= reorder point 6
				""");
		// With order_policy given as a query parameter, the same row is the same policy.
		assertThat(csv("?view=orders&order_policy=reorder-point", products)).isEqualTo(csv("?view=orders", products));
	}

	@Test
	void anOrderArrivingAfterTheHorizonHasNoLevelBeforeArrival() {
		String products = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,"
				+ "reorder_point,order_quantity,lead_time_days\nA,2024-01-01,10,4,0,6,6,10,2\n";
		assertThat(csv("?view=orders", products)).endsWith("A,2024-01-06,2024-01-08,10,,position 6 <= reorder point 6\n");
		JsonNode last = TestHttp.json(post("?view=orders", products, "Accept", "application/json")).get(2);
		assertThat(last.get("level_before_arrival").isNull()).isTrue();
	}

	@Test
	void theOtherViewsShowTheNewPoliciesOrders() {
		assertThat(csv("?view=summary", PRODUCTS)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates
				A,,6,10,3,2024-01-01 2024-01-04 2024-01-07
				B,,4,23,2,2024-01-01 2024-01-07
				C,,8,30,2,2024-01-01 2024-01-07
				D,,2,2,0,
				""");
		assertThat(csv("", PRODUCTS)).startsWith("""
				product_id,update_date,inventory_level,sales,restocking,orders_placed,orders_received,days_of_cover
				A,2024-01-01,16,4,0,6,0,4
				A,2024-01-02,12,4,0,0,0,3
				A,2024-01-03,14,4,0,0,6,3.5
				""");
	}

	@Test
	void requestLevelDefaultsGiveThePolicyAndTheConstraints() {
		String products = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
				+ "A,2024-01-01,20,4,0,10\n";
		assertThat(csv("?view=orders&order_policy=order-up-to&lead_time_days=2&review_period_days=3&safety_stock=5"
				+ "&order_multiple=6&max_level=40", products))
			.isEqualTo(ORDERS.lines().limit(4).map(line -> line + "\n").reduce("", String::concat));
	}

	@Test
	void everyBadOrderValueIsNamedWithItsLineAndColumnAndNothingIsComputed() {
		String products = HEADER + """
				A,2024-01-01,20,4,0,10,order-up-to,2,0,5,,,,,-6
				B,2024-01-01,15,5,0,8,order-up-to,1,1,,,,40,-1,
				C,2024-01-01,12,4,0,8,min-max,1,,,10,,5,,
				D,2024-01-01,12,4,0,8,weekly,,,,,,,,
				E,2024-01-01,12,4,0,8,,,,3,,,,,
				F,2024-01-01,12,4,0,8,min-max,,,,,,,,0
				G,2024-01-01,12,4,0,8,reorder-point,,2.5,,,,,,
				""";
		JsonNode problem = TestHttp.assertProblem(post("?view=orders", products), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"line":2,"column":"review_period_days","value":"0","reason":"must be at least 1"},\
				{"line":2,"column":"order_multiple","value":"-6","reason":"must be greater than 0"},\
				{"line":3,"column":"max_level","value":"40","reason":"does not apply to order_policy order-up-to"},\
				{"line":3,"column":"min_order_quantity","value":"-1","reason":"must not be negative"},\
				{"line":4,"column":"max_level","value":"5","reason":"must be greater than reorder_point (10)"},\
				{"line":5,"column":"order_policy","value":"weekly","reason":"must be reorder-point, order-up-to or min-max"},\
				{"line":6,"column":"safety_stock","value":"3","reason":"applies only with an order policy (give order_policy, \
				or reorder_point, order_quantity and lead_time_days)"},\
				{"line":7,"column":"reorder_point","reason":"is required with order_policy min-max"},\
				{"line":7,"column":"max_level","reason":"is required with order_policy min-max"},\
				{"line":7,"column":"order_multiple","value":"0","reason":"must be greater than 0"},\
				{"line":8,"column":"reorder_point","reason":"is required with a reorder policy (reorder_point, order_quantity \
				and lead_time_days come together)"},\
				{"line":8,"column":"order_quantity","reason":"is required with a reorder policy (reorder_point, order_quantity \
				and lead_time_days come together)"},\
				{"line":8,"column":"lead_time_days","reason":"is required with a reorder policy (reorder_point, order_quantity \
				and lead_time_days come together)"},\
				{"line":8,"column":"review_period_days","value":"2.5","reason":"must be a whole number"}]""");
	}

	@Test
	void badDefaultsAreNamedAsParameters() {
		JsonNode problem = TestHttp.assertProblem(post("?review_period_days=0&order_multiple=-1&order_policy=weekly"
				+ "&min_order_quantity=-2&safety_stock=x", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"order_policy","value":"weekly","reason":"must be reorder-point, order-up-to or min-max"},\
				{"parameter":"review_period_days","value":"0","reason":"must be at least 1"},\
				{"parameter":"safety_stock","value":"x","reason":"is not a number"},\
				{"parameter":"min_order_quantity","value":"-2","reason":"must not be negative"},\
				{"parameter":"order_multiple","value":"-1","reason":"must be greater than 0"}]""");
	}

	@Test
	void theMonteCarloForecastReceivesTheDeterministicPlansOrders() {
		// Constant demand: every trial is the plan, so every percentile is its level and nothing runs out.
		assertThat(csv("?trials=10&view=summary", PRODUCTS)).isEqualTo("""
				product_id,stockout_probability,stockout_date_p10,stockout_date_p50,stockout_date_p90,ending_inventory_p50,achieved_cycle_service_level,cycle_service_level_low,cycle_service_level_high,achieved_fill_rate,fill_rate_low,fill_rate_high
				A,0,,,,10,1,0.8389,1,1,1,1
				B,0,,,,23,1,0.7225,1,1,1,1
				C,0,,,,30,1,0.7225,1,1,1,1
				D,0,,,,2,,,,,,
				""");
		assertThat(csv("?trials=10", PRODUCTS)).startsWith("""
				product_id,update_date,inventory_p10,inventory_p50,inventory_p90,stockout_probability,sales_mean
				A,2024-01-01,16,16,16,0,4
				A,2024-01-02,12,12,12,0,4
				A,2024-01-03,14,14,14,0,4
				""");
	}

	@Test
	void theContractsMonteCarloExampleRunsThePlanOutInSomeTrials() {
		// docs/forecast-contract.md#orders-in-the-trials: A's plan, whose lowest level is 6, under N(4, 2^2).
		String a = PRODUCTS.lines().limit(2).map(line -> line + "\n").reduce("", String::concat);
		assertThat(csv("?demand=normal&sales_std=2&trials=1000&seed=42&view=summary", a)).isEqualTo("""
				product_id,stockout_probability,stockout_date_p10,stockout_date_p50,stockout_date_p90,ending_inventory_p50,achieved_cycle_service_level,cycle_service_level_low,cycle_service_level_high,achieved_fill_rate,fill_rate_low,fill_rate_high
				A,0.154,2024-01-08,,,10.35,0.897,0.8829,0.9096,0.9845,0.9813,0.9877
				""");
		assertThat(csv("?trials=1000&seed=42&view=summary", a)).endsWith("A,0,,,,10,1,0.9981,1,1,1,1\n");
	}

	@Test
	void lateDeliveriesShowInTheStockoutProbabilityWhenLeadTimesVary() {
		// docs/scenarios.md and docs/forecast-contract.md#lead-times-that-vary: the same trials' demand, lead
		// times fixed at 5 days, then drawn with a deviation of 2 days (query parameter or column, any policy).
		String products = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,"
				+ "reorder_point,order_quantity,lead_time_days\nP,2024-01-01,100,10,0,60,70,100,5\n";
		String query = "?demand=normal&sales_std=3&trials=1000&seed=42&view=summary";
		assertThat(csv(query, products)).isEqualTo("""
				product_id,stockout_probability,stockout_date_p10,stockout_date_p50,stockout_date_p90,ending_inventory_p50,achieved_cycle_service_level,cycle_service_level_low,cycle_service_level_high,achieved_fill_rate,fill_rate_low,fill_rate_high
				P,0,,,,89.44,1,0.9992,1,1,1,1
				""");
		assertThat(csv(query + "&lead_time_std_days=2", products)).isEqualTo("""
				product_id,stockout_probability,stockout_date_p10,stockout_date_p50,stockout_date_p90,ending_inventory_p50,achieved_cycle_service_level,cycle_service_level_low,cycle_service_level_high,achieved_fill_rate,fill_rate_low,fill_rate_high
				P,0.521,2024-01-11,2024-02-27,,87.73,0.8887,0.8795,0.8973,0.9873,0.9861,0.9885
				""");
		String column = products.replace("lead_time_days\n", "lead_time_days,lead_time_std_days\n").replace(",5\n", ",5,2\n");
		assertThat(csv(query, column)).isEqualTo(csv(query + "&lead_time_std_days=2", products));
		// The deterministic forecast keeps the one lead time.
		assertThat(csv("?view=summary", column)).isEqualTo(csv("?view=summary", products));
	}

	@Test
	void theOrdersViewOfAProbabilisticScenarioIsTheDeterministicPlan() {
		assertThat(csv("?view=orders&trials=10", PRODUCTS)).isEqualTo(ORDERS);
		assertThat(csv("?view=orders&demand=poisson&seed=4", PRODUCTS)).isEqualTo(ORDERS);
		// The scenario's parameters are still checked.
		JsonNode problem = TestHttp.assertProblem(post("?view=orders&demand=gamma", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("demand");
		problem = TestHttp.assertProblem(post("?view=orders&seed=4", PRODUCTS), 400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("seed");
	}

}
