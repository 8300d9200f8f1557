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
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.ServiceProcess;
import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 at random moments, again and again: the packaged service runs jobs of three kinds (the
 * default forecast's typed rows, a lost-sales reorder scenario and a Monte Carlo forecast, which are
 * stored as recorded blocks) and is killed with SIGKILL while they run, or while it starts up and
 * recovers, then started again on the same database. Every job must succeed, with exactly the
 * synchronous answer's rows and summaries: none missing, none twice, none failed.
 *
 * <p>{@code -Dstockcast.soak.kills} (per database, default 6) and {@code -Dstockcast.soak.seed} make
 * it a longer soak: {@code bench/crash-soak.sh} runs it with many more kills. Each run prints and
 * appends its tally to {@code target/crash-soak.txt}.
 */
class CrashRecoveryIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int KILLS = Integer.getInteger("stockcast.soak.kills", 6);

	/** The jobs of one batch: a query string and a product list each. */
	private static final List<Submission> BATCH = List.of(new Submission("", BigInput.csv(3_000, 365)),
			new Submission("?policy=lost-sales&reorder_point=40&order_quantity=150&lead_time_days=3",
					BigInput.csv(2_000, 365)),
			new Submission("?demand=poisson&trials=100&seed=7", BigInput.csv(400, 180)));

	private final List<Process> processes = new ArrayList<>();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void everyJobSurvivesRepeatedKill9OnTheEmbeddedDatabase() throws Exception {
		soak("sqlite", List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath()));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "STOCKCAST_TEST_POSTGRES_URL", matches = ".+")
	void everyJobSurvivesRepeatedKill9OnPostgresql() throws Exception {
		soak("postgresql", List.of("--spring.datasource.url=" + System.getenv("STOCKCAST_TEST_POSTGRES_URL"),
				"--spring.datasource.username=" + envOr("STOCKCAST_TEST_POSTGRES_USER", "postgres"),
				"--spring.datasource.password=" + envOr("STOCKCAST_TEST_POSTGRES_PASSWORD", "")));
	}

	@Test
	void finishesOrGivesBackItsChunksOnSigterm() throws Exception {
		List<String> database = List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath());
		int port = ServiceProcess.freePort();
		Process first = start(port, database, "first");
		Submission submission = BATCH.get(0);
		String location = submit(port, submission);
		awaitProgress(port, List.of(location), 0);
		first.destroy(); // SIGTERM: graceful shutdown
		assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(Files.readString(this.dir.resolve("first.log"))).doesNotContain("Exception");
		start(port, database, "second");
		verify(port, submission, location);
	}

	/**
	 * Kills the service {@link #KILLS} times: mostly once jobs have made progress since it started (so
	 * that the kill lands mid-job, at a random moment within a chunk), sometimes while it is still
	 * starting and recovering. When a batch of jobs finishes before the kills are spent, it is checked
	 * and another is submitted, so kills fall across several jobs as well as within one.
	 */
	private void soak(String name, List<String> database) throws Exception {
		long seed = Long.getLong("stockcast.soak.seed", System.nanoTime());
		Random random = new Random(seed);
		int port = ServiceProcess.freePort();
		Process service = start(port, database, "run-0");
		List<String> batch = submitBatch(port);
		List<List<String>> batches = new ArrayList<>(List.of(batch));
		int midJob = 0;
		int duringStartup = 0;
		int kills = 0;
		while (kills < KILLS) {
			if (unfinished(port, batch) == 0) {
				batch = submitBatch(port);
				batches.add(batch);
			}
			awaitProgress(port, batch, progress(port, batch));
			Thread.sleep(random.nextInt(500));
			midJob += (unfinished(port, batch) > 0) ? 1 : 0;
			kill(service);
			kills++;
			if (kills < KILLS && random.nextInt(4) == 0) {
				// Killed again while it starts, migrates and takes its chunks back.
				service = launch(port, database, "run-" + kills + "-startup");
				Thread.sleep(random.nextInt(4_000));
				kill(service);
				kills++;
				duringStartup++;
			}
			service = start(port, database, "run-" + kills);
		}
		for (int b = 0; b < batches.size(); b++) {
			for (int j = 0; j < BATCH.size(); j++) {
				verify(port, BATCH.get(j), batches.get(b).get(j));
			}
		}
		String tally = String.format("%s kills=%d mid-job=%d during-startup=%d jobs=%d failed=0 seed=%d", name, KILLS,
				midJob, duringStartup, batches.size() * BATCH.size(), seed);
		System.out.println("Crash soak: " + tally);
		Files.writeString(Path.of("target", "crash-soak.txt"), tally + System.lineSeparator(),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

	private static void kill(Process service) throws InterruptedException {
		service.destroyForcibly();
		assertThat(service.waitFor(5, TimeUnit.MINUTES)).isTrue();
	}

	private List<String> submitBatch(int port) throws Exception {
		List<String> locations = new ArrayList<>();
		for (Submission submission : BATCH) {
			locations.add(submit(port, submission));
		}
		return locations;
	}

	private String submit(int port, Submission submission) throws Exception {
		HttpResponse<String> accepted = TestHttp.on(port).send(post(port, submission, true),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return accepted.headers().firstValue("Location").orElseThrow();
	}

	/** Waits until the job succeeded (never failed), then compares its rows and summary with the synchronous answer. */
	private void verify(int port, Submission submission, String location) throws Exception {
		JsonNode done = awaitSucceeded(port, location);
		assertThat(done.get("progress").get("chunks_done").asInt())
			.isEqualTo(done.get("progress").get("chunks_total").asInt());
		String separator = submission.query().isEmpty() ? "?" : "&";
		Digest rows = digest(TestHttp.on(port).send(get(port, location + "/rows"), HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(rows).as("rows of %s", submission.query())
			.isEqualTo(digest(TestHttp.on(port).send(post(port, submission, false), HttpResponse.BodyHandlers.ofInputStream())));
		Digest summary = digest(TestHttp.on(port).send(get(port, location + "/summary"),
				HttpResponse.BodyHandlers.ofInputStream()));
		assertThat(summary).as("summary of %s", submission.query())
			.isEqualTo(digest(TestHttp.on(port).send(post(port, submission.view("summary", separator), false),
					HttpResponse.BodyHandlers.ofInputStream())));
	}

	/** Starts the service and waits until it is ready. */
	private Process start(int port, List<String> database, String name) throws Exception {
		Process process = ServiceProcess
			.start(command(port, database), port, this.dir.resolve(name + ".log"), Duration.ofMinutes(5))
			.process();
		this.processes.add(process);
		return process;
	}

	/** Starts the service without waiting for it. */
	private Process launch(int port, List<String> database, String name) throws IOException {
		Process process = command(port, database).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(name + ".log").toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	private ProcessBuilder command(int port, List<String> database) throws IOException {
		List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-jar", System.getProperty("stockcast.jar"),
				"--server.port=" + port, "--management.server.port=" + ServiceProcess.freePort(),
				"--stockcast.jobs.lease=2s", "--stockcast.jobs.poll-interval=100ms", "--stockcast.pool.chunk-size=100"));
		command.addAll(TestKeys.serviceArguments());
		command.addAll(database);
		return new ProcessBuilder(command);
	}

	/** Products done across the jobs. */
	private long progress(int port, List<String> locations) throws Exception {
		long done = 0;
		for (String location : locations) {
			done += job(port, location).get("progress").get("products_done").asLong();
		}
		return done;
	}

	private int unfinished(int port, List<String> locations) throws Exception {
		int unfinished = 0;
		for (String location : locations) {
			unfinished += job(port, location).get("status").asString().equals("succeeded") ? 0 : 1;
		}
		return unfinished;
	}

	/** A job's view; a job that failed or was cancelled fails the test at once, quoting the services' logs. */
	private JsonNode job(int port, String location) throws Exception {
		JsonNode job = JSON.readTree(TestHttp.on(port).send(get(port, location), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(job.get("status").asString()).as("job %s; service logs:\n%s", job, serviceLogs())
			.isIn("queued", "running", "succeeded");
		return job;
	}

	/** Waits until the jobs have done more products than {@code from}, or all succeeded. */
	private void awaitProgress(int port, List<String> locations, long from) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
			.until(() -> progress(port, locations) > from || unfinished(port, locations) == 0);
	}

	private JsonNode awaitSucceeded(int port, String location) throws Exception {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> job(port, location).get("status").asString().equals("succeeded"));
		return job(port, location);
	}

	/** The services' logs, for a failure message: their error lines. */
	private String serviceLogs() throws IOException {
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

	record Submission(String query, String csv) {

		Submission view(String view, String separator) {
			return new Submission(this.query + separator + "view=" + view, this.csv);
		}

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
