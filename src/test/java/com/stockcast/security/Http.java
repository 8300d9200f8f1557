package com.stockcast.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain HTTP client for the security tests: every header, credentials included, is the caller's. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CSV = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days
			1,1/1/23,50,10,8,30
			2,1/2/23,60,15,13,30
			""";

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	/** Sends {@code method path} with {@code body} (none when null); {@code headers} are name, value pairs. */
	HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Submits {@link #CSV} as a job with {@code headers} (credentials among them); answers the job's location. */
	String submit(String... headers) {
		String[] all = new String[headers.length + 4];
		all[0] = "Content-Type";
		all[1] = "text/csv";
		all[2] = "Prefer";
		all[3] = "respond-async";
		System.arraycopy(headers, 0, all, 4, headers.length);
		HttpResponse<String> accepted = send("POST", "/forecasts", CSV, all);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return accepted.headers().firstValue("Location").orElseThrow();
	}

	/** Asserts an RFC 9457 problem answer with {@code status} and type {@code urn:stockcast:problem:<slug>}. */
	static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

}
