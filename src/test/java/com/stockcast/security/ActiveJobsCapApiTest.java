package com.stockcast.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;
import com.stockcast.parallel.PoolBlock;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A client with its most jobs queued or running gets 429 with Retry-After for another; others do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.jobs.max-active-per-client=1", "stockcast.jobs.concurrency=1" })
class ActiveJobsCapApiTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("forecastExecutor")
	ThreadPoolTaskExecutor pool;

	@Test
	void refusesAJobPastTheCapWith429AndRetryAfterUntilOneEnds() throws Exception {
		TestHttp http = TestHttp.anonymous(this.port);
		// Every pool thread is held, so the first job stays queued or running until the test is done with it.
		try (PoolBlock held = PoolBlock.of(this.pool)) {
			String active = AsyncJobs.submit(http, TestKeys.HEADER, TestKeys.KEY);

			HttpResponse<String> refused = http.send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv", "Prefer",
					"respond-async", TestKeys.HEADER, TestKeys.KEY);
			assertProblem(refused, 429, "too-many-jobs");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
			assertThat(http.send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv", TestKeys.HEADER, TestKeys.KEY)
				.statusCode()).as("synchronous forecasts are not jobs").isEqualTo(200);

			assertThat(submit(http, TestKeys.OTHER_KEY).statusCode()).as("another client's cap is its own").isEqualTo(202);

			assertThat(http.send("DELETE", active, null, TestKeys.HEADER, TestKeys.KEY).statusCode()).isEqualTo(200);
			assertThat(submit(http, TestKeys.KEY).statusCode()).as("room again once the job is cancelled").isEqualTo(202);
		}
	}

	private static HttpResponse<String> submit(TestHttp http, String key) {
		return http.send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv", "Prefer", "respond-async",
				TestKeys.HEADER, key);
	}

}
