package com.stockcast.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client has its own token bucket: past its burst it gets 429 with Retry-After; others are untouched.
 * A token takes 10,000 s to come back, so no bucket fills up again while the test runs, however slowly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.security.rate-limit.requests-per-second=0.0001",
				"stockcast.security.rate-limit.burst=3" })
class RateLimitApiTest {

	@LocalServerPort
	int port;

	@Test
	void refusesAClientPastItsBurstWith429AndRetryAfterWhileOthersGoOn() {
		TestHttp http = TestHttp.anonymous(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.send("GET", "/forecasts", null, TestKeys.HEADER, TestKeys.KEY).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = http.send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv",
				TestKeys.HEADER, TestKeys.KEY);
		assertProblem(refused, 429, "rate-limited");
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		// A whole token's wait, less what trickled in since the burst began (a tenth of it in 1,000 s).
		assertThat(retryAfter).isBetween(9_000L, 10_000L);

		assertThat(http.send("GET", "/forecasts", null, TestKeys.HEADER, TestKeys.OTHER_KEY).statusCode())
			.as("another client's bucket").isEqualTo(200);
		assertThat(http.send("GET", "/livez", null).statusCode()).as("probes are not counted").isEqualTo(200);
	}

}
