package com.stockcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service started as a process of its own (the packaged jar, an extracted image layout, or the
 * test class path), for tests whose behaviour crosses a process boundary: kill -9, heap limits,
 * Prometheus scraping, the container's entry point; or another server the tests need (Prometheus).
 * Its output goes to a log file that failure messages quote.
 */
public final class ServiceProcess implements AutoCloseable {

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
	public static ServiceProcess start(ProcessBuilder command, int port, Path log, Duration timeout) throws IOException {
		return start(command, port, "/readyz", log, timeout);
	}

	/** Like {@link #start(ProcessBuilder, int, Path, Duration)}, for a server whose health is at {@code healthPath}. */
	public static ServiceProcess start(ProcessBuilder command, int port, String healthPath, Path log, Duration timeout)
			throws IOException {
		Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(process, port, log);
		try {
			await().atMost(timeout)
				.pollInterval(Duration.ofMillis(200))
				// Not listening yet: the connection is refused.
				.ignoreException(UncheckedIOException.class)
				.until(() -> {
					assertThat(process.isAlive()).as("service exited; log:\n%s", service.log()).isTrue();
					// Anonymous: a probe that carries a key is counted against that client's rate limit.
					return TestHttp.anonymous(port).get(healthPath).statusCode() == 200;
				});
		}
		catch (ConditionTimeoutException ex) {
			service.close();
			throw new AssertionError("service not healthy in " + timeout + "; log:\n" + service.log(), ex);
		}
		catch (RuntimeException | Error ex) {
			service.close();
			throw ex;
		}
		return service;
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

	/** The service's API port as client test-a (whose key servers other than Stockcast ignore). */
	public TestHttp http() {
		return TestHttp.on(this.port);
	}

	/** GETs {@code path} as client test-a. */
	public HttpResponse<String> get(String path) {
		return http().get(path);
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
