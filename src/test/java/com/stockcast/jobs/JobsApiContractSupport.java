package com.stockcast.jobs;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the job tests share: a client for the real port, submission, polling with a deadline. */
abstract class JobsApiContractSupport {

	static final String PROPERTIES_CHUNKS = "stockcast.pool.chunk-size=100";

	static final String PROPERTIES_POLL = "stockcast.jobs.poll-interval=50ms";

	static final String FRACTIONAL = TestResources.text("products-1k-fractional.csv");

	static final JsonMapper JSON = TestHttp.JSON;

	/**
	 * How long a job may take to reach a state on a slow, loaded machine: generous, since only a
	 * failing test waits it out.
	 */
	static final Duration JOB_DEADLINE = Duration.ofMinutes(5);

	private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	/** The API as client test-a. */
	TestHttp http() {
		return TestHttp.on(this.port);
	}

	TestHttp management() {
		return TestHttp.on(this.managementPort);
	}

	String submitAndAwait(String csv) {
		String location = submit(csv, "text/csv").headers().firstValue("Location").orElseThrow();
		awaitStatus(location, "succeeded");
		return location;
	}

	/** Submits {@code body} to {@code path} as a job ({@code Prefer: respond-async}). */
	HttpResponse<String> submitTo(String path, String body, String contentType, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Prefer";
		all[1] = "respond-async";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return http().post(path, contentType, body, all);
	}

	HttpResponse<String> submit(String body, String contentType, String... headers) {
		return submitTo("/forecasts", body, contentType, headers);
	}

	/**
	 * Polls the job until it reaches {@code status}, failing at {@link #JOB_DEADLINE} or at once on
	 * another final status.
	 */
	JsonNode awaitStatus(String location, String status) {
		return await().atMost(JOB_DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
			JsonNode job = JSON.readTree(get(location, "application/json").body());
			String now = job.get("status").asString();
			assertThat(now.equals(status) || !FINISHED.contains(now)).as("job ended %s, not %s: %s", now, status, job)
				.isTrue();
			return job;
		}, job -> job.get("status").asString().equals(status));
	}

	/** The synchronous answer for {@link #FRACTIONAL} with {@code query}, in {@code accept}. */
	String sync(String query, String accept) {
		return http().post("/forecasts" + query, "text/csv", FRACTIONAL, "Accept", accept).body();
	}

	HttpResponse<String> get(String path, String accept) {
		return http().get(path, "Accept", accept);
	}

	static String nextLink(HttpResponse<String> response) {
		Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(response.headers().firstValue("Link").orElse(""));
		return m.find() ? m.group(1) : null;
	}

}
