package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


import com.stockcast.RawHttp;
import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over a real port: every refusal is an {@code application/problem+json} answer with a
 * stable type, naming the offending line (CSV) or index (JSON), column, value and reason; an input
 * with any bad row computes nothing. Also the harmless variations of CSV that must be accepted.
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

	@Test
	void rejectsMissingRequiredColumnAndNamesIt() {
		var response = csv("product_id,sell_start_date,initial_inventory,restocking_rate,duration_days\n"
				+ "1,1/1/23,50,8,30\n");

		JsonNode error = onlyError(invalidInput(response));
		assertLineError(error, 1, "sales_rate", null, "required column is missing");
	}

	@Test
	void rejectsUnparseableNumber() {
		var response = csv(HEADER + "1,1/1/23,abc,10,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "initial_inventory", "abc", "is not a number");
	}

	@Test
	void rejectsNegativeSalesRate() {
		var response = csv(HEADER + "1,1/1/23,50,-1,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "sales_rate", "-1", "must not be negative");
	}

	@Test
	void rejectsNegativeRestockingRate() {
		var response = csv(HEADER + "1,1/1/23,50,10,-0.5,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "restocking_rate", "-0.5", "must not be negative");
	}

	@ParameterizedTest
	@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "1e999" })
	void rejectsNonFiniteNumber(String value) {
		var response = csv(HEADER + "1,1/1/23," + value + ",10,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "initial_inventory", value, "must be a finite number");
	}

	@Test
	void rejectsMalformedDate() {
		var response = csv(HEADER + "1,2023/31/01,50,10,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "sell_start_date", "2023/31/01", "must be a date like");
	}

	@Test
	void rejectsImpossibleDate() {
		var response = csv(HEADER + "1,2/30/23,50,10,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "sell_start_date", "2/30/23", "is not a calendar date");
	}

	@Test
	void rejectsZeroDuration() {
		var response = csv(HEADER + "1,1/1/23,50,10,8,0,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "duration_days", "0", "must be between 1 and 3660");
	}

	@Test
	void rejectsDurationOverTheLimit() {
		var response = csv(HEADER + "1,1/1/23,50,10,8,3661,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "duration_days", "3661", "must be between 1 and 3660");
	}

	@Test
	void acceptsDurationAtTheLimit() {
		var response = csv(HEADER + "1,1/1/23,50,10,8,3660,1\n", "/forecasts?view=summary");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(
				"product_id,stockout_date,min_inventory_level,ending_inventory_level\n1,2023-01-25,-7270,-7270\n");
	}

	@Test
	void rejectsFractionalDuration() {
		var response = csv(HEADER + "1,1/1/23,50,10,8,30.5,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "duration_days", "30.5", "must be a whole number");
	}

	@Test
	void rejectsZeroForecastFrequency() {
		var response = csv(HEADER + "1,1/1/23,50,10,8,30,0\n");

		assertLineError(onlyError(invalidInput(response)), 2, "forecast_frequency", "0", "must be at least 1");
	}

	@Test
	void rejectsProductIdLongerThan128Characters() {
		String id = "x".repeat(129);
		var response = csv(HEADER + id + ",1/1/23,50,10,8,30,1\n");

		JsonNode error = onlyError(invalidInput(response));
		assertLineError(error, 2, "product_id", "x".repeat(80) + "...", "must be at most 128 characters");
	}

	@Test
	void acceptsProductIdOf128Characters() {
		String id = "x".repeat(128);
		var response = csv(HEADER + id + ",1/1/23,50,10,8,1,1\n");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(ROWS_HEADER + id + ",2023-01-01,48,10,8\n");
	}

	@Test
	void rejectsBlankProductId() {
		var response = csv(HEADER + ",1/1/23,50,10,8,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 2, "product_id", "", "is required");
	}

	@Test
	void rejectsColumnThatAppearsTwice() {
		var response = csv(HEADER.replace("\n", ",Sales_Rate\n") + "1,1/1/23,50,10,8,30,1,10\n");

		assertLineError(onlyError(invalidInput(response)), 1, "sales_rate", "Sales_Rate", "column appears more than once");
	}

	@Test
	void rejectsRowWithTooFewFields() {
		var response = csv(HEADER + GOOD_ROW + "2,1/2/23,60\n");

		assertLineError(onlyError(invalidInput(response)), 3, null, null, "has 3 fields; the header has 7");
	}

	@Test
	void rejectsRowWithTooManyFields() {
		var response = csv(HEADER + GOOD_ROW + "2,1/2/23,60,15,13,30,1,extra\n");

		assertLineError(onlyError(invalidInput(response)), 3, null, null, "has 8 fields; the header has 7");
	}

	@Test
	void listsEveryErrorWithItsLineAndCountsThem() {
		var response = csv(HEADER
				+ GOOD_ROW
				+ "2,1/2/23,abc,-1,13,30,1\n"
				+ "3,1/3/23,70,20,18,30,1\n"
				+ "4,2/30/23,80,25,23,0,1\n"
				+ "5,1/5/23,90\n");

		JsonNode problem = invalidInput(response);
		assertThat(problem.path("errorCount").asInt()).isEqualTo(5);
		JsonNode errors = problem.path("errors");
		assertThat(errors.size()).isEqualTo(5);
		assertLineError(errors.get(0), 3, "initial_inventory", "abc", "is not a number");
		assertLineError(errors.get(1), 3, "sales_rate", "-1", "must not be negative");
		assertLineError(errors.get(2), 5, "sell_start_date", "2/30/23", "is not a calendar date");
		assertLineError(errors.get(3), 5, "duration_days", "0", "must be between 1 and 3660");
		assertLineError(errors.get(4), 6, null, null, "has 3 fields; the header has 7");
		assertThat(problem.path("detail").asString()).contains("5 errors in 3 rows");
	}

	@Test
	void listsTheFirstHundredErrorsAndCountsThemAll() {
		StringBuilder body = new StringBuilder(HEADER);
		for (int i = 0; i < 150; i++) {
			body.append(i).append(",1/1/23,50,-1,8,30,1\n");
		}
		var response = csv(body.toString());

		JsonNode problem = invalidInput(response);
		assertThat(problem.path("errorCount").asInt()).isEqualTo(150);
		assertThat(problem.path("errors").size()).isEqualTo(100);
		assertLineError(problem.path("errors").get(99), 101, "sales_rate", "-1", "must not be negative");
		assertThat(problem.path("detail").asString()).contains("The first 100 are listed");
	}

	@Test
	void computesNothingForAnInputWithAnyBadRow() {
		var response = csv(HEADER + GOOD_ROW + "2,1/2/23,60,-15,13,30,1\n" + "3,1/3/23,70,20,18,30,1\n", "/forecasts",
				"Accept", "text/csv");

		JsonNode problem = invalidInput(response);
		assertLineError(onlyError(problem), 3, "sales_rate", "-15", "must not be negative");
		assertThat(problem.path("detail").asString()).contains("nothing was computed");
		assertThat(response.body()).doesNotContain("update_date").doesNotContain("2023-01-01");
	}

	@Test
	void countsLinesAsTheFileHasThemAcrossBlankLinesAndQuotedLineBreaks() {
		var response = csv(HEADER + "\n" + "\"multi\nline\",1/1/23,50,10,8,30,1\n" + "3,1/3/23,70,-20,18,30,1\n");

		assertLineError(onlyError(invalidInput(response)), 5, "sales_rate", "-20", "must not be negative");
	}

	@Test
	void rejectsEmptyBody() {
		var response = csv("");

		assertProblem(response, 400, "empty-product-list");
	}

	@Test
	void rejectsRatesThatWouldOverflowTheProjection() {
		var response = csv(HEADER + "A,2024-01-01,0,1e308,1e308,4,2\n");

		assertLineError(onlyError(invalidInput(response)), 2, "initial_inventory", "0", "overflows");
	}

	@Test
	void rejectsAProductIdWithTheNulCharacter() {
		var response = json("[{\"product_id\":\"A\\u0000B\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":1,"
				+ "\"sales_rate\":1,\"restocking_rate\":1,\"duration_days\":3}]", "/forecasts");

		JsonNode error = onlyError(invalidInput(response));
		assertThat(error.path("column").asString()).isEqualTo("product_id");
		assertThat(error.path("reason").asString()).contains("NUL");
	}

	@Test
	void countsProductIdLengthInCharactersNotCodeUnits() {
		String emoji = "\uD83D\uDCE6".repeat(128);
		var response = csv(HEADER + emoji + ",2024-01-01,10,1,1,3,1\n");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(emoji + ",2024-01-01,10,1,1");
	}

	@Test
	void rejectsABodyOfNothingButAByteOrderMark() {
		var response = csv("\uFEFF");

		assertProblem(response, 400, "empty-product-list");
	}

	@Test
	void rejectsHeaderWithoutProducts() {
		var response = csv(HEADER);

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
	void rejectsBinaryBytesSentAsCsv() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1,
				0, (byte) 0xff, (byte) 0xfe };
		var response = api().post("/forecasts", "text/csv", png);

		assertProblem(response, 400, "unreadable-body");
	}

	@Test
	void rejectsNegativeSalesRateInJson() {
		var response = json("[" + jsonProduct("\"A\"", "10") + "," + jsonProduct("\"B\"", "-1") + "]");

		assertIndexError(onlyError(invalidInput(response)), 1, "sales_rate", "-1", "must not be negative");
	}

	@Test
	void rejectsNonFiniteNumberInJson() {
		var response = json("[" + jsonProduct("\"A\"", "\"NaN\"") + "]");

		assertIndexError(onlyError(invalidInput(response)), 0, "sales_rate", "NaN", "must be a finite number");
	}

	@Test
	void rejectsDurationOverTheLimitInJson() {
		var response = json("[{\"product_id\":\"A\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":5,\"restocking_rate\":3,\"duration_days\":3661}]");

		assertIndexError(onlyError(invalidInput(response)), 0, "duration_days", "3661", "must be between 1 and 3660");
	}

	@Test
	void rejectsMissingRequiredFieldInJson() {
		var response = json("[{\"product_id\":\"A\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"restocking_rate\":3,\"duration_days\":3}]");

		assertIndexError(onlyError(invalidInput(response)), 0, "sales_rate", null, "is required");
	}

	@Test
	void rejectsJsonValueThatIsNeitherStringNorNumber() {
		var response = json("[" + jsonProduct("\"A\"", "true") + "]");

		assertIndexError(onlyError(invalidInput(response)), 0, "sales_rate", null, "must be a string or a number");
	}

	@Test
	void rejectsJsonArrayElementThatIsNotAnObject() {
		var response = json("[" + jsonProduct("\"A\"", "5") + ", 42, " + jsonProduct("\"C\"", "5") + "]");

		JsonNode error = onlyError(invalidInput(response));
		assertIndexError(error, 1, null, null, "must be a product object");
	}

	@Test
	void rejectsMalformedJson() {
		var response = json("[{\"product_id\": \"A\", \"sales_rate\": }]");

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("not well-formed JSON");
	}

	@Test
	void rejectsJsonObjectInsteadOfArray() {
		var response = json(jsonProduct("\"A\"", "5"));

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("JSON array");
	}

	@Test
	void rejectsEmptyJsonArray() {
		var response = json("[]");

		assertProblem(response, 400, "empty-product-list");
	}

	@Test
	void rejectsEmptyJsonBody() {
		var response = json("");

		assertProblem(response, 400, "empty-product-list");
	}

	@Test
	void rejectsUploadThatIsNotCsv() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		var response = api().upload("/forecasts", "picture.png", "image/png", png);

		JsonNode problem = assertProblem(response, 415, "unsupported-media-type");
		assertThat(problem.path("detail").asString()).contains("image/png");
	}

	@Test
	void reportsBadRowOfAnUploadWithItsLine() {
		byte[] file = (HEADER + GOOD_ROW + "2,1/2/23,60,15,13,0,1\n").getBytes(StandardCharsets.UTF_8);
		var response = api().upload("/forecasts", "products.csv", "text/csv", file);

		assertLineError(onlyError(invalidInput(response)), 3, "duration_days", "0", "must be between 1 and 3660");
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
		assertThat(error.path("reason").asString()).contains("rows, summary or totals");
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
	void reportsInvalidQueryDefaultOnceForJson() {
		var response = json("[" + jsonProductWithoutDuration("A") + "," + jsonProductWithoutDuration("B") + "]",
				"/forecasts?duration_days=0");

		JsonNode error = onlyError(invalidInput(response));
		assertThat(error.path("parameter").asString()).isEqualTo("duration_days");
		assertThat(error.path("value").asString()).isEqualTo("0");
		assertThat(error.path("reason").asString()).contains("must be between 1 and 3660");
	}

	@Test
	void rejectsBodyThatIsNotGzipDespiteContentEncoding() {
		var response = csv(HEADER + GOOD_ROW, "/forecasts", "Content-Encoding", "gzip");

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("gzip");
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
	void rejectsTruncatedGzipJsonBody() {
		byte[] gzip = TestResources.gzip(("[" + jsonProduct("\"A\"", "5") + "," + jsonProduct("\"B\"", "5") + "]")
			.getBytes(StandardCharsets.UTF_8));
		byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
		var response = api().post("/forecasts", "application/json", truncated, "Content-Encoding", "gzip");

		JsonNode problem = assertProblem(response, 400, "unreadable-body");
		assertThat(problem.path("detail").asString()).contains("not valid gzip data").doesNotContain("line -1");
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
			answer = raw.write(RawHttp.head("POST", "/forecasts", "Content-Type: text/csv", "Content-Length: 600000000"))
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

	@Test
	void acceptsUtf8ByteOrderMark() {
		var response = csv("\uFEFF" + HEADER + "A," + THREE_DAYS + "\n");

		assertThreeDaysOf("A", response);
	}

	@Test
	void acceptsCrlfLineEnds() {
		var response = csv(HEADER.replace("\n", "\r\n") + "A," + THREE_DAYS + "\r\n" + "B," + THREE_DAYS + "\r\n");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(ROWS_HEADER
				+ "A,2024-01-01,8,5,3\nA,2024-01-02,6,5,3\nA,2024-01-03,4,5,3\n"
				+ "B,2024-01-01,8,5,3\nB,2024-01-02,6,5,3\nB,2024-01-03,4,5,3\n");
	}

	@Test
	void reportsLinesOfCrlfFiles() {
		var response = csv(HEADER.replace("\n", "\r\n") + "A," + THREE_DAYS + "\r\n" + "B,2024-01-01,10,x,3,3,1\r\n");

		assertLineError(onlyError(invalidInput(response)), 3, "sales_rate", "x", "is not a number");
	}

	@Test
	void matchesHeaderNamesIgnoringCaseAndSurroundingBlanks() {
		var response = csv(" Product_ID ,SELL_START_DATE,  Initial_Inventory\t,Sales_Rate , restocking_RATE,"
				+ "Duration_Days,FORECAST_frequency \n" + "A," + THREE_DAYS + "\n");

		assertThreeDaysOf("A", response);
	}

	@Test
	void acceptsColumnsInAnyOrder() {
		var response = csv("duration_days,sales_rate,product_id,restocking_rate,sell_start_date,initial_inventory\n"
				+ "3,5,A,3,2024-01-01,10\n");

		assertThreeDaysOf("A", response);
	}

	@Test
	void ignoresExtraColumns() {
		var response = csv("store," + HEADER.replace("\n", ",notes\n") + "Berlin,A," + THREE_DAYS + ",\"keep, dry\"\n");

		assertThreeDaysOf("A", response);
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
		return json(body, "/forecasts");
	}

	private HttpResponse<String> json(String body, String path) {
		return api().post(path, "application/json", body);
	}

	/** A JSON product with the given id (a JSON value) and sales rate (a JSON value). */
	private static String jsonProduct(String id, String salesRate) {
		return "{\"product_id\":" + id + ",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":" + salesRate + ",\"restocking_rate\":3,\"duration_days\":3}";
	}

	private static String jsonProductWithoutDuration(String id) {
		return "{\"product_id\":\"" + id + "\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":5,\"restocking_rate\":3}";
	}

	private static void assertThreeDaysOf(String id, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(ROWS_HEADER
				+ id + ",2024-01-01,8,5,3\n"
				+ id + ",2024-01-02,6,5,3\n"
				+ id + ",2024-01-03,4,5,3\n");
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
