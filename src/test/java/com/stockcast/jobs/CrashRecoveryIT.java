package com.stockcast.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.ServiceProcess;
import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a job: the packaged service is started as its own process, killed with
 * SIGKILL (or stopped with SIGTERM) while the job is part done, and started again on the same
 * database. The job must resume and succeed with exactly the synchronous answer's rows: none
 * missing, none twice.
 */
class CrashRecoveryIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SKUS = 6_000;

	private static final int DAYS = 365;

	private final HttpClient client = HttpClient.newHttpClient();

	private final List<Process> processes = new ArrayList<>();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void resumesAJobAfterKill9OnTheEmbeddedDatabase() throws Exception {
		survivesKill9(List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath()));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "STOCKCAST_TEST_POSTGRES_URL", matches = ".+")
	void resumesAJobAfterKill9OnPostgresql() throws Exception {
		survivesKill9(List.of("--spring.datasource.url=" + System.getenv("STOCKCAST_TEST_POSTGRES_URL"),
				"--spring.datasource.username=" + envOr("STOCKCAST_TEST_POSTGRES_USER", "postgres"),
				"--spring.datasource.password=" + envOr("STOCKCAST_TEST_POSTGRES_PASSWORD", "")));
	}

	@Test
	void finishesOrGivesBackItsChunksOnSigterm() throws Exception {
		survives(List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath()), false);
	}

	private void survivesKill9(List<String> database) throws Exception {
		survives(database, true);
	}

	private void survives(List<String> database, boolean kill9) throws Exception {
		String input = BigInput.csv(SKUS, DAYS);
		int port = ServiceProcess.freePort();
		Process first = start(port, database, "first");
		HttpResponse<String> accepted = this.client.send(post(port, input, true), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();

		JsonNode midway = awaitProgress(port, location, 10, 80);
		if (kill9) {
			first.destroyForcibly();
		}
		else {
			first.destroy(); // SIGTERM: graceful shutdown
		}
		assertThat(first.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
		if (kill9) {
			assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		}
		else {
			assertThat(Files.readString(this.dir.resolve("first.log"))).doesNotContain("Exception");
		}

		start(port, database, "second");
		JsonNode done = awaitStatus(port, location, "succeeded");
		assertThat(done.get("progress").get("products_done").asInt()).isEqualTo(SKUS);
		assertThat(done.get("progress").get("chunks_done").asInt()).isEqualTo(done.get("progress").get("chunks_total").asInt());
		assertThat(midway.get("progress").get("products_done").asInt()).isLessThan(SKUS);

		Digest stored = digest(this.client.send(get(port, location + "/rows"), HttpResponse.BodyHandlers.ofInputStream()));
		Digest expected = digest(this.client.send(post(port, input, false), HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(stored.lines()).isEqualTo(1L + (long) SKUS * DAYS);
		assertThat(stored).isEqualTo(expected);
		Digest storedSummary = digest(this.client.send(get(port, location + "/summary"),
				HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(storedSummary.lines()).isEqualTo(1L + SKUS);
	}

	private Process start(int port, List<String> database, String name) throws Exception {
		List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-jar", System.getProperty("stockcast.jar"),
				"--server.port=" + port, "--management.server.port=" + ServiceProcess.freePort(), "--stockcast.jobs.lease=3s", "--stockcast.jobs.poll-interval=100ms",
				"--stockcast.pool.chunk-size=100"));
		command.addAll(TestKeys.serviceArguments());
		command.addAll(database);
		Process process = ServiceProcess
			.start(new ProcessBuilder(command), port, this.dir.resolve(name + ".log"), Duration.ofSeconds(90))
			.process();
		this.processes.add(process);
		return process;
	}

	private JsonNode awaitProgress(int port, String location, double fromPercent, double toPercent) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (true) {
			JsonNode job = JSON.readTree(this.client.send(get(port, location), HttpResponse.BodyHandlers.ofString()).body());
			double percent = job.get("progress").get("percent").asDouble();
			if (percent >= fromPercent) {
				assertThat(percent).as("job went past the window before the kill").isLessThan(toPercent);
				return job;
			}
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(20);
		}
	}

	private JsonNode awaitStatus(int port, String location, String status) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
		while (true) {
			JsonNode job = JSON.readTree(this.client.send(get(port, location), HttpResponse.BodyHandlers.ofString()).body());
			if (job.get("status").asString().equals(status)) {
				return job;
			}
			assertThat(job.get("status").asString()).as("job %s; service log:\n%s", job, serviceLogs())
				.isIn("queued", "running");
			assertThat(Instant.now()).as("job not %s in time: %s", status, job).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	/** The services' logs, for a failure message: their error lines and the last lines of each. */
	private String serviceLogs() throws IOException {
		StringBuilder logs = new StringBuilder();
		for (String name : new String[] { "first", "second" }) {
			Path log = this.dir.resolve(name + ".log");
			if (Files.exists(log)) {
				List<String> lines = Files.readAllLines(log);
				logs.append("--- ").append(name).append('\n');
				lines.stream().filter(l -> l.contains("ERROR") || l.contains("WARN") || l.startsWith("Caused by"))
					.limit(40).forEach(l -> logs.append(l).append('\n'));
			}
		}
		return logs.toString();
	}

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

	private static HttpRequest post(int port, String csv, boolean async) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/forecasts"))
			.header("Content-Type", "text/csv")
			.header(TestKeys.HEADER, TestKeys.KEY)
			.POST(HttpRequest.BodyPublishers.ofString(csv));
		if (async) {
			request.header("Prefer", "respond-async");
		}
		return request.build();
	}

	private static HttpRequest get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header(TestKeys.HEADER, TestKeys.KEY)
			.build();
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null) ? fallback : value;
	}

}
