package com.stockcast.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import com.stockcast.ServiceProcess;
import com.stockcast.TestKeys;
import com.stockcast.jobs.PackagedInstances.Submission;

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

	private static final int KILLS = Integer.getInteger("stockcast.soak.kills", 6);

	/** The jobs of one batch: a query string and a product list each. */
	private static final List<Submission> BATCH = List.of(new Submission("", BigInput.csv(3_000, 365)),
			new Submission("?policy=lost-sales&reorder_point=40&order_quantity=150&lead_time_days=3",
					BigInput.csv(2_000, 365)),
			new Submission("?demand=poisson&trials=100&seed=7", BigInput.csv(400, 180)));

	@TempDir
	Path dir;

	private PackagedInstances instances;

	@AfterEach
	void stop() {
		if (this.instances != null) {
			this.instances.close();
		}
	}

	@Test
	void everyJobSurvivesRepeatedKill9OnTheEmbeddedDatabase() throws Exception {
		soak("sqlite", List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath()));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "STOCKCAST_TEST_POSTGRES_URL", matches = ".+")
	void everyJobSurvivesRepeatedKill9OnPostgresql() throws Exception {
		soak("postgresql", PackagedInstances.postgres(System.getenv("STOCKCAST_TEST_POSTGRES_URL")));
	}

	@Test
	void finishesOrGivesBackItsChunksOnSigterm() throws Exception {
		PackagedInstances service = instances(List.of("--stockcast.data-dir=" + this.dir.resolve("db").toAbsolutePath()));
		int port = ServiceProcess.freePort();
		Process first = service.start(port, "first");
		Submission submission = BATCH.get(0);
		String location = service.submit(port, submission);
		awaitProgress(port, List.of(location), 0);
		first.destroy(); // SIGTERM: graceful shutdown
		assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(Files.readString(service.log("first"))).doesNotContain("Exception");
		service.start(port, "second");
		service.verify(port, submission, location);
	}

	/** One instance at a time on {@code database}, with short leases. */
	private PackagedInstances instances(List<String> database) {
		List<String> arguments = new ArrayList<>(PackagedInstances.SHORT_LEASES);
		arguments.addAll(TestKeys.serviceArguments());
		arguments.addAll(database);
		this.instances = new PackagedInstances(this.dir, arguments);
		return this.instances;
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
		PackagedInstances service = instances(database);
		int port = ServiceProcess.freePort();
		Process process = service.start(port, "run-0");
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
			PackagedInstances.kill(process);
			kills++;
			if (kills < KILLS && random.nextInt(4) == 0) {
				// Killed again while it starts, migrates and takes its chunks back.
				process = service.launch(port, "run-" + kills + "-startup");
				Thread.sleep(random.nextInt(4_000));
				PackagedInstances.kill(process);
				kills++;
				duringStartup++;
			}
			process = service.start(port, "run-" + kills);
		}
		for (int b = 0; b < batches.size(); b++) {
			for (int j = 0; j < BATCH.size(); j++) {
				service.verify(port, BATCH.get(j), batches.get(b).get(j));
			}
		}
		String tally = String.format("%s kills=%d mid-job=%d during-startup=%d jobs=%d failed=0 seed=%d", name, KILLS,
				midJob, duringStartup, batches.size() * BATCH.size(), seed);
		System.out.println("Crash soak: " + tally);
		Files.writeString(Path.of("target", "crash-soak.txt"), tally + System.lineSeparator(),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

	private List<String> submitBatch(int port) {
		List<String> locations = new ArrayList<>();
		for (Submission submission : BATCH) {
			locations.add(this.instances.submit(port, submission));
		}
		return locations;
	}

	/** Products done across the jobs. */
	private long progress(int port, List<String> locations) throws Exception {
		long done = 0;
		for (String location : locations) {
			done += this.instances.job(port, location).get("progress").get("products_done").asLong();
		}
		return done;
	}

	private int unfinished(int port, List<String> locations) throws Exception {
		int unfinished = 0;
		for (String location : locations) {
			unfinished += this.instances.job(port, location).get("status").asString().equals("succeeded") ? 0 : 1;
		}
		return unfinished;
	}

	/** Waits until the jobs have done more products than {@code from}, or all succeeded. */
	private void awaitProgress(int port, List<String> locations, long from) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
			.until(() -> progress(port, locations) > from || unfinished(port, locations) == 0);
	}

}
