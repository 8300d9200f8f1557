package com.stockcast.jobs;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets as jobs (docs/forecast-contract.md#safety-stock-from-a-target): the chunks store the terms
 * intake computed, as resolved numbers, and the job's scenario that its summaries show them, so that a
 * job equals the synchronous answer byte for byte in every view and format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContractSupport.PROPERTIES_CHUNKS, JobsApiContractSupport.PROPERTIES_POLL })
class ServiceTargetJobsApiTest extends JobsApiContractSupport {

	/** Order-up-to from a service level (stored as format 4) and the plain reorder point from a fill rate (format 2). */
	private static final String[] QUERIES = { "?order_policy=order-up-to&lead_time_days=3&review_period_days=7"
			+ "&sales_std=4&service_level=0.95&lead_time_std_days=1.5",
			"?order_quantity=80&lead_time_days=2&sales_std=6&fill_rate=0.98" };

	@Test
	void aJobWithTargetsEqualsTheSynchronousAnswerInEveryViewAndFormat() {
		for (String query : QUERIES) {
			HttpResponse<String> accepted = submitTo("/forecasts" + query, FRACTIONAL, "text/csv");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			awaitStatus(location, "succeeded");
			assertThat(sync(query + "&view=summary", "text/csv")).startsWith("product_id,stockout_date,min_inventory_level,"
					+ "ending_inventory_level,order_count,order_dates,safety_stock,reorder_point\n");
			for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
				for (String view : new String[] { "rows", "summary", "totals", "orders" }) {
					assertThat(get(location + "/" + view, accept).body()).as(query + " " + view + " " + accept)
						.isEqualTo(sync(query + "&view=" + view, accept));
				}
			}
		}
	}

	@Test
	void aProbabilisticJobShowsTheTargetsBesideWhatWasAchieved() {
		// The chunks keep each product's target (format 5): the summary shows it beside the achieved figures.
		for (String query : QUERIES) {
			String probabilistic = query + "&demand=normal&trials=40&seed=3";
			HttpResponse<String> accepted = submitTo("/forecasts" + probabilistic, FRACTIONAL, "text/csv");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			awaitStatus(location, "succeeded");
			String summary = sync(probabilistic + "&view=summary", "text/csv");
			assertThat(summary.lines().findFirst().orElseThrow()).contains(",achieved_fill_rate,fill_rate_low,"
					+ "fill_rate_high,target_cycle_service_level,target_fill_rate,safety_stock,reorder_point");
			String target = query.contains("service_level=0.95") ? ",0.95,," : ",,0.98,";
			assertThat(summary.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(target));
			for (String accept : new String[] { "text/csv", "application/json" }) {
				assertThat(get(location + "/summary", accept).body()).as(probabilistic + " " + accept)
					.isEqualTo(sync(probabilistic + "&view=summary", accept));
			}
		}
	}

}
