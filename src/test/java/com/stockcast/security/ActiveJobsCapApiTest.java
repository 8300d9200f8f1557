package com.stockcast.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestKeys;
import com.stockcast.jobs.BigInput;

import static com.stockcast.security.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A client with its most jobs queued or running gets 429 with Retry-After for another; others do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.jobs.max-active-per-client=1", "stockcast.jobs.concurrency=1" })
class ActiveJobsCapApiTest {

	@LocalServerPort
	int port;

	@Test
	void refusesAJobPastTheCapWith429AndRetryAfterUntilOneEnds() {
		Http http = new Http(this.port);
		// Long enough to be queued or running still when the next one comes: 2,000 SKUs x 3,650 days.
		HttpResponse<String> accepted = http.send("POST", "/forecasts", BigInput.csv(2000, 3650), "Content-Type",
				"text/csv", "Prefer", "respond-async", TestKeys.HEADER, TestKeys.KEY);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String running = accepted.headers().firstValue("Location").orElseThrow();

		HttpResponse<String> refused = http.send("POST", "/forecasts", Http.CSV, "Content-Type", "text/csv", "Prefer",
				"respond-async", TestKeys.HEADER, TestKeys.KEY);
		assertProblem(refused, 429, "too-many-jobs");
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(http.send("POST", "/forecasts", Http.CSV, "Content-Type", "text/csv", TestKeys.HEADER, TestKeys.KEY)
			.statusCode()).as("synchronous forecasts are not jobs").isEqualTo(200);

		String other = http.submit(TestKeys.HEADER, TestKeys.OTHER_KEY);
		assertThat(other).as("another client's cap is its own").isNotNull();

		assertThat(http.send("DELETE", running, null, TestKeys.HEADER, TestKeys.KEY).statusCode()).isEqualTo(200);
		assertThat(http.submit(TestKeys.HEADER, TestKeys.KEY)).as("room again once the job is cancelled").isNotNull();
	}

}
