package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;
import com.stockcast.output.Forecasts;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForecastApiTest {

	private static final String FRACTIONAL = TestResources.text("products-1k-fractional.csv");

	private static final String FRACTIONAL_ROWS = TestResources.text("products-1k-fractional.forecast.csv");

	private static final String FRACTIONAL_SUMMARY = TestResources.text("products-1k-fractional.summary.csv");

	@LocalServerPort
	int port;

	private TestHttp api() {
		return TestHttp.on(this.port);
	}

	@Test
	void answersCsvWithCsv() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", FRACTIONAL, "Accept", "text/csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv"));
		Forecasts.assertSameCsv(response.body(), FRACTIONAL_ROWS);
	}

	@Test
	void answersCsvWhenTheCallerTakesAnything() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", FRACTIONAL, "Accept", "*/*");
		assertThat(response.body()).isEqualTo(FRACTIONAL_ROWS);
	}

	@Test
	void seedSampleGivesTheSeedScriptsRows() {
		HttpResponse<String> response = api().upload("/forecasts", "product_list.csv", "application/octet-stream",
				TestResources.bytes("product_list.csv"));
		assertThat(response.statusCode()).isEqualTo(200);
		Forecasts.assertSameCsv(response.body(), TestResources.text("product_list.forecast.csv"));
	}

	@Test
	void acceptsMultipartUploads() {
		HttpResponse<String> response = api().upload("/forecasts", "products.csv", "text/csv",
				FRACTIONAL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FRACTIONAL_ROWS);
	}

	@Test
	void acceptsGzippedBodies() {
		byte[] gzipped = TestResources.gzip(FRACTIONAL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> response = api().post("/forecasts", "text/csv", gzipped, "Content-Encoding", "gzip");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FRACTIONAL_ROWS);
	}

	@Test
	void acceptsJsonProductListsWithTheSameAnswer() {
		HttpResponse<String> response = api().post("/forecasts", "application/json", toJson(FRACTIONAL), "Accept",
				"text/csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FRACTIONAL_ROWS);
	}

	@Test
	void answersJsonArrays() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", FRACTIONAL, "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode rows = TestHttp.json(response);
		String[] csv = FRACTIONAL_ROWS.split("\n");
		assertThat(rows.size()).isEqualTo(csv.length - 1);
		for (int i = 1; i < csv.length; i += 97) {
			assertSameRow(rows.get(i - 1), csv[i]);
		}
	}

	@Test
	void answersNdjsonOneRowPerLine() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", FRACTIONAL, "Accept",
				"application/x-ndjson");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
		String[] lines = response.body().split("\n");
		String[] csv = FRACTIONAL_ROWS.split("\n");
		assertThat(lines).hasSize(csv.length - 1);
		for (int i = 1; i < csv.length; i += 89) {
			assertSameRow(TestHttp.JSON.readTree(lines[i - 1]), csv[i]);
		}
	}

	@Test
	void followsTheCallersPreferenceOrder() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", FRACTIONAL, "Accept",
				"text/csv;q=0.5, application/x-ndjson");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
	}

	@Test
	void summaryViewInEachFormat() {
		HttpResponse<String> csv = api().post("/forecasts?view=summary", "text/csv", FRACTIONAL);
		assertThat(csv.body()).isEqualTo(FRACTIONAL_SUMMARY);

		HttpResponse<String> json = api().post("/forecasts?view=summary", "text/csv", FRACTIONAL, "Accept",
				"application/json");
		JsonNode first = TestHttp.json(json).get(1);
		assertThat(first.get("product_id").asString()).isEqualTo("2");
		assertThat(first.get("stockout_date").asString()).isEqualTo("2024-04-22");
		assertThat(first.get("min_inventory_level").asDouble()).isEqualTo(-712.68);
		assertThat(first.get("ending_inventory_level").asDouble()).isEqualTo(-712.68);
		assertThat(TestHttp.json(json).get(0).get("stockout_date").isNull()).isTrue();

		HttpResponse<String> ndjson = api().post("/forecasts?view=summary", "application/json", toJson(FRACTIONAL),
				"Accept", "application/x-ndjson");
		assertThat(ndjson.body().split("\n")).hasSize(1000);
	}

	@Test
	void fillsLeftOutColumnsFromQueryDefaults() {
		String weekly = TestResources.text("products-weekly.csv");
		String withoutShared = weekly.lines()
			.map(line -> line.substring(0, nthComma(line, 5)))
			.collect(Collectors.joining("\n", "", "\n"));
		HttpResponse<String> response = api().post("/forecasts?duration_days=90&forecast_frequency=7", "text/csv",
				withoutShared);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(TestResources.text("products-weekly.forecast.csv"));
	}

	@Test
	void rowValuesWinOverQueryDefaults() {
		HttpResponse<String> response = api().post("/forecasts?duration_days=5", "text/csv",
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
						+ "A,2024-01-01,10,1,0,2\nB,2024-01-01,10,1,0,\n");
		assertThat(response.body().lines().filter(l -> l.startsWith("A,"))).hasSize(2);
		assertThat(response.body().lines().filter(l -> l.startsWith("B,"))).hasSize(5);
	}

	@Test
	void servesItsOpenApiDescription() {
		HttpResponse<String> response = api().get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode post = TestHttp.json(response).path("paths").path("/forecasts").path("post");
		assertThat(post.isMissingNode()).isFalse();
		assertThat(response.body()).contains("duration_days", "text/csv", "application/x-ndjson");
	}

	private static void assertSameRow(JsonNode row, String csvLine) {
		String[] f = csvLine.split(",");
		assertThat(row.get("product_id").asString()).isEqualTo(f[0]);
		assertThat(row.get("update_date").asString()).isEqualTo(f[1]);
		assertThat(row.get("inventory_level").asDouble()).isEqualTo(Double.parseDouble(f[2]));
		assertThat(row.get("sales").asDouble()).isEqualTo(Double.parseDouble(f[3]));
		assertThat(row.get("restocking").asDouble()).isEqualTo(Double.parseDouble(f[4]));
	}

	private static int nthComma(String line, int n) {
		int at = -1;
		for (int i = 0; i < n; i++) {
			at = line.indexOf(',', at + 1);
		}
		return at;
	}

	/** The same products as a JSON array, numbers as JSON numbers. */
	static String toJson(String csv) {
		String[] lines = csv.split("\n");
		String[] header = lines[0].split(",");
		return Arrays.stream(lines, 1, lines.length).map(line -> {
			String[] f = line.split(",");
			StringBuilder sb = new StringBuilder("{");
			for (int i = 0; i < header.length; i++) {
				boolean text = header[i].equals("product_id") || header[i].equals("sell_start_date");
				sb.append(i == 0 ? "" : ",").append('"').append(header[i]).append("\":");
				sb.append(text ? "\"" + f[i] + "\"" : f[i]);
			}
			return sb.append('}').toString();
		}).collect(Collectors.joining(",\n", "[", "]"));
	}

}
