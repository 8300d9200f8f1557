package com.stockcast.jobs;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chosen quantiles as jobs: kept with the job's scenario, its rows and summary equal the synchronous
 * answer byte for byte, and they are part of the request an idempotency key stands for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContractSupport.PROPERTIES_CHUNKS, JobsApiContractSupport.PROPERTIES_POLL })
class QuantilesJobsApiTest extends JobsApiContractSupport {

	private static final String QUERY = "?demand=poisson&trials=50&seed=3&quantiles=0.975,0.025,0.5";

	@Test
	void aJobWithChosenQuantilesEqualsTheSynchronousAnswer() {
		HttpResponse<String> accepted = submitTo("/forecasts" + QUERY, FRACTIONAL, "text/csv");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode done = awaitStatus(location, "succeeded");
		assertThat(done.get("settings").get("scenario").get("quantiles").asString()).isEqualTo("0.025,0.5,0.975");
		for (String accept : new String[] { "text/csv", "application/json" }) {
			String rows = sync(QUERY, accept);
			assertThat(rows).contains("inventory_q025").contains("inventory_q975");
			assertThat(get(location + "/rows", accept).body()).as(accept).isEqualTo(rows);
			String summary = sync(QUERY + "&view=summary", accept);
			assertThat(summary).contains("ending_inventory_q025");
			assertThat(get(location + "/summary", accept).body()).as(accept).isEqualTo(summary);
		}
	}

	@Test
	void anIdempotencyKeyStandsForItsQuantiles() {
		String key = "quantiles-" + UUID.randomUUID();
		HttpResponse<String> first = submitTo("/forecasts" + QUERY, FRACTIONAL, "text/csv", "Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(202);
		HttpResponse<String> refused = submitTo("/forecasts" + QUERY.replace("0.975", "0.95"), FRACTIONAL, "text/csv",
				"Idempotency-Key", key);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("urn:stockcast:problem:idempotency-key-reused");
		awaitStatus(first.headers().firstValue("Location").orElseThrow(), "succeeded");
	}

}
