package com.stockcast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one HTTP client of the tests that talk to a real port: what a store system sends, byte for
 * byte. It wraps the JDK's {@link HttpClient} once rather than using Spring's {@code RestTestClient}
 * because the tests need what that client smooths over: bodies of unknown length, answers streamed
 * past the heap (2.5 GB), bodies that are not what their {@code Content-Type} says, and requests
 * missing headers every well-behaved client sends. A test that must misbehave on the wire itself
 * (slow or aborted uploads, headers the JDK refuses to send) uses {@link RawHttp}.
 *
 * <p>
 * Requests go as HTTP/1.1 and never ask for {@code 100 Continue}. Unless a request names its own
 * {@link TestKeys#HEADER}, it carries this client's key; {@link #anonymous(int)} has none.
 */
public final class TestHttp {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** Only a server that does not listen meets the connect timeout; a loaded machine does not. */
	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofMinutes(1))
		.build();

	private final int port;

	private final String key;

	private TestHttp(int port, String key) {
		this.port = port;
		this.key = key;
	}

	/** A client of the service on {@code port} that authenticates as test-a ({@link TestKeys#KEY}). */
	public static TestHttp on(int port) {
		return new TestHttp(port, TestKeys.KEY);
	}

	/** A client that sends no credentials unless a request names them in its headers. */
	public static TestHttp anonymous(int port) {
		return new TestHttp(port, null);
	}

	/** This client authenticating with {@code key} instead. */
	public TestHttp as(String key) {
		return new TestHttp(this.port, key);
	}

	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send("GET", path, (byte[]) null, headers);
	}

	public HttpResponse<String> delete(String path, String... headers) {
		return send("DELETE", path, (byte[]) null, headers);
	}

	/** POSTs {@code body} as {@code contentType} (none when null); {@code headers} are name, value pairs. */
	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
		return send("POST", path, body, (contentType == null) ? headers : prepend(headers, "Content-Type", contentType));
	}

	/** Sends {@code method path} with {@code body} (none when null); {@code headers} are name, value pairs. */
	public HttpResponse<String> send(String method, String path, String body, String... headers) {
		return send(method, path, (body == null) ? null : body.getBytes(StandardCharsets.UTF_8), headers);
	}

	private HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
		return send(request(method, path, (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body), headers), HttpResponse.BodyHandlers.ofString());
	}

	/** POSTs {@code file} as the multipart part {@code file}, as {@code curl -F file=@name} does. */
	public HttpResponse<String> upload(String path, String fileName, String partType, byte[] file, String... headers) {
		String boundary = "----stockcast-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
	}

	/** POSTs each of {@code parts} (name to CSV content, in order) as a multipart part, as {@code curl -F name=@file} does. */
	public HttpResponse<String> uploadParts(String path, java.util.Map<String, byte[]> parts, String... headers) {
		String boundary = "----stockcast-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		parts.forEach((name, content) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
	}

	/**
	 * A request to this client's port, with its key unless {@code headers} name one, for a test that
	 * needs a body publisher, a timeout or a body handler of its own.
	 */
	public HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body);
		boolean keyed = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			keyed |= headers[i].equalsIgnoreCase(TestKeys.HEADER);
		}
		if (this.key != null && !keyed) {
			request.header(TestKeys.HEADER, this.key);
		}
		return request;
	}

	/** Sends {@code request}; an I/O failure is thrown unchecked. */
	public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> answer) {
		try {
			return CLIENT.send(request.build(), answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest.Builder request,
			HttpResponse.BodyHandler<T> answer) {
		return CLIENT.sendAsync(request.build(), answer);
	}

	/**
	 * Asserts an RFC 9457 problem answer: the status, {@code application/problem+json}, the type
	 * {@code urn:stockcast:problem:<slug>}, the same status in the body, a title and a detail.
	 */
	public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static String[] prepend(String[] headers, String name, String value) {
		String[] all = new String[headers.length + 2];
		all[0] = name;
		all[1] = value;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

}
