package com.stockcast.forecast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain HTTP client for tests over a real port: what a store system would send, byte for byte. */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String key;

	/** A client that authenticates with {@link TestKeys#KEY}, as client test-a. */
	Api(int port) {
		this(port, TestKeys.KEY);
	}

	/** A client that sends {@code key} as its API key, or no credentials at all when it is null. */
	Api(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	/** POSTs {@code body} to {@code path}; {@code headers} are name, value pairs. */
	HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	/** POSTs {@code file} as the multipart part {@code file}, as {@code curl -F file=@name} does. */
	HttpResponse<String> upload(String path, String fileName, String partType, byte[] file, String... headers) {
		String boundary = "----stockcast-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + partType + "\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		if (this.key != null && request.headers().firstValue(TestKeys.HEADER).isEmpty()) {
			HttpRequest.Builder keyed = HttpRequest.newBuilder(request, (name, value) -> true);
			request = keyed.header(TestKeys.HEADER, this.key).build();
		}
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Asserts an RFC 9457 problem answer: the status, {@code application/problem+json}, the type
	 * {@code urn:stockcast:problem:<slug>}, the same status in the body, a title and a detail.
	 */
	static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] resource(String name) {
		try (InputStream in = Api.class.getResourceAsStream("/reference/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource /reference/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String resourceText(String name) {
		return new String(resource(name), StandardCharsets.UTF_8);
	}

}
