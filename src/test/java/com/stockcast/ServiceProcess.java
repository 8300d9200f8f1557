package com.stockcast;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service started as a process of its own (the packaged jar, an extracted image layout, or the
 * test class path), for tests whose behaviour crosses a process boundary: kill -9, heap limits,
 * Prometheus scraping, the container's entry point; or another server the tests need (Prometheus).
 * Its output goes to a log file that failure messages quote.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts {@code command} with its output in {@code log} and waits until the service on {@code port}
	 * answers {@code /readyz} (open, on the API port) with 200. Fails, quoting the log, if it exits or is not healthy
	 * within {@code timeout}.
	 */
	public static ServiceProcess start(ProcessBuilder command, int port, Path log, Duration timeout) throws Exception {
		return start(command, port, "/readyz", log, timeout);
	}

	/** Like {@link #start(ProcessBuilder, int, Path, Duration)}, for a server whose health is at {@code healthPath}. */
	public static ServiceProcess start(ProcessBuilder command, int port, String healthPath, Path log, Duration timeout)
			throws Exception {
		Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(process, port, log);
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			assertThat(process.isAlive()).as("service exited; log:\n%s", service.log()).isTrue();
			try {
				if (service.get(healthPath).statusCode() == 200) {
					return service;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			assertThat(Instant.now()).as("service not healthy in time; log:\n%s", service.log()).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	/** The {@code java} launcher of the JVM running the tests. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A TCP port that was free a moment ago. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public Process process() {
		return this.process;
	}

	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** GETs {@code path} with {@link TestKeys#KEY} (which servers other than Stockcast ignore). */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(uri(path)).header(TestKeys.HEADER, TestKeys.KEY).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** What the service has written so far. */
	public String log() throws IOException {
		return Files.readString(this.log);
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
