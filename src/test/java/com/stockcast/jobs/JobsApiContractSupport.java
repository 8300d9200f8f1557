package com.stockcast.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** What the job tests share: a client for the real port, submission, polling with a deadline. */
abstract class JobsApiContractSupport {

	static final String PROPERTIES_CHUNKS = "stockcast.pool.chunk-size=100";

	static final String PROPERTIES_POLL = "stockcast.jobs.poll-interval=50ms";

	static final String FRACTIONAL = resource("products-1k-fractional.csv");

	static final JsonMapper JSON = JsonMapper.builder().build();

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

	/** Polls the job until it reaches {@code status}, failing at a deadline or on another final status. */
	JsonNode awaitStatus(String location, String status) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		Predicate<String> finished = s -> s.equals("succeeded") || s.equals("failed") || s.equals("cancelled");
		while (true) {
			JsonNode job = JSON.readTree(get(location, "application/json").body());
			String now = job.get("status").asString();
			if (now.equals(status)) {
				return job;
			}
			assertThat(finished.test(now)).as("job ended %s, not %s: %s", now, status, job).isFalse();
			assertThat(Instant.now()).as("job still %s at the deadline", now).isBefore(deadline);
			Thread.sleep(50);
		}
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
