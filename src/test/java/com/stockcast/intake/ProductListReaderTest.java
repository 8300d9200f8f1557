package com.stockcast.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import com.stockcast.TestResources;
import com.stockcast.problem.ProblemException;
import com.stockcast.simulation.Products;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product list rules, read straight from bytes: every bad value named by its CSV line or JSON
 * index, column, value and reason; the harmless variations of CSV accepted. What only HTTP can show
 * (status codes, the problem+json answer, headers) is in {@code forecast.BadInputApiTest}.
 */
class ProductListReaderTest {

	private static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(512), 2_000_000, 3660, 100,
			100_000, 10_000_000, 50_000_000_000L, 2_000_000);

	private static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days,forecast_frequency\n";

	private static final String GOOD_ROW = "1,1/1/23,50,10,8,30,1\n";

	/** A row after its product_id: 10 units from 2024-01-01, selling 5 and restocking 3 a day, for 3 days. */
	private static final String THREE_DAYS = "2024-01-01,10,5,3,3,1";

	private final ProductListReader reader = new ProductListReader(LIMITS);

	@Test
	void rejectsMissingRequiredColumnAndNamesIt() {
		var problem = invalid(() -> csv("product_id,sell_start_date,initial_inventory,restocking_rate,duration_days\n"
				+ "1,1/1/23,50,8,30\n"));
		assertErrors(problem, "line 1 sales_rate null: required column is missing");
	}

	@Test
	void rejectsUnparseableNumber() {
		assertOnlyError(HEADER + "1,1/1/23,abc,10,8,30,1\n", "line 2 initial_inventory abc: is not a number");
	}

	@Test
	void rejectsNegativeSalesRate() {
		assertOnlyError(HEADER + "1,1/1/23,50,-1,8,30,1\n", "line 2 sales_rate -1: must not be negative");
	}

	@Test
	void rejectsNegativeRestockingRate() {
		assertOnlyError(HEADER + "1,1/1/23,50,10,-0.5,30,1\n", "line 2 restocking_rate -0.5: must not be negative");
	}

	@ParameterizedTest
	@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "1e999" })
	void rejectsNonFiniteNumber(String value) {
		assertOnlyError(HEADER + "1,1/1/23," + value + ",10,8,30,1\n",
				"line 2 initial_inventory " + value + ": must be a finite number");
	}

	@Test
	void rejectsMalformedDate() {
		assertOnlyError(HEADER + "1,2023/31/01,50,10,8,30,1\n", "line 2 sell_start_date 2023/31/01: must be a date like");
	}

	@Test
	void rejectsImpossibleDate() {
		assertOnlyError(HEADER + "1,2/30/23,50,10,8,30,1\n", "line 2 sell_start_date 2/30/23: is not a calendar date");
	}

	@Test
	void rejectsZeroDuration() {
		assertOnlyError(HEADER + "1,1/1/23,50,10,8,0,1\n", "line 2 duration_days 0: must be between 1 and 3660");
	}

	@Test
	void rejectsDurationOverTheLimit() {
		assertOnlyError(HEADER + "1,1/1/23,50,10,8,3661,1\n", "line 2 duration_days 3661: must be between 1 and 3660");
	}

	@Test
	void acceptsDurationAtTheLimit() {
		Products products = csv(HEADER + "1,1/1/23,50,10,8,3660,1\n");
		assertThat(products.durationDays(0)).isEqualTo(3660);
	}

	@Test
	void rejectsFractionalDuration() {
		assertOnlyError(HEADER + "1,1/1/23,50,10,8,30.5,1\n", "line 2 duration_days 30.5: must be a whole number");
	}

	@Test
	void rejectsZeroForecastFrequency() {
		assertOnlyError(HEADER + "1,1/1/23,50,10,8,30,0\n", "line 2 forecast_frequency 0: must be at least 1");
	}

	@Test
	void rejectsProductIdLongerThan128CharactersQuotingItShortened() {
		assertOnlyError(HEADER + "x".repeat(129) + ",1/1/23,50,10,8,30,1\n",
				"line 2 product_id " + "x".repeat(80) + "...: must be at most 128 characters");
	}

	@Test
	void acceptsProductIdOf128Characters() {
		String id = "x".repeat(128);
		assertThat(csv(HEADER + id + ",1/1/23,50,10,8,1,1\n").id(0)).isEqualTo(id);
	}

	@Test
	void countsProductIdLengthInCharactersNotCodeUnits() {
		String emoji = "\uD83D\uDCE6".repeat(128);
		assertThat(csv(HEADER + emoji + ",2024-01-01,10,1,1,3,1\n").id(0)).isEqualTo(emoji);
	}

	@Test
	void rejectsBlankProductId() {
		assertOnlyError(HEADER + ",1/1/23,50,10,8,30,1\n", "line 2 product_id : is required");
	}

	@Test
	void rejectsAProductIdWithTheNulCharacter() {
		var problem = invalid(() -> json("[{\"product_id\":\"A\\u0000B\",\"sell_start_date\":\"2024-01-01\","
				+ "\"initial_inventory\":1,\"sales_rate\":1,\"restocking_rate\":1,\"duration_days\":3}]"));
		assertThat(violations(problem)).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("product_id");
			assertThat(error.reason()).contains("NUL");
		});
	}

	@Test
	void rejectsColumnThatAppearsTwice() {
		assertOnlyError(HEADER.replace("\n", ",Sales_Rate\n") + "1,1/1/23,50,10,8,30,1,10\n",
				"line 1 sales_rate Sales_Rate: column appears more than once");
	}

	@Test
	void rejectsRowWithTooFewFields() {
		assertOnlyError(HEADER + GOOD_ROW + "2,1/2/23,60\n", "line 3 null null: has 3 fields; the header has 7");
	}

	@Test
	void rejectsRowWithTooManyFields() {
		assertOnlyError(HEADER + GOOD_ROW + "2,1/2/23,60,15,13,30,1,extra\n",
				"line 3 null null: has 8 fields; the header has 7");
	}

	@Test
	void listsEveryErrorWithItsLineAndCountsThem() {
		var problem = invalid(() -> csv(HEADER + GOOD_ROW + "2,1/2/23,abc,-1,13,30,1\n" + "3,1/3/23,70,20,18,30,1\n"
				+ "4,2/30/23,80,25,23,0,1\n" + "5,1/5/23,90\n"));
		assertThat(problem.getBody().getProperties()).containsEntry("errorCount", 5);
		assertErrors(problem, "line 3 initial_inventory abc: is not a number",
				"line 3 sales_rate -1: must not be negative", "line 5 sell_start_date 2/30/23: is not a calendar date",
				"line 5 duration_days 0: must be between 1 and 3660", "line 6 null null: has 3 fields; the header has 7");
		assertThat(problem.getBody().getDetail()).contains("5 errors in 3 rows", "nothing was computed");
	}

	@Test
	void listsTheFirstHundredErrorsAndCountsThemAll() {
		StringBuilder body = new StringBuilder(HEADER);
		for (int i = 0; i < 150; i++) {
			body.append(i).append(",1/1/23,50,-1,8,30,1\n");
		}
		var problem = invalid(() -> csv(body.toString()));
		assertThat(problem.getBody().getProperties()).containsEntry("errorCount", 150);
		assertThat(errors(problem)).hasSize(100);
		assertError(errors(problem).get(99), "line 101 sales_rate -1: must not be negative");
		assertThat(problem.getBody().getDetail()).contains("The first 100 are listed");
	}

	@Test
	void countsLinesAsTheFileHasThemAcrossBlankLinesAndQuotedLineBreaks() {
		assertOnlyError(HEADER + "\n" + "\"multi\nline\",1/1/23,50,10,8,30,1\n" + "3,1/3/23,70,-20,18,30,1\n",
				"line 5 sales_rate -20: must not be negative");
	}

	@Test
	void reportsLinesOfCrlfFiles() {
		assertOnlyError(HEADER.replace("\n", "\r\n") + "A," + THREE_DAYS + "\r\n" + "B,2024-01-01,10,x,3,3,1\r\n",
				"line 3 sales_rate x: is not a number");
	}

	@Test
	void rejectsRatesThatWouldOverflowTheProjection() {
		assertOnlyError(HEADER + "A,2024-01-01,0,1e308,1e308,4,2\n", "line 2 initial_inventory 0: overflows");
	}

	@Test
	void refusesAnEmptyListHoweverItIsEmpty() {
		assertThat(type(problem(() -> csv("")))).isEqualTo("empty-product-list");
		assertThat(type(problem(() -> csv("\uFEFF")))).as("a byte order mark alone").isEqualTo("empty-product-list");
		assertThat(type(problem(() -> csv(HEADER)))).as("a header without products").isEqualTo("empty-product-list");
		assertThat(type(problem(() -> json("[]")))).isEqualTo("empty-product-list");
		assertThat(type(problem(() -> json("")))).isEqualTo("empty-product-list");
	}

	@Test
	void rejectsTextThatIsNotUtf8() {
		byte[] latin1 = (HEADER + "caf\u00e9,1/1/23,50,10,8,30,1\n").getBytes(StandardCharsets.ISO_8859_1);
		ProblemException problem = problem(() -> read(latin1, "text/csv", null));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("not UTF-8");
	}

	@Test
	void rejectsBinaryBytesSentAsCsv() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1,
				0, (byte) 0xff, (byte) 0xfe };
		assertThat(type(problem(() -> read(png, "text/csv", null)))).isEqualTo("unreadable-body");
	}

	@Test
	void rejectsNegativeSalesRateInJson() {
		assertOnlyJsonError("[" + jsonProduct("\"A\"", "10") + "," + jsonProduct("\"B\"", "-1") + "]",
				"index 1 sales_rate -1: must not be negative");
	}

	@Test
	void rejectsNonFiniteNumberInJson() {
		assertOnlyJsonError("[" + jsonProduct("\"A\"", "\"NaN\"") + "]", "index 0 sales_rate NaN: must be a finite number");
	}

	@Test
	void rejectsDurationOverTheLimitInJson() {
		assertOnlyJsonError("[{\"product_id\":\"A\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":5,\"restocking_rate\":3,\"duration_days\":3661}]",
				"index 0 duration_days 3661: must be between 1 and 3660");
	}

	@Test
	void rejectsMissingRequiredFieldInJson() {
		assertOnlyJsonError("[{\"product_id\":\"A\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"restocking_rate\":3,\"duration_days\":3}]", "index 0 sales_rate null: is required");
	}

	@Test
	void rejectsJsonValueThatIsNeitherStringNorNumber() {
		assertOnlyJsonError("[" + jsonProduct("\"A\"", "true") + "]",
				"index 0 sales_rate null: must be a string or a number");
	}

	@Test
	void rejectsJsonArrayElementThatIsNotAnObject() {
		assertOnlyJsonError("[" + jsonProduct("\"A\"", "5") + ", 42, " + jsonProduct("\"C\"", "5") + "]",
				"index 1 null null: must be a product object");
	}

	@Test
	void rejectsMalformedJson() {
		ProblemException problem = problem(() -> json("[{\"product_id\": \"A\", \"sales_rate\": }]"));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("not well-formed JSON");
	}

	@Test
	void saysWhereJsonEndsTooSoonWithoutTheParsersInternals() {
		// Jackson describes an unclosed array with its start marker's location, "[Source: REDACTED
		// (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN]".
		ProblemException problem = problem(() -> json("[1,2"));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).startsWith("The body is not well-formed JSON at line 1, column 5: ")
			.doesNotContain("Source", "REDACTED", "StreamReadFeature", "#UNKNOWN", "[", "(");
	}

	@Test
	void rejectsJsonObjectInsteadOfArray() {
		ProblemException problem = problem(() -> json(jsonProduct("\"A\"", "5")));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("JSON array");
	}

	@Test
	void rejectsUploadThatIsNotCsv() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		ProblemException problem = problem(() -> this.reader
			.readUpload(new MockMultipartFile("file", "picture.png", "image/png", png), RequestDefaults.none()));
		assertThat(problem.getStatusCode().value()).isEqualTo(415);
		assertThat(type(problem)).isEqualTo("unsupported-media-type");
		assertThat(problem.getBody().getDetail()).contains("image/png");
	}

	@Test
	void reportsBadRowOfAnUploadWithItsLine() {
		byte[] file = (HEADER + GOOD_ROW + "2,1/2/23,60,15,13,0,1\n").getBytes(StandardCharsets.UTF_8);
		var problem = invalid(() -> this.reader
			.readUpload(new MockMultipartFile("file", "products.csv", "text/csv", file), RequestDefaults.none()));
		assertErrors(problem, "line 3 duration_days 0: must be between 1 and 3660");
	}

	@Test
	void rejectsInvalidQueryDefaultAsAParameterBeforeReadingTheBody() {
		RequestDefaults defaults = RequestDefaults.fromParameters(Map.of("duration_days", "0"));
		var problem = invalid(() -> read(bytes("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate\n"
				+ "1,1/1/23,50,10,8\n"), "text/csv", defaults));
		assertThat(violations(problem)).singleElement().satisfies(error -> {
			assertThat(error.parameter()).isEqualTo("duration_days");
			assertThat(error.value()).isEqualTo("0");
			assertThat(error.reason()).contains("must be between 1 and 3660");
			assertThat(error.line()).isNull();
			assertThat(error.index()).isNull();
		});
	}

	@Test
	void reportsInvalidQueryDefaultOnceForJson() {
		RequestDefaults defaults = RequestDefaults.fromParameters(Map.of("duration_days", "0"));
		var problem = invalid(() -> read(
				bytes("[" + jsonProductWithoutDuration("A") + "," + jsonProductWithoutDuration("B") + "]"),
				"application/json", defaults));
		assertThat(violations(problem)).singleElement().satisfies(error -> {
			assertThat(error.parameter()).isEqualTo("duration_days");
			assertThat(error.value()).isEqualTo("0");
			assertThat(error.reason()).contains("must be between 1 and 3660");
		});
	}

	@Test
	void rejectsBodyThatIsNotGzipDespiteContentEncoding() {
		ProblemException problem = problem(() -> read(bytes(HEADER + GOOD_ROW), "text/csv", null, "gzip"));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("gzip");
	}

	@Test
	void rejectsTruncatedGzipBody() {
		byte[] gzip = TestResources.gzip(TestResources.bytes("product_list.csv"));
		ProblemException problem = problem(() -> read(Arrays.copyOf(gzip, gzip.length / 2), "text/csv", null, "gzip"));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("gzip");
	}

	@Test
	void rejectsTruncatedGzipJsonBody() {
		byte[] gzip = TestResources.gzip(bytes("[" + jsonProduct("\"A\"", "5") + "," + jsonProduct("\"B\"", "5") + "]"));
		ProblemException problem = problem(
				() -> read(Arrays.copyOf(gzip, gzip.length / 2), "application/json", null, "gzip"));
		assertThat(type(problem)).isEqualTo("unreadable-body");
		assertThat(problem.getBody().getDetail()).contains("not valid gzip data").doesNotContain("line -1");
	}

	@Test
	void rejectsUnsupportedContentEncoding() {
		ProblemException problem = problem(() -> read(bytes(HEADER + GOOD_ROW), "text/csv", null, "br"));
		assertThat(problem.getStatusCode().value()).isEqualTo(415);
		assertThat(type(problem)).isEqualTo("unsupported-content-encoding");
		assertThat(problem.getBody().getDetail()).contains("br");
	}

	@Test
	void acceptsUtf8ByteOrderMark() {
		assertThreeDaysOf("A", csv("\uFEFF" + HEADER + "A," + THREE_DAYS + "\n"));
	}

	@Test
	void acceptsCrlfLineEnds() {
		Products products = csv(HEADER.replace("\n", "\r\n") + "A," + THREE_DAYS + "\r\n" + "B," + THREE_DAYS + "\r\n");
		assertThat(products.size()).isEqualTo(2);
		assertThreeDaysOf("B", products, 1);
	}

	@Test
	void matchesHeaderNamesIgnoringCaseAndSurroundingBlanks() {
		assertThreeDaysOf("A", csv(" Product_ID ,SELL_START_DATE,  Initial_Inventory\t,Sales_Rate , restocking_RATE,"
				+ "Duration_Days,FORECAST_frequency \n" + "A," + THREE_DAYS + "\n"));
	}

	@Test
	void acceptsColumnsInAnyOrder() {
		assertThreeDaysOf("A", csv("duration_days,sales_rate,product_id,restocking_rate,sell_start_date,initial_inventory\n"
				+ "3,5,A,3,2024-01-01,10\n"));
	}

	@Test
	void ignoresExtraColumns() {
		assertThreeDaysOf("A",
				csv("store," + HEADER.replace("\n", ",notes\n") + "Berlin,A," + THREE_DAYS + ",\"keep, dry\"\n"));
	}

	@Test
	void readsAProductIdWithACommaFromQuotes() {
		assertThreeDaysOf("SKU,1", csv(HEADER + "\"SKU,1\"," + THREE_DAYS + "\n"));
	}

	private static void assertThreeDaysOf(String id, Products products) {
		assertThat(products.size()).isEqualTo(1);
		assertThreeDaysOf(id, products, 0);
	}

	private static void assertThreeDaysOf(String id, Products products, int i) {
		assertThat(products.id(i)).isEqualTo(id);
		assertThat(LocalDate.ofEpochDay(products.startDay(i))).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(products.initialInventory(i)).isEqualTo(10);
		assertThat(products.salesRate(i)).isEqualTo(5);
		assertThat(products.restockingRate(i)).isEqualTo(3);
		assertThat(products.durationDays(i)).isEqualTo(3);
	}

	private void assertOnlyError(String csv, String error) {
		var problem = invalid(() -> csv(csv));
		assertThat(problem.getBody().getProperties()).containsEntry("errorCount", 1);
		assertErrors(problem, error);
	}

	private void assertOnlyJsonError(String json, String error) {
		var problem = invalid(() -> json(json));
		assertThat(problem.getBody().getProperties()).containsEntry("errorCount", 1);
		assertErrors(problem, error);
	}

	/** Asserts the errors, each given as "line 3 column value: reason", where the reason need only be contained. */
	private static void assertErrors(InvalidInputException problem, String... expected) {
		List<String> errors = errors(problem);
		assertThat(errors).as(errors.toString()).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			assertError(errors.get(i), expected[i]);
		}
	}

	private static void assertError(String error, String expected) {
		int reason = expected.indexOf(": ") + 2;
		assertThat(error).as(error).startsWith(expected.substring(0, reason));
		assertThat(error.substring(reason)).as(error).contains(expected.substring(reason));
	}

	private Products csv(String body) {
		return read(bytes(body), "text/csv", null);
	}

	private Products json(String body) {
		return read(bytes(body), "application/json", null);
	}

	private Products read(byte[] body, String type, RequestDefaults defaults) {
		return read(body, type, defaults, null);
	}

	private Products read(byte[] body, String type, RequestDefaults defaults, String contentEncoding) {
		RequestDefaults given = (defaults != null) ? defaults : RequestDefaults.none();
		ByteArrayInputStream in = new ByteArrayInputStream(body);
		return type.equals("text/csv") ? this.reader.readCsv(in, contentEncoding, body.length, given)
				: this.reader.readJson(in, contentEncoding, body.length, given);
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

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static InvalidInputException invalid(Runnable read) {
		ProblemException problem = problem(read);
		assertThat(problem).as(problem.getBody().toString()).isInstanceOf(InvalidInputException.class);
		assertThat(type(problem)).isEqualTo("invalid-input");
		return (InvalidInputException) problem;
	}

	private static ProblemException problem(Runnable read) {
		try {
			read.run();
		}
		catch (ProblemException ex) {
			return ex;
		}
		throw new AssertionError("no problem raised");
	}

	private static String type(ProblemException problem) {
		return problem.getBody().getType().toString().replace("urn:stockcast:problem:", "");
	}

	@SuppressWarnings("unchecked")
	private static List<Violation> violations(InvalidInputException problem) {
		return (List<Violation>) problem.getBody().getProperties().get("errors");
	}

	/** Each error as "line 3 column value: reason" (or "index 1 ..."); an absent column or value reads "null". */
	private static List<String> errors(InvalidInputException problem) {
		return violations(problem).stream()
			.map(v -> ((v.line() != null) ? "line " + v.line() : "index " + v.index()) + " " + v.column() + " " + v.value()
					+ ": " + v.reason())
			.toList();
	}

}
