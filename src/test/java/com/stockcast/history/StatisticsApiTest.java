package com.stockcast.history;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestResources;
import com.stockcast.TestHttp;
import com.stockcast.intake.Histories;
import com.stockcast.intake.Histories.Sale;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stockcast.limits.max-history-rows=20000")
class StatisticsApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Sale> SALES = Histories.random(5, 150, 100);

	private static final String CSV = Histories.csv(SALES);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void answersEverySkuInOrderOfFirstAppearanceWithTheBruteForceNumbers() {
		HttpResponse<String> response = post("/sales-statistics?trend_days=14", "text/csv", bytes(CSV));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv"));
		List<String> lines = response.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("product_id,count,mean,std,min,q1,median,q3,max,first_date,last_date,trend");
		Map<String, List<Sale>> bySku = Histories.bySku(SALES);
		assertThat(lines).hasSize(bySku.size() + 1);
		int row = 1;
		for (Map.Entry<String, List<Sale>> entry : bySku.entrySet()) {
			String[] cells = lines.get(row++).split(",", -1);
			List<Sale> days = entry.getValue();
			double[] expected = BruteForce.statistics(days, 14);
			assertThat(cells[0]).isEqualTo(entry.getKey());
			assertThat(cells[1]).isEqualTo(Integer.toString(days.size()));
			assertRounded(cells[2], expected[0], 2);
			assertRounded(cells[3], expected[1], 4);
			for (int k = 2; k <= 6; k++) {
				assertRounded(cells[k + 2], expected[k], 2);
			}
			assertThat(cells[9]).isEqualTo(LocalDate.ofEpochDay(days.get(0).day()).toString());
			assertThat(cells[10]).isEqualTo(LocalDate.ofEpochDay(days.get(days.size() - 1).day()).toString());
			assertRounded(cells[11], expected[7], 4);
		}
	}

	@Test
	void givesTheSameNumbersInJsonAndNdjson() throws Exception {
		String csv = post("/sales-statistics", "text/csv", bytes(CSV)).body();
		HttpResponse<String> json = post("/sales-statistics", "text/csv", bytes(CSV), "Accept", "application/json");
		HttpResponse<String> ndjson = post("/sales-statistics", "text/csv", bytes(CSV), "Accept",
				"application/x-ndjson");
		assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(ndjson.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/x-ndjson"));
		JsonNode array = JSON.readTree(json.body());
		List<String> objects = ndjson.body().lines().toList();
		List<String> rows = csv.lines().skip(1).toList();
		assertThat(array.size()).isEqualTo(rows.size());
		assertThat(objects).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(asCsv(array.get(i))).isEqualTo(rows.get(i));
			assertThat(asCsv(JSON.readTree(objects.get(i)))).isEqualTo(rows.get(i));
		}
	}

	@Test
	void takesJsonBodiesUploadsAndGzipWithTheSameAnswer() {
		String expected = post("/sales-statistics", "text/csv", bytes(CSV)).body();
		StringBuilder json = new StringBuilder("[");
		for (Sale sale : SALES) {
			json.append((json.length() > 1) ? "," : "").append("{\"product_id\":\"").append(sale.productId())
				.append("\",\"date\":\"").append(LocalDate.ofEpochDay(sale.day())).append("\",\"units\":")
				.append(BigDecimal.valueOf(sale.units()).toPlainString()).append('}');
		}
		assertThat(post("/sales-statistics", "application/json", bytes(json.append(']').toString())).body())
			.isEqualTo(expected);
		assertThat(upload("/sales-statistics", "text/csv", bytes(CSV)).body()).isEqualTo(expected);
		assertThat(post("/sales-statistics", "text/csv", TestResources.gzip(bytes(CSV)), "Content-Encoding", "gzip").body())
			.isEqualTo(expected);
	}

	@Test
	void answersTheWorkedExample() {
		String body = "product_id,date,units\nA,2024-03-01,1\nA,2024-03-02,2\nB,3/1/24,7\nA,2024-03-03,3\n"
				+ "A,2024-03-04,4\nA,2024-03-05,5\n";
		assertThat(post("/sales-statistics", "text/csv", bytes(body)).body()).isEqualTo("""
				product_id,count,mean,std,min,q1,median,q3,max,first_date,last_date,trend
				A,5,3,1.5811,1,2,3,4,5,2024-03-01,2024-03-05,1
				B,1,7,,7,7,7,7,7,2024-03-01,2024-03-01,
				""");
	}

	@Test
	void namesEveryBadValueWithItsLineAndComputesNothing() {
		String body = "product_id,date,units\nA,2024-03-01,1\nA,2024-02-30,2\nB,2024-03-01,-3\nA,3/1/24,4\n";
		JsonNode problem = assertProblem(post("/sales-statistics", "text/csv", bytes(body)), 400, "invalid-input");
		assertThat(problem.path("title").asString()).isEqualTo("The sales history has invalid values");
		assertThat(problem.path("errorCount").asInt()).isEqualTo(3);
		JsonNode errors = problem.path("errors");
		assertThat(errors.get(0).path("line").asInt()).isEqualTo(3);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("date");
		assertThat(errors.get(0).path("value").asString()).isEqualTo("2024-02-30");
		assertThat(errors.get(1).path("line").asInt()).isEqualTo(4);
		assertThat(errors.get(1).path("column").asString()).isEqualTo("units");
		assertThat(errors.get(1).path("reason").asString()).isEqualTo("must not be negative");
		assertThat(errors.get(2).path("line").asInt()).isEqualTo(5);
		assertThat(errors.get(2).path("reason").asString()).contains("line 2", "'A'");
	}

	@Test
	void refusesBadRequestsWithProblemsNeverA500() {
		assertProblem(post("/sales-statistics", "text/csv", bytes("product_id,units\nA,1\n")), 400, "invalid-input");
		assertProblem(post("/sales-statistics", "text/csv", new byte[0]), 400, "empty-sales-history");
		assertProblem(post("/sales-statistics", "application/json", bytes("{\"a\":1}")), 400, "unreadable-body");
		assertProblem(post("/sales-statistics", "application/json", bytes("[{\"product_id\":")), 400,
				"unreadable-body");
		JsonNode parameter = assertProblem(post("/sales-statistics?trend_days=1", "text/csv", bytes(CSV)), 400,
				"invalid-input");
		assertThat(parameter.path("errors").get(0).path("parameter").asString()).isEqualTo("trend_days");
		assertProblem(post("/sales-statistics?trend_days=x", "text/csv", bytes(CSV)), 400, "invalid-input");
		assertProblem(post("/sales-statistics", "text/csv", bytes(CSV), "Accept", "image/png"), 406,
				"not-acceptable");
		assertProblem(post("/sales-statistics", "application/xml", bytes("<a/>")), 415, "unsupported-media-type");
		assertProblem(post("/sales-statistics", "text/csv", bytes(CSV), "Content-Encoding", "br"), 415,
				"unsupported-content-encoding");
		assertProblem(upload("/sales-statistics", "image/png", bytes(CSV)), 415, "unsupported-media-type");
	}

	@Test
	void refusesAHistoryPastTheRowLimitWith413() {
		StringBuilder body = new StringBuilder("product_id,date,units\n");
		for (int i = 0; i <= 20_000; i++) {
			body.append("S").append(i % 7).append(',').append(LocalDate.ofEpochDay(10_000 + i / 7)).append(",1\n");
		}
		assertProblem(post("/sales-statistics", "text/csv", bytes(body.toString())), 413, "too-many-history-rows");
	}

	@Test
	void isCountedForPrometheusAndDescribedInOpenApi() {
		post("/sales-statistics", "text/csv", bytes(CSV), "Accept", "application/x-ndjson");
		post("/sales-statistics", "text/csv", bytes("product_id,date,units\nA,x,1\n"));
		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape).contains("stockcast_statistics_requests_seconds_count{application=\"stockcast\","
				+ "format=\"ndjson\",outcome=\"success\"}")
			.contains("stockcast_statistics_requests_seconds_count{application=\"stockcast\","
					+ "format=\"csv\",outcome=\"invalid\"}")
			.contains("stockcast_statistics_skus_total{application=\"stockcast\"}")
			.contains("stockcast_statistics_history_rows_total{application=\"stockcast\"}");
		JsonNode docs = JSON.readTree(get("/v3/api-docs").body());
		JsonNode operation = docs.path("paths").path("/sales-statistics").path("post");
		assertThat(operation.path("parameters").toString()).contains("trend_days");
		assertThat(operation.path("requestBody").path("content").properties()).extracting(Map.Entry::getKey)
			.contains("text/csv", "application/json", "multipart/form-data");
		assertThat(docs.path("components").path("schemas").path("SalesStatistics").path("properties").has("trend"))
			.isTrue();
	}

	private static void assertRounded(String cell, double expected, int decimals) {
		if (Double.isNaN(expected)) {
			assertThat(cell).isEmpty();
			return;
		}
		// The service rounds its own double; the brute force's may sit on the other side of a tie.
		assertThat(Double.parseDouble(cell)).isCloseTo(expected, within(0.5 * Math.pow(10, -decimals) + 1e-9));
	}

	private static String asCsv(JsonNode record) {
		StringBuilder sb = new StringBuilder();
		for (String column : StatisticsEncoder.COLUMNS) {
			JsonNode value = record.get(column);
			sb.append(sb.isEmpty() ? "" : ",").append(value.isNull() ? "" : value.isString() ? value.asString()
					: new BigDecimal(value.asString()).stripTrailingZeros().toPlainString());
		}
		return sb.toString();
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
		return TestHttp.on(this.port).post(path, contentType, body, headers);
	}

	private HttpResponse<String> upload(String path, String partType, byte[] file) {
		return TestHttp.on(this.port).upload(path, "sales.csv", partType, file);
	}

	/** GETs {@code path}: actuator endpoints from the management port, the rest from the API's. */
	private HttpResponse<String> get(String path) {
		return TestHttp.on(path.startsWith("/actuator/") ? this.managementPort : this.port).get(path);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
