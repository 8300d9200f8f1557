package com.stockcast.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
import static org.awaitility.Awaitility.await;

/**
 * A job belongs to the client that created it: another client gets 404 for it by every verb, as for a
 * job that never was, never sees it in its list, and has idempotency keys of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IsolationApiTest {

	private static final String[] A = { TestKeys.HEADER, TestKeys.KEY };

	private static final String[] B = { TestKeys.HEADER, TestKeys.OTHER_KEY };

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("forecastExecutor")
	ThreadPoolTaskExecutor pool;

	private TestHttp http() {
		return TestHttp.anonymous(this.port);
	}

	@Test
	void anotherClientCannotReachAJobByAnyVerb() {
		String location = AsyncJobs.submit(http(), A);
		awaitSucceeded(location);
		for (String path : new String[] { location, location + "/rows", location + "/summary",
				location + "/rows?limit=1", location + "/summary?product_id=1" }) {
			HttpResponse<String> response = http().send("GET", path, null, B);
			JsonNode problem = assertProblem(response, 404, "job-not-found");
			// The same answer as for an id that never existed: nothing tells the job is there.
			assertThat(problem.path("detail").asString()).doesNotContain("client").doesNotContain("owner");
		}
		assertProblem(http().send("DELETE", location, null, B), 404, "job-not-found");
		assertThat(http().send("GET", location, null, A).statusCode()).as("still there for its owner").isEqualTo(200);
		assertThat(http().send("GET", location + "/rows", null, A).statusCode()).isEqualTo(200);

		// Each list is a 200 listing jobs: an error answer would lack the id and prove nothing.
		assertThat(listedIds("/forecasts?limit=500", B)).doesNotContain(id(location));
		assertThat(listedIds("/forecasts?limit=500", A)).contains(id(location));
		assertThat(listedIds("/forecasts?status=succeeded&limit=500", B)).doesNotContain(id(location));

		assertThat(http().send("DELETE", location, null, A).statusCode()).isEqualTo(204);
	}

	@Test
	void anotherClientCannotCancelAQueuedOrRunningJob() throws Exception {
		// Every pool thread is held, so the job is still queued or running when the other client tries.
		try (PoolBlock held = PoolBlock.of(this.pool)) {
			String location = AsyncJobs.submit(http(), A);
			assertProblem(http().send("DELETE", location, null, B), 404, "job-not-found");
			String status = TestHttp.JSON.readTree(http().send("GET", location, null, A).body()).path("status").asString();
			assertThat(status).isIn("queued", "running");
		}
	}

	@Test
	void idempotencyKeysArePerClient() {
		String key = "nightly-" + System.nanoTime();
		String first = AsyncJobs.submit(http(), TestKeys.HEADER, TestKeys.KEY, "Idempotency-Key", key);
		String other = AsyncJobs.submit(http(), TestKeys.HEADER, TestKeys.OTHER_KEY, "Idempotency-Key", key);
		assertThat(other).as("B's key is B's own, not a replay of A's job").isNotEqualTo(first);
		assertThat(AsyncJobs.submit(http(), TestKeys.HEADER, TestKeys.KEY, "Idempotency-Key", key)).isEqualTo(first);
		assertThat(AsyncJobs.submit(http(), TestKeys.HEADER, TestKeys.OTHER_KEY, "Idempotency-Key", key)).isEqualTo(other);
		// A different body under A's key is still refused for A, and says nothing about B's job.
		HttpResponse<String> reused = http().send("POST", "/forecasts", AsyncJobs.CSV + "3,1/3/23,70,20,18,30\n",
				"Content-Type", "text/csv", "Prefer", "respond-async", "Idempotency-Key", key, TestKeys.HEADER,
				TestKeys.KEY);
		assertThat(assertProblem(reused, 422, "idempotency-key-reused").path("detail").asString())
			.doesNotContain(id(other));
	}

	private void awaitSucceeded(String location) {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> TestHttp.JSON.readTree(http().send("GET", location, null, A).body()).path("status").asString(),
					"succeeded"::equals);
	}

	/** The ids of the jobs a client's list shows. */
	private List<String> listedIds(String path, String... credentials) {
		HttpResponse<String> list = http().send("GET", path, null, credentials);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		JsonNode items = TestHttp.json(list).path("items");
		assertThat(items.isArray()).as(list.body()).isTrue();
		List<String> ids = new ArrayList<>();
		items.forEach(job -> ids.add(job.path("id").asString()));
		return ids;
	}

	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
