package com.stockcast.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import com.stockcast.ServiceProcess;
import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the packaged service (the jar Failsafe names in {@code stockcast.jar}) that a test
 * starts as processes on one database, each with its log in {@code dir}; and the checks those tests
 * make of jobs: a job's every row and its summary against the synchronous answer. Closing it kills
 * the instances still running.
 */
final class PackagedInstances implements AutoCloseable {

	/**
	 * Job settings that keep kill tests cheap: a killed instance's chunks come back after 2 s, idle
	 * workers look for chunks every 100 ms, and a job of a few hundred products has several chunks.
	 */
	static final List<String> SHORT_LEASES = List.of("--stockcast.jobs.lease=2s", "--stockcast.jobs.poll-interval=100ms",
			"--stockcast.pool.chunk-size=100");

	private final Path dir;

	private final List<String> jvmOptions;

	private final List<String> arguments;

	private final List<Process> processes = java.util.Collections.synchronizedList(new ArrayList<>());

	/**
	 * @param dir where the logs go
	 * @param arguments the command-line settings every instance gets (database, keys, jobs)
	 */
	PackagedInstances(Path dir, List<String> arguments) {
		this(dir, List.of(), arguments);
	}

	/**
	 * @param dir where the logs go
	 * @param jvmOptions options for the instances' JVMs
	 * @param arguments the command-line settings every instance gets (database, keys, jobs)
	 */
	PackagedInstances(Path dir, List<String> jvmOptions, List<String> arguments) {
		this.dir = dir;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.arguments = List.copyOf(arguments);
	}

	/** The settings for PostgreSQL at {@code url}, with the user and password the CI environment gives. */
	static List<String> postgres(String url) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + postgresUser(),
				"--spring.datasource.password=" + postgresPassword());
	}

	static String postgresUser() {
		return envOr("STOCKCAST_TEST_POSTGRES_USER", "postgres");
	}

	static String postgresPassword() {
		return envOr("STOCKCAST_TEST_POSTGRES_PASSWORD", "");
	}

	/** Starts an instance on {@code port} and waits until it is ready; {@code more} settings are its own. */
	Process start(int port, String name, String... more) throws IOException {
		Process process = ServiceProcess.start(command(port, more), port, log(name), Duration.ofMinutes(5)).process();
		this.processes.add(process);
		return process;
	}

	/** Starts an instance without waiting for it. */
	Process launch(int port, String name, String... more) throws IOException {
		Process process = command(port, more).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
		this.processes.add(process);
		return process;
	}

	/** SIGKILL, and waits until the process is gone. */
	static void kill(Process instance) throws InterruptedException {
		instance.destroyForcibly();
		assertThat(instance.waitFor(5, TimeUnit.MINUTES)).isTrue();
	}

	private ProcessBuilder command(int port, String... more) throws IOException {
		List<String> command = new ArrayList<>(List.of(ServiceProcess.java()));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", System.getProperty("stockcast.jar"), "--server.port=" + port,
				"--management.server.port=" + ServiceProcess.freePort()));
		command.addAll(this.arguments);
		command.addAll(List.of(more));
		return new ProcessBuilder(command);
	}

	Path log(String name) {
		return this.dir.resolve(name + ".log");
	}

	/** Submits {@code submission} as a job (as client test-a); its location. */
	String submit(int port, Submission submission) {
		HttpResponse<String> accepted = TestHttp.on(port).send(post(port, submission, true),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return accepted.headers().firstValue("Location").orElseThrow();
	}

	/** A job's view; a job that failed or was cancelled fails the test at once, quoting the instances' logs. */
	JsonNode job(int port, String location) throws IOException {
		JsonNode job = TestHttp.json(TestHttp.on(port).get(location));
		assertThat(job.get("status").asString()).as("job %s; service logs:\n%s", job, serviceLogs())
			.isIn("queued", "running", "succeeded");
		return job;
	}

	JsonNode awaitSucceeded(int port, String location) throws IOException {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> job(port, location).get("status").asString().equals("succeeded"));
		return job(port, location);
	}

	/** Waits until the job succeeded (never failed), then compares its rows and summary with the synchronous answer. */
	void verify(int port, Submission submission, String location) throws Exception {
		verifySucceeded(port, submission, awaitSucceeded(port, location), location);
	}

	/** Compares a job that {@code done} shows succeeded: its rows and summary against the synchronous answer. */
	void verifySucceeded(int port, Submission submission, JsonNode done, String location) throws Exception {
		assertThat(done.get("status").asString()).isEqualTo("succeeded");
		assertThat(done.get("progress").get("chunks_done").asInt())
			.isEqualTo(done.get("progress").get("chunks_total").asInt());
		String separator = submission.query().isEmpty() ? "?" : "&";
		TestHttp http = TestHttp.on(port);
		Digest rows = digest(http.send(get(port, location + "/rows"), HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(rows).as("rows of %s", submission.query())
			.isEqualTo(digest(http.send(post(port, submission, false), HttpResponse.BodyHandlers.ofInputStream())));
		Digest summary = digest(http.send(get(port, location + "/summary"), HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(summary).as("summary of %s", submission.query())
			.isEqualTo(digest(http.send(post(port, submission.view("summary", separator), false),
					HttpResponse.BodyHandlers.ofInputStream())));
	}

	/** The instances' logs, for a failure message: their error lines. */
	String serviceLogs() throws IOException {
		StringBuilder logs = new StringBuilder();
		try (var files = Files.list(this.dir)) {
			for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
				logs.append("--- ").append(log.getFileName()).append('\n');
				Files.readAllLines(log).stream()
					.filter(l -> l.contains("ERROR") || l.contains("WARN") || l.startsWith("Caused by"))
					.limit(40)
					.forEach(l -> logs.append(l).append('\n'));
			}
		}
		return logs.toString();
	}

	@Override
	public void close() {
		this.processes.forEach(Process::destroyForcibly);
	}

	/** A job's request: a query string and a product list. */
	record Submission(String query, String csv) {

		Submission view(String view, String separator) {
			return new Submission(this.query + separator + "view=" + view, this.csv);
		}

	}

	/** An answer's lines and SHA-256. */
	record Digest(long lines, String sha256) {
	}

	private static Digest digest(HttpResponse<InputStream> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		long lines = 0;
		try (InputStream in = response.body()) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) > 0) {
				sha.update(buffer, 0, n);
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		return new Digest(lines, HexFormat.of().formatHex(sha.digest()));
	}

	private static HttpRequest.Builder post(int port, Submission submission, boolean async) {
		String[] headers = async ? new String[] { "Content-Type", "text/csv", "Prefer", "respond-async" }
				: new String[] { "Content-Type", "text/csv" };
		return TestHttp.on(port)
			.request("POST", "/forecasts" + submission.query(), HttpRequest.BodyPublishers.ofString(submission.csv()),
					headers);
	}

	private static HttpRequest.Builder get(int port, String path) {
		return TestHttp.on(port).request("GET", path, HttpRequest.BodyPublishers.noBody());
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null) ? fallback : value;
	}

}
