package com.stockcast.jobs;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finished jobs expire after the retention; the scheduled clean-up removes them with their results.
 * The jobs' clock moves only when the test moves it past the retention, so a slow machine cannot
 * remove the job before the test has looked at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.jobs.retention=1h", "stockcast.jobs.cleanup-interval=100ms",
				JobsApiContract.PROPERTIES_POLL })
class JobExpiryTest extends JobsApiContractSupport {

	private static final MovableClock CLOCK = new MovableClock();

	@TestBean
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Test
	void removesFinishedJobsPastTheRetention() throws Exception {
		String location = submitAndAwait(FRACTIONAL);
		assertThat(get(location + "/summary", "text/csv").statusCode()).isEqualTo(200);
		CLOCK.advance(Duration.ofHours(2));
		await().atMost(JOB_DEADLINE).until(() -> get(location, "application/json").statusCode() == 404);
		assertThat(get(location + "/rows", "text/csv").statusCode()).isEqualTo(404);
	}

}
