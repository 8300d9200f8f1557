package com.stockcast.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the job tests share: a client for the real port, submission, polling with a deadline. */
abstract class JobsApiContractSupport {

	static final String PROPERTIES_CHUNKS = "stockcast.pool.chunk-size=100";

	static final String PROPERTIES_POLL = "stockcast.jobs.poll-interval=50ms";

	static final String FRACTIONAL = resource("products-1k-fractional.csv");

	static final JsonMapper JSON = JsonMapper.builder().build();

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

	final HttpClient client = HttpClient.newHttpClient();

	String submitAndAwait(String csv) throws Exception {
		String location = submit(csv, "text/csv").headers().firstValue("Location").orElseThrow();
		awaitStatus(location, "succeeded");
		return location;
	}

	HttpResponse<String> submit(String body, String contentType, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/forecasts"))
			.header("Content-Type", contentType)
			.header("Prefer", "respond-async")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
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

	String sync(String query, String accept) throws Exception {
		return send(HttpRequest.newBuilder(uri("/forecasts" + query))
			.header("Content-Type", "text/csv")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(FRACTIONAL))).body();
	}

	HttpResponse<String> get(String path, String accept) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
	}

	/** Sends {@code request} as client test-a, unless it names its own {@code X-API-Key}. */
	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (request.copy().build().headers().firstValue(TestKeys.HEADER).isEmpty()) {
			request.header(TestKeys.HEADER, TestKeys.KEY);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	URI managementUri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	static String nextLink(HttpResponse<String> response) {
		Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(response.headers().firstValue("Link").orElse(""));
		return m.find() ? m.group(1) : null;
	}

	static String resource(String name) {
		try (var in = JobsApiContract.class.getResourceAsStream("/reference/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
