package com.stockcast.jobs;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished jobs expire after the retention; the scheduled clean-up removes them with their results. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.jobs.retention=1s", "stockcast.jobs.cleanup-interval=100ms",
				JobsApiContract.PROPERTIES_POLL })
class JobExpiryTest extends JobsApiContractSupport {

	@Test
	void removesFinishedJobsPastTheRetention() throws Exception {
		String location = submitAndAwait(FRACTIONAL);
		assertThat(get(location + "/summary", "text/csv").statusCode()).isEqualTo(200);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (get(location, "application/json").statusCode() != 404) {
			assertThat(Instant.now()).as("job still there at the deadline").isBefore(deadline);
			Thread.sleep(100);
		}
		assertThat(get(location + "/rows", "text/csv").statusCode()).isEqualTo(404);
	}

}
