package com.stockcast.jobs;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order policies with supplier constraints as jobs (docs/forecast-contract.md#planned-orders): stored
 * with their products' chunks (format 4), a job's rows, summaries and totals equal the synchronous
 * answer byte for byte in every format, under the probabilistic forecast too (whose trials receive the
 * deterministic plan's orders); {@code view=orders} is not stored by a job, and says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContractSupport.PROPERTIES_CHUNKS, JobsApiContractSupport.PROPERTIES_POLL })
class PlannedOrdersJobsApiTest extends JobsApiContractSupport {

	@Test
	void aJobWithOrderPoliciesEqualsTheSynchronousAnswerInEveryViewAndFormat() throws Exception {
		String[] queries = { "?order_policy=order-up-to&lead_time_days=3&review_period_days=7&safety_stock=12.5"
				+ "&order_multiple=6", "?order_policy=min-max&reorder_point=20&max_level=90.5&min_order_quantity=25",
				"?policy=lost-sales&reorder_point=20&order_quantity=7.5&lead_time_days=2&review_period_days=3"
						+ "&order_multiple=4" };
		for (String query : queries) {
			HttpResponse<String> accepted = http().post("/forecasts" + query, "text/csv", FRACTIONAL, "Prefer",
					"respond-async");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			awaitStatus(location, "succeeded");
			for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
				for (String view : new String[] { "rows", "summary", "totals" }) {
					String sync = http().post("/forecasts" + query + "&view=" + view, "text/csv", FRACTIONAL, "Accept",
							accept).body();
					assertThat(get(location + "/" + view, accept).body()).as(query + " " + view + " " + accept)
						.isEqualTo(sync);
				}
			}
		}
	}

	@Test
	void aProbabilisticJobWithOrderPoliciesEqualsTheSynchronousAnswer() throws Exception {
		// The trials receive the deterministic plan's orders; 1,000 products in chunks of 100 on the pool.
		String[] queries = { "?order_policy=order-up-to&lead_time_days=3&review_period_days=7&safety_stock=12.5"
				+ "&order_multiple=6&demand=normal&trials=20&seed=7", "?policy=lost-sales&order_policy=min-max"
						+ "&reorder_point=20&max_level=90.5&min_order_quantity=25&demand=poisson&trials=20&seed=-3" };
		for (String query : queries) {
			HttpResponse<String> accepted = http().post("/forecasts" + query, "text/csv", FRACTIONAL, "Prefer",
					"respond-async");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			assertThat(awaitStatus(location, "succeeded").get("progress").get("chunks_total").asInt()).isEqualTo(10);
			for (String accept : new String[] { "text/csv", "application/json" }) {
				for (String view : new String[] { "rows", "summary", "totals" }) {
					HttpResponse<String> sync = http().post("/forecasts" + query + "&view=" + view, "text/csv",
							FRACTIONAL, "Accept", accept);
					assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
					assertThat(get(location + "/" + view, accept).body()).as(query + " " + view + " " + accept)
						.isEqualTo(sync.body());
				}
			}
		}
	}

}
