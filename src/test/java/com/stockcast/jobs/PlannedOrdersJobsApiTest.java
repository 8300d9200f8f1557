package com.stockcast.jobs;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order policies with supplier constraints as jobs (docs/forecast-contract.md#planned-orders, #jobs):
 * stored with their products' chunks (format 4), a job's rows, summaries, totals, planned orders and
 * exceptions (with the horizon its reader gives) equal the synchronous answer byte for byte in every
 * format, whole or page by page, under the probabilistic forecast too (whose trials receive the
 * deterministic plan's orders).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContractSupport.PROPERTIES_CHUNKS, JobsApiContractSupport.PROPERTIES_POLL })
class PlannedOrdersJobsApiTest extends JobsApiContractSupport {

	private static final String[] QUERIES = { "?order_policy=order-up-to&lead_time_days=3&review_period_days=7"
			+ "&safety_stock=12.5&order_multiple=6", "?order_policy=min-max&reorder_point=20&max_level=90.5"
					+ "&min_order_quantity=25&lead_time_days=4",
			"?policy=lost-sales&reorder_point=20&order_quantity=7.5&lead_time_days=2&review_period_days=3"
					+ "&order_multiple=4" };

	private static final String[] FORMATS = { "text/csv", "application/json", "application/x-ndjson" };

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aJobWithOrderPoliciesEqualsTheSynchronousAnswerInEveryViewAndFormat() {
		for (String query : QUERIES) {
			String location = submitQuery(query);
			JsonNode links = JSON.readTree(get(location, "application/json").body()).get("links");
			assertThat(links.get("orders").asString()).isEqualTo(location + "/orders");
			assertThat(links.get("exceptions").asString()).isEqualTo(location + "/exceptions");
			for (String accept : FORMATS) {
				for (String view : new String[] { "rows", "summary", "totals", "orders" }) {
					assertThat(get(location + "/" + view, accept).body()).as(query + " " + view + " " + accept)
						.isEqualTo(sync(query + "&view=" + view, accept));
				}
				assertThat(get(location + "/exceptions", accept).body()).as(query + " exceptions " + accept)
					.isEqualTo(sync(query + "&view=exceptions", accept));
				for (int within : new int[] { 7, 40, 3660 }) {
					assertThat(get(location + "/exceptions?within_days=" + within, accept).body())
						.as(query + " exceptions within " + within + " " + accept)
						.isEqualTo(sync(query + "&view=exceptions&within_days=" + within, accept));
				}
			}
		}
	}

	@Test
	void aJobsOrdersAndExceptionsArePagedByTheirLinksAndOrdersFilteredByProduct() {
		String query = QUERIES[0];
		String location = submitQuery(query);
		List<String> orders = csvRecords(sync(query + "&view=orders", "text/csv"));
		assertThat(orders).hasSizeGreaterThan(100);
		assertThat(pages(location + "/orders?limit=37")).containsExactlyElementsOf(orders);
		List<String> exceptions = csvRecords(sync(query + "&view=exceptions&within_days=20", "text/csv"));
		assertThat(exceptions).hasSizeGreaterThan(60);
		assertThat(pages(location + "/exceptions?within_days=20&limit=25")).containsExactlyElementsOf(exceptions);
		String product = orders.get(orders.size() / 2).split(",")[0];
		assertThat(csvRecords(get(location + "/orders?product_id=" + product, "text/csv").body()))
			.containsExactlyElementsOf(orders.stream().filter(line -> line.startsWith(product + ",")).toList());
	}

	@Test
	void aJobWithoutOrderPoliciesLinksNoPlanAndServesAnEmptyOne() {
		String location = submitQuery("");
		JsonNode links = JSON.readTree(get(location, "application/json").body()).get("links");
		assertThat(links.has("orders")).isFalse();
		assertThat(links.has("exceptions")).isFalse();
		assertThat(get(location + "/orders", "application/json").body()).isEqualTo("[]\n");
		assertThat(get(location + "/exceptions", "application/json").body()).isEqualTo("[]\n");
	}

	@Test
	void aPlanNotStoredIsAConflictAndABadHorizonOrCursorIsNamed() {
		String location = submitQuery(QUERIES[1]);
		JsonNode problem = TestHttp.assertProblem(get(location + "/exceptions?within_days=-1", "application/json"), 400,
				"invalid-input");
		assertThat(problem.get("errors").toString()).isEqualTo("""
				[{"parameter":"within_days","value":"-1","reason":"must be between 0 and 3660"}]""");
		// A cursor names the last product of a page: one not in the list asked for is refused, not guessed at.
		String notListed = new Cursor(999_999, 0).encode();
		problem = TestHttp.assertProblem(get(location + "/exceptions?limit=2&cursor=" + notListed, "application/json"),
				400, "invalid-input");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("cursor");
		// A job with an order policy finished before plans were stored with jobs: it has none, and says so.
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		this.jdbc.update("update forecast_job set scenario = replace(scenario, ';plans=true', '') where id = ?", id);
		assertThat(JSON.readTree(get(location, "application/json").body()).get("links").has("orders")).isFalse();
		TestHttp.assertProblem(get(location + "/orders", "application/json"), 409, "job-plan-not-stored");
		TestHttp.assertProblem(get(location + "/exceptions", "application/json"), 409, "job-plan-not-stored");
		assertThat(get(location + "/summary", "text/csv").body()).isEqualTo(sync(QUERIES[1] + "&view=summary", "text/csv"));
	}

	@Test
	void aProbabilisticJobWithOrderPoliciesEqualsTheSynchronousAnswer() throws Exception {
		// The trials receive the deterministic plan's orders, or draw their lead times; 1,000 products in chunks
		// of 100 on the pool.
		String[] queries = { "?order_policy=order-up-to&lead_time_days=3&review_period_days=7&safety_stock=12.5"
				+ "&order_multiple=6&demand=normal&trials=20&seed=7", "?policy=lost-sales&order_policy=min-max"
						+ "&reorder_point=20&max_level=90.5&min_order_quantity=25&demand=poisson&trials=20&seed=-3",
				// Lead times that vary (stored in format 5): the reorder point's own orders and a fixed plan's.
				"?reorder_point=20&order_quantity=30&lead_time_days=4&lead_time_std_days=2&demand=normal&trials=20&seed=5",
				"?order_policy=order-up-to&lead_time_days=3&review_period_days=7&safety_stock=12.5"
						+ "&lead_time_std_days=1.5&demand=normal&trials=20&seed=9" };
		for (String query : queries) {
			HttpResponse<String> accepted = http().post("/forecasts" + query, "text/csv", FRACTIONAL, "Prefer",
					"respond-async");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			assertThat(awaitStatus(location, "succeeded").get("progress").get("chunks_total").asInt()).isEqualTo(10);
			for (String accept : new String[] { "text/csv", "application/json" }) {
				for (String view : new String[] { "rows", "summary", "totals", "orders" }) {
					HttpResponse<String> sync = http().post("/forecasts" + query + "&view=" + view, "text/csv",
							FRACTIONAL, "Accept", accept);
					assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
					assertThat(get(location + "/" + view, accept).body()).as(query + " " + view + " " + accept)
						.isEqualTo(sync.body());
				}
				assertThat(get(location + "/exceptions?within_days=9", accept).body()).as(query + " exceptions " + accept)
					.isEqualTo(http().post("/forecasts" + query + "&view=exceptions&within_days=9", "text/csv", FRACTIONAL,
							"Accept", accept).body());
			}
		}
	}

	private String submitQuery(String query) {
		HttpResponse<String> accepted = submitTo("/forecasts" + query, FRACTIONAL, "text/csv");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		awaitStatus(location, "succeeded");
		return location;
	}

	/** Every CSV record of the pages from {@code first} on, following each page's Link. */
	private List<String> pages(String first) {
		List<String> records = new ArrayList<>();
		String page = first;
		int count = 0;
		while (page != null) {
			HttpResponse<String> answer = get(page, "text/csv");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			records.addAll(csvRecords(answer.body()));
			page = nextLink(answer);
			assertThat(++count).isLessThan(10_000);
		}
		return records;
	}

	private static List<String> csvRecords(String csv) {
		List<String> lines = csv.lines().toList();
		return lines.subList(1, lines.size());
	}

}
