package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.RawHttp;
import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over a real port: what only HTTP shows. Each kind of refusal, once or twice, is an
 * {@code application/problem+json} answer with its status and stable type, naming the offending line
 * (CSV) or index (JSON), column, value and reason; an input with any bad row computes nothing; the
 * request's headers (media type, accepted format, content encoding, declared length) and query are
 * judged at the edge. The input rules themselves, case by case, are {@code intake.ProductListReaderTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputApiTest {

	private static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days,forecast_frequency\n";

	private static final String GOOD_ROW = "1,1/1/23,50,10,8,30,1\n";

	/** A row after its product_id: 10 units from 2024-01-01, selling 5 and restocking 3 a day, for 3 days. */
	private static final String THREE_DAYS = "2024-01-01,10,5,3,3,1";

	private static final String ROWS_HEADER = "product_id,update_date,inventory_level,sales,restocking\n";

	private static final String PROBLEM = "urn:stockcast:problem:";

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void computesNothingForAnInputWithAnyBadRow() {
		double before = simulatedSkus();
		var response = csv(HEADER + GOOD_ROW + "2,1/2/23,60,-15,13,30,1\n" + "3,1/3/23,70,20,18,30,1\n", "/forecasts",
				"Accept", "text/csv");

		JsonNode problem = invalidInput(response);
		assertLineError(onlyError(problem), 3, "sales_rate", "-15", "must not be negative");
		assertThat(problem.path("detail").asString()).contains("nothing was computed");
		// The good rows before the bad one were not simulated either (a 400 body alone cannot tell).
		assertThat(simulatedSkus()).isEqualTo(before);
	}

	/** Products simulated so far by this service, synchronously or in jobs. */
	private double simulatedSkus() {
		return this.registry.find("stockcast.forecast.skus").counters().stream().mapToDouble(Counter::count).sum();
	}

	@Test
	void rejectsEmptyBody() {
		var response = csv("");

		assertProblem(response, 400, "empty-product-list");
	}

	@Test
	void rejectsTextThatIsNotUtf8() {
		byte[] latin1 = (HEADER + "caf\u00e9,1/1/23,50,10,8,30,1\n").getBytes(StandardCharsets.ISO_8859_1);
		var response = api().post("/forecasts", "text/csv", latin1);

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("not UTF-8");
	}

	@Test
	void rejectsNegativeSalesRateInJson() {
		var response = json("[" + jsonProduct("\"A\"", "10") + "," + jsonProduct("\"B\"", "-1") + "]");

		assertIndexError(onlyError(invalidInput(response)), 1, "sales_rate", "-1", "must not be negative");
	}

	@Test
	void rejectsUploadThatIsNotCsv() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		var response = api().upload("/forecasts", "picture.png", "image/png", png);

		JsonNode problem = assertProblem(response, 415, "unsupported-media-type");
		assertThat(problem.path("detail").asString()).contains("image/png");
	}

	@Test
	void rejectsUnsupportedMediaType() {
		var response = api().post("/forecasts", "text/xml", "<products/>");

		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void rejectsUnacceptableAnswerFormat() {
		var response = csv(HEADER + GOOD_ROW, "/forecasts", "Accept", "text/html");

		assertProblem(response, 406, "not-acceptable");
	}

	@Test
	void rejectsUnknownView() {
		var response = csv(HEADER + GOOD_ROW, "/forecasts?view=daily");

		JsonNode error = onlyError(invalidInput(response));
		assertThat(error.path("parameter").asString()).isEqualTo("view");
		assertThat(error.path("value").asString()).isEqualTo("daily");
		assertThat(error.path("reason").asString()).contains("rows, summary, totals, orders or exceptions");
	}

	@Test
	void rejectsInvalidQueryDefault() {
		var response = csv("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate\n"
				+ "1,1/1/23,50,10,8\n", "/forecasts?duration_days=0");

		JsonNode error = onlyError(invalidInput(response));
		assertThat(error.path("parameter").asString()).isEqualTo("duration_days");
		assertThat(error.path("value").asString()).isEqualTo("0");
		assertThat(error.path("reason").asString()).contains("must be between 1 and 3660");
		assertThat(error.has("line")).isFalse();
		assertThat(error.has("index")).isFalse();
	}

	@Test
	void rejectsTruncatedGzipBody() {
		byte[] gzip = TestResources.gzip(TestResources.bytes("product_list.csv"));
		byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
		var response = api().post("/forecasts", "text/csv", truncated, "Content-Encoding", "gzip");

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("gzip");
	}

	@Test
	void rejectsUnsupportedContentEncoding() {
		var response = csv(HEADER + GOOD_ROW, "/forecasts", "Content-Encoding", "br");

		JsonNode problem = assertProblem(response, 415, "unsupported-content-encoding");
		assertThat(problem.path("detail").asString()).contains("br");
	}

	@Test
	void refusesDeclaredBodyOverTheLimitBeforeReadingIt() {
		// 600 MB declared, nothing sent: the default 512 MB limit refuses it from Content-Length alone.
		String answer;
		try (RawHttp raw = RawHttp.connect(this.port)) {
			answer = raw.write(RawHttp.head("POST", "/forecasts", RawHttp.CREDENTIALS, "Content-Type: text/csv",
					"Content-Length: 600000000"))
				.readAnswer();
		}

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer.toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
		assertThat(answer).contains("\"type\":\"" + PROBLEM + "body-too-large\"");
	}

	@Test
	void quotesProductIdWithCommaInCsvOutput() {
		var response = csv(HEADER + "\"SKU,1\"," + THREE_DAYS + "\n");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(ROWS_HEADER
				+ "\"SKU,1\",2024-01-01,8,5,3\n"
				+ "\"SKU,1\",2024-01-02,6,5,3\n"
				+ "\"SKU,1\",2024-01-03,4,5,3\n");
	}

	private TestHttp api() {
		return TestHttp.on(this.port);
	}

	private HttpResponse<String> csv(String body) {
		return csv(body, "/forecasts");
	}

	private HttpResponse<String> csv(String body, String path, String... headers) {
		return api().post(path, "text/csv", body, headers);
	}

	private HttpResponse<String> json(String body) {
		return api().post("/forecasts", "application/json", body);
	}

	/** A JSON product with the given id (a JSON value) and sales rate (a JSON value). */
	private static String jsonProduct(String id, String salesRate) {
		return "{\"product_id\":" + id + ",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":" + salesRate + ",\"restocking_rate\":3,\"duration_days\":3}";
	}

	/** Asserts a problem answer with this status and type slug, and returns its body. */
	private static JsonNode invalidInput(HttpResponse<String> response) {
		JsonNode problem = assertProblem(response, 400, "invalid-input");
		assertThat(problem.path("errors").isArray()).isTrue();
		assertThat(problem.path("errorCount").asInt()).isGreaterThanOrEqualTo(problem.path("errors").size());
		return problem;
	}

	private static JsonNode onlyError(JsonNode problem) {
		assertThat(problem.path("errorCount").asInt()).as(problem.toString()).isEqualTo(1);
		assertThat(problem.path("errors").size()).isEqualTo(1);
		return problem.path("errors").get(0);
	}

	/** Asserts a CSV error entry; a {@code null} column or value must be absent. */
	private static void assertLineError(JsonNode error, long line, String column, String value, String reason) {
		assertThat(error.path("line").asLong()).as(error.toString()).isEqualTo(line);
		assertThat(error.has("index")).isFalse();
		assertEntry(error, column, value, reason);
	}

	/** Asserts a JSON error entry; a {@code null} column or value must be absent. */
	private static void assertIndexError(JsonNode error, int index, String column, String value, String reason) {
		assertThat(error.has("index")).as(error.toString()).isTrue();
		assertThat(error.path("index").asInt()).isEqualTo(index);
		assertThat(error.has("line")).isFalse();
		assertEntry(error, column, value, reason);
	}

	private static void assertEntry(JsonNode error, String column, String value, String reason) {
		if (column == null) {
			assertThat(error.has("column")).as(error.toString()).isFalse();
		}
		else {
			assertThat(error.path("column").asString()).as(error.toString()).isEqualTo(column);
		}
		if (value == null) {
			assertThat(error.has("value")).as(error.toString()).isFalse();
		}
		else {
			assertThat(error.path("value").asString()).as(error.toString()).isEqualTo(value);
		}
		assertThat(error.path("reason").asString()).as(error.toString()).contains(reason);
	}

}
