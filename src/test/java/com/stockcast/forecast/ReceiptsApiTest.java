package com.stockcast.forecast;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled receipts through {@code POST /forecasts}: the hand-worked examples of
 * docs/forecast-contract.md#scheduled-receipts, in each input form (a multipart part, a JSON
 * object), every view, lost sales, a reorder policy, Monte Carlo without variance, and the problem
 * every bad receipt gets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stockcast.limits.max-receipts=10")
class ReceiptsApiTest {

	static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days
			A,2024-01-01,10,4,0,6
			""";

	static final String RECEIPTS = """
			product_id,date,units
			A,2024-01-03,5
			A,1/5/24,6
			A,2024-01-03,3
			""";

	private static final String ROWS = """
			product_id,update_date,inventory_level,sales,restocking,receipts,days_of_cover
			A,2024-01-01,6,4,0,0,1.5
			A,2024-01-02,2,4,0,0,0.5
			A,2024-01-03,6,4,0,8,1.5
			A,2024-01-04,2,4,0,0,0.5
			A,2024-01-05,4,4,0,6,1
			A,2024-01-06,0,4,0,0,0
			""";

	private static final String JSON_BODY = """
			{"receipts": [{"product_id": "A", "date": "2024-01-03", "units": 5},
			              {"product_id": "A", "date": "1/5/24", "units": "6"},
			              {"product_id": "A", "date": "2024-01-03", "units": 3}],
			 "products": [{"product_id": "A", "sell_start_date": "2024-01-01", "initial_inventory": 10,
			               "sales_rate": 4, "restocking_rate": 0, "duration_days": 6}]}
			""";

	@LocalServerPort
	int port;

	/** POSTs {@code products} as the part {@code file} and {@code receipts} (when given) as the part {@code receipts}. */
	static HttpResponse<String> upload(int port, String query, String products, String receipts, String receiptsType,
			String... headers) {
		String boundary = "----stockcast-receipts-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "file", "text/csv", products);
		if (receipts != null) {
			part(body, boundary, "receipts", receiptsType, receipts);
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return TestHttp.on(port).post("/forecasts" + query, "multipart/form-data; boundary=" + boundary,
				body.toByteArray(), headers);
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String type, String csv) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ name + ".csv\"\r\nContent-Type: " + type + "\r\n\r\n" + csv + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private String csv(String query, String products, String receipts) {
		HttpResponse<String> response = upload(this.port, query, products, receipts, "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aReceiptLiftsTheStockOnItsDateAndTheRowsShowIt() {
		// 10 on hand, 4 sold a day: d3 -2 + (5 + 3) = 6, d5 -2 + 6 = 4, d6 0. Without them A runs out on 01-03.
		assertThat(csv("", PRODUCTS, RECEIPTS)).isEqualTo(ROWS);
		assertThat(csv("?view=summary", PRODUCTS, RECEIPTS)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level
				A,2024-01-06,0,0
				""");
		assertThat(csv("?view=summary", PRODUCTS, null)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level
				A,2024-01-03,-14,-14
				""");
	}

	@Test
	void theTotalsCountReceiptsInWhatCameInAndWhatIsStillOnOrder() {
		// 14 units on order at first: 8 arrive on 01-03, 6 on 01-05.
		assertThat(csv("?view=totals", PRODUCTS, RECEIPTS)).isEqualTo("""
				date,inventory_level,sales,restocking,receipts,on_order,skus_out_of_stock,skus
				2024-01-01,6,4,0,0,14,0,1
				2024-01-02,2,4,0,0,14,0,1
				2024-01-03,6,4,8,8,6,0,1
				2024-01-04,2,4,0,0,6,0,1
				2024-01-05,4,4,6,6,0,0,1
				2024-01-06,0,4,0,0,0,1,1
				""");
	}

	@Test
	void underLostSalesAReceiptIsSoldFromTheNextDay() {
		assertThat(csv("?policy=lost-sales", PRODUCTS, RECEIPTS)).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking,unmet_demand,receipts,days_of_cover
				A,2024-01-01,6,4,0,0,0,1.5
				A,2024-01-02,2,4,0,0,0,0.5
				A,2024-01-03,8,2,0,2,8,2
				A,2024-01-04,4,4,0,0,0,1
				A,2024-01-05,6,4,0,0,6,1.5
				A,2024-01-06,2,4,0,0,0,0.5
				""");
		assertThat(csv("?policy=lost-sales&view=summary", PRODUCTS, RECEIPTS)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,unmet_demand
				A,2024-01-03,2,2,2
				""");
	}

	@Test
	void aReorderPolicyCountsReceiptsStillToComeInItsPosition() {
		String products = """
				product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,reorder_point,order_quantity,lead_time_days
				A,2024-01-01,10,4,0,6,6,10,2
				""";
		String receipts = "product_id,date,units\nA,2024-01-03,8\n";
		assertThat(csv("", products, receipts)).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking,orders_placed,orders_received,receipts,days_of_cover
				A,2024-01-01,6,4,0,0,0,0,1.5
				A,2024-01-02,2,4,0,0,0,0,0.5
				A,2024-01-03,6,4,0,10,0,8,1.5
				A,2024-01-04,2,4,0,0,0,0,0.5
				A,2024-01-05,8,4,0,0,10,0,2
				A,2024-01-06,4,4,0,10,0,0,1
				""");
		assertThat(csv("?view=summary", products, receipts)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates
				A,,2,4,2,2024-01-03 2024-01-06
				""");
	}

	@Test
	void everyTrialGetsTheReceiptsAndWithoutVarianceEqualsTheDeterministicAnswer() {
		assertThat(csv("?trials=5", PRODUCTS, RECEIPTS)).isEqualTo("""
				product_id,update_date,inventory_p10,inventory_p50,inventory_p90,stockout_probability,sales_mean,receipts
				A,2024-01-01,6,6,6,0,4,0
				A,2024-01-02,2,2,2,0,4,0
				A,2024-01-03,6,6,6,0,4,8
				A,2024-01-04,2,2,2,0,4,0
				A,2024-01-05,4,4,4,0,4,6
				A,2024-01-06,0,0,0,1,4,0
				""");
		assertThat(csv("?demand=normal&trials=20&view=summary", PRODUCTS, RECEIPTS)).isEqualTo("""
				product_id,stockout_probability,stockout_date_p10,stockout_date_p50,stockout_date_p90,ending_inventory_p50
				A,1,2024-01-06,2024-01-06,2024-01-06,0
				""");
		// The probabilistic totals are the stock's alone (the plan's figures are the deterministic answer's).
		assertThat(csv("?demand=normal&trials=20&view=totals", PRODUCTS, RECEIPTS)).isEqualTo("""
				date,inventory_level,sales,restocking,skus_out_of_stock,skus
				2024-01-01,6,4,0,0,1
				2024-01-02,2,4,0,0,1
				2024-01-03,6,4,8,0,1
				2024-01-04,2,4,0,0,1
				2024-01-05,4,4,6,0,1
				2024-01-06,0,4,0,1,1
				""");
		// Poisson demand: every trial still receives them; the median level is above the one without.
		String with = csv("?demand=poisson&trials=200&seed=1&view=summary", PRODUCTS, RECEIPTS);
		String without = csv("?demand=poisson&trials=200&seed=1&view=summary", PRODUCTS, null);
		assertThat(ending(with) - ending(without)).isEqualTo(14.0);
	}

	private static double ending(String summary) {
		String[] values = summary.split("\n")[1].split(",");
		return Double.parseDouble(values[values.length - 1]);
	}

	@Test
	void aJsonObjectCarriesTheProductsAndTheReceipts() {
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts", "application/json", JSON_BODY,
				"Accept", "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(ROWS);
		// An object without receipts is the array it holds.
		String products = JSON_BODY.substring(JSON_BODY.indexOf("\"products\""));
		String alone = TestHttp.on(this.port).post("/forecasts", "application/json", "{" + products, "Accept",
				"text/csv").body();
		assertThat(alone).startsWith("product_id,update_date,inventory_level,sales,restocking\nA,2024-01-01,6,4,0\n");
	}

	@Test
	void aJsonObjectWithAPropertyItDoesNotTakeIsRefusedSoAMisspeltReceiptsIsNotLostUnseen() {
		String misspelt = JSON_BODY.replace("\"receipts\"", "\"receipt\"");
		HttpResponse<String> response = TestHttp.on(this.port).post("/forecasts", "application/json", misspelt);
		JsonNode problem = TestHttp.assertProblem(response, 400, "unreadable-body");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The property 'receipt' is not one this body takes: 'products' and 'receipts'.");
	}

	@Test
	void noReceiptsAtAllStillShowTheColumn() {
		assertThat(csv("", PRODUCTS, "product_id,date,units\n")).contains("receipts").contains("A,2024-01-03,-2,4,0,0,0\n");
		assertThat(csv("", PRODUCTS, "")).startsWith(ROWS.substring(0, ROWS.indexOf('\n')));
		String products = JSON_BODY.substring(JSON_BODY.indexOf("\"products\""));
		String empty = TestHttp.on(this.port).post("/forecasts", "application/json", "{\"receipts\": []," + products,
				"Accept", "text/csv").body();
		assertThat(empty).startsWith(ROWS.substring(0, ROWS.indexOf('\n')));
	}

	@Test
	void everyBadReceiptIsNamedWithItsLineAndColumnAndNothingIsComputed() {
		String receipts = """
				product_id,date,units
				A,2024-01-03,5
				B,2024-01-03,5
				A,2023-12-31,5
				A,2024-01-07,5
				A,2024-01-04,0
				A,2024-02-30,1
				A,2024-01-04,lots
				""";
		JsonNode problem = TestHttp.assertProblem(upload(this.port, "", PRODUCTS, receipts, "text/csv"), 400,
				"invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"input":"receipts","line":3,"column":"product_id","value":"B","reason":"is not in the product list"},\
				{"input":"receipts","line":4,"column":"date","value":"2023-12-31","reason":"is before the product's sell_start_date 2024-01-01"},\
				{"input":"receipts","line":5,"column":"date","value":"2024-01-07","reason":"is after the last day of the product's projection, 2024-01-06"},\
				{"input":"receipts","line":6,"column":"units","value":"0","reason":"must be greater than 0"},\
				{"input":"receipts","line":7,"column":"date","value":"2024-02-30","reason":"is not a calendar date"},\
				{"input":"receipts","line":8,"column":"units","value":"lots","reason":"is not a number"}]""");
		assertThat(problem.get("title").asString()).isEqualTo("The scheduled receipts have invalid values");
		assertThat(problem.get("detail").asString()).isEqualTo("6 errors in 6 rows; nothing was computed.");
	}

	@Test
	void badProductsAndBadReceiptsAreListedTogether() {
		String products = PRODUCTS + "A,2024-01-01,10,4,0,6\nC,2024-01-01,10,-1,0,6\n";
		String receipts = "product_id,date,units\nA,2024-01-03,-5\nC,1/32/24,1\n";
		JsonNode problem = TestHttp.assertProblem(upload(this.port, "", products, receipts, "text/csv"), 400,
				"invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"line":4,"column":"sales_rate","value":"-1","reason":"must not be negative"},\
				{"input":"receipts","line":2,"column":"units","value":"-5","reason":"must be greater than 0"},\
				{"input":"receipts","line":3,"column":"date","value":"1/32/24","reason":"is not a calendar date"}]""");
		assertThat(problem.get("title").asString()).isEqualTo("The product list has invalid values");
		// With the product list good, a product given twice cannot take a receipt.
		problem = TestHttp.assertProblem(upload(this.port, "", PRODUCTS + "A,2024-01-01,3,1,0,6\n",
				"product_id,date,units\nA,2024-01-03,5\n", "text/csv"), 400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("reason").asString())
			.isEqualTo("names more than one product of the product list; a receipt must name one");
	}

	@Test
	void aJsonReceiptIsNamedByItsIndex() {
		String body = JSON_BODY.replace("\"product_id\": \"A\", \"date\": \"1/5/24\"", "\"product_id\": \"B\", \"date\": \"1/5/24\"")
			.replace("\"units\": 3", "\"units\": \"NaN\"");
		JsonNode problem = TestHttp.assertProblem(
				TestHttp.on(this.port).post("/forecasts", "application/json", body, "Accept", "text/csv"), 400,
				"invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"input":"receipts","index":1,"column":"product_id","value":"B","reason":"is not in the product list"},\
				{"input":"receipts","index":2,"column":"units","value":"NaN","reason":"must be a finite number"}]""");
	}

	@Test
	void receiptsThatCannotBeReadAreRefusedAsAnyBody() {
		TestHttp.assertProblem(upload(this.port, "", PRODUCTS, RECEIPTS, "image/png"), 415, "unsupported-media-type");
		JsonNode missing = TestHttp.assertProblem(upload(this.port, "", PRODUCTS, "product_id,units\nA,1\n", "text/csv"),
				400, "invalid-input");
		assertThat(missing.get("errors").toString())
			.isEqualTo("[{\"input\":\"receipts\",\"line\":1,\"column\":\"date\",\"reason\":\"required column is missing\"}]");
		TestHttp.assertProblem(TestHttp.on(this.port).post("/forecasts", "application/json",
				"{\"receipts\": {}, \"products\": []}", "Accept", "text/csv"), 400, "unreadable-body");
		TestHttp.assertProblem(TestHttp.on(this.port).post("/forecasts", "application/json",
				"{\"receipts\": []}", "Accept", "text/csv"), 400, "unreadable-body");
		TestHttp.assertProblem(TestHttp.on(this.port).post("/forecasts", "application/json",
				"{\"receipts\": [], \"products\": []}", "Accept", "text/csv"), 400, "empty-product-list");
		StringBuilder many = new StringBuilder("product_id,date,units\n");
		for (int r = 0; r < 11; r++) {
			many.append("A,2024-01-02,1\n");
		}
		TestHttp.assertProblem(upload(this.port, "", PRODUCTS, many.toString(), "text/csv"), 413, "too-many-receipts");
	}

}
