package com.stockcast.jobs;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.JsonNode;

import com.stockcast.ServiceProcess;
import com.stockcast.TestHttp;
import com.stockcast.TestKeys;
import com.stockcast.jobs.PackagedInstances.Submission;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged instances on one PostgreSQL, as replicas behind a load balancer: a client is held to
 * its rate across both, and both work on one job, one is killed with SIGKILL in the middle of a
 * chunk, and the other finishes the job with exactly the synchronous answer.
 *
 * <p>Nothing here waits on luck. The test steers the instances through the database, as a third
 * party holding locks and leases would: it holds a share lock on the results' table
 * ({@code forecast_output}) so that no chunk can be stored, and each instance, allowed one chunk
 * at a time ({@code stockcast.jobs.concurrency=1}), is seen waiting for that lock with a chunk of
 * the job in hand (each connects under its own {@code ApplicationName}, shown in
 * {@code pg_stat_activity}). The job's other chunks are then held by the test under a lease of its
 * own, so that when the lock goes each instance stores exactly its one chunk; the lock is taken
 * again, one chunk given back, and whichever instance claims it is killed while it waits to store
 * it. The rate limit's bucket refills one token in 10,000 s, so it cannot refill while the test runs.
 *
 * <p>PostgreSQL is the server {@code STOCKCAST_TEST_POSTGRES_URL} names (set by {@code .ci/run}), or a
 * Testcontainers one where a Docker engine runs; the instances get a schema of their own there,
 * dropped at the end. Without either, the test is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

	/** Requests a client may make in all, across both instances, before it is refused. */
	private static final int BURST = 30;

	private static final List<String> NAMES = List.of("replica-a", "replica-b");

	private static final Submission JOB = new Submission("", BigInput.csv(600, 60));

	@TempDir
	static Path dir;

	private PostgreSQLContainer container;

	private String url;

	private String schema;

	private Connection db;

	private PackagedInstances instances;

	private final List<Process> processes = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	@BeforeAll
	void startTwoInstances() throws Exception {
		String server = System.getenv("STOCKCAST_TEST_POSTGRES_URL");
		String user = PackagedInstances.postgresUser();
		String password = PackagedInstances.postgresPassword();
		if (server == null || server.isBlank()) {
			Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
					"no STOCKCAST_TEST_POSTGRES_URL and no Docker engine");
			this.container = new PostgreSQLContainer("postgres:16.4-alpine");
			this.container.start();
			server = this.container.getJdbcUrl();
			user = this.container.getUsername();
			password = this.container.getPassword();
		}
		this.schema = "replicas_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
		this.db = DriverManager.getConnection(this.url, user, password);
		try (Statement statement = this.db.createStatement()) {
			statement.execute("create schema " + this.schema);
		}
		List<String> arguments = new ArrayList<>(PackagedInstances.SHORT_LEASES);
		arguments.addAll(List.of("--stockcast.jobs.concurrency=1", "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password));
		// Keys for clients test-a and test-b (the first two of TestKeys' settings), and a slow limit.
		arguments.addAll(TestKeys.serviceArguments().subList(0, 2));
		arguments.addAll(List.of("--stockcast.security.api-keys[1].client=test-b",
				"--stockcast.security.api-keys[1].sha256=69b5ace9d38ce9e14e0cac3bd133440db5cf4aa49b490593aac58c9dd160062d",
				"--stockcast.security.rate-limit.requests-per-second=0.0001",
				"--stockcast.security.rate-limit.burst=" + BURST));
		// C1 only: an instance starts in about half the time (11 s against 20 s, once each under load),
		// and the test's small job needs no optimised code.
		this.instances = new PackagedInstances(dir, List.of("-XX:TieredStopAtLevel=1"), arguments);
		for (String name : NAMES) {
			this.ports.add(ServiceProcess.freePort());
		}
		// Both at once, as replicas roll out; Flyway's lock lets one of them migrate the schema.
		List<CompletableFuture<Process>> starting = new ArrayList<>();
		for (int i = 0; i < NAMES.size(); i++) {
			int port = this.ports.get(i);
			String name = NAMES.get(i);
			starting.add(CompletableFuture.supplyAsync(() -> start(port, name)));
		}
		for (CompletableFuture<Process> process : starting) {
			this.processes.add(process.join());
		}
	}

	private Process start(int port, String name) {
		try {
			return this.instances.start(port, name, "--spring.datasource.url=" + this.url + "&ApplicationName=" + name);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@AfterAll
	void stop() throws SQLException {
		if (this.instances != null) {
			this.instances.close();
		}
		if (this.db != null) {
			try (Statement statement = this.db.createStatement()) {
				this.db.setAutoCommit(true);
				statement.execute("drop schema if exists " + this.schema + " cascade");
			}
			this.db.close();
		}
		if (this.container != null) {
			this.container.stop();
		}
	}

	@Test
	@Order(1)
	void holdsAClientToItsRateAcrossBothInstances() {
		for (int i = 0; i < BURST; i++) {
			int port = this.ports.get(i % 2);
			assertThat(TestHttp.on(port).as(TestKeys.OTHER_KEY).get("/forecasts").statusCode())
				.as("request %d of %d, on %s", i + 1, BURST, NAMES.get(i % 2))
				.isEqualTo(200);
		}
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> refused = TestHttp.on(this.ports.get(i)).as(TestKeys.OTHER_KEY).get("/forecasts");
			assertProblem(refused, 429, "rate-limited");
			assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
				.as("a token's wait at one per 10,000 s, on %s", NAMES.get(i))
				.isBetween(9_000L, 10_000L);
		}
		assertThat(TestHttp.on(this.ports.get(1)).get("/forecasts").statusCode()).as("another client's bucket")
			.isEqualTo(200);
	}

	/**
	 * Client test-a's requests here stay well under {@link #BURST}: the test follows the job in the
	 * database, and asks the service only to submit it and to compare its answers at the end.
	 */
	@Test
	@Order(2)
	void bothWorkOnOneJobAndTheSurvivorFinishesItAfterTheOtherIsKilledMidChunk() throws Exception {
		Connection gate = DriverManager.getConnection(this.url, PackagedInstances.postgresUser(),
				PackagedInstances.postgresPassword());
		try (gate) {
			gate.setAutoCommit(false);
			closeGate(gate);
			String location = this.instances.submit(this.ports.get(0), JOB);
			UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

			// Each instance claims a chunk, computes it, and waits to store it.
			await().atMost(Duration.ofMinutes(2)).until(() -> waitingToStore().equals(new TreeSet<>(NAMES)));
			assertThat(chunks(job, "running")).as("one chunk in each instance's hands").isEqualTo(2);

			// The test holds the rest under a lease of its own; each instance stores its one chunk.
			int held = update("update forecast_chunk set state = 'running', lease_owner = 'test', "
					+ "lease_until = now() + interval '1 hour' where job_id = ? and state = 'pending'", job);
			assertThat(held).isPositive();
			gate.commit();
			await().atMost(Duration.ofMinutes(2)).until(() -> chunks(job, "done") == 2);
			assertThat(waitingToStore()).isEmpty();

			// One chunk given back, under the lock again: whoever claims it is killed while waiting to store it.
			closeGate(gate);
			update("update forecast_chunk set state = 'pending', lease_owner = null, lease_until = null "
					+ "where job_id = ? and chunk_no = (select min(chunk_no) from forecast_chunk where job_id = ? "
					+ "and lease_owner = 'test')", job, job);
			await().atMost(Duration.ofMinutes(2)).until(() -> waitingToStore().size() == 1);
			String victim = waitingToStore().first();
			int killedChunk = runningChunkNotHeldByTheTest(job);
			PackagedInstances.kill(this.processes.get(NAMES.indexOf(victim)));
			int survivor = this.ports.get(1 - NAMES.indexOf(victim));

			// The rest given back and the lock released: the survivor finishes the job, the killed
			// instance's chunk once its lease has run out.
			update("update forecast_chunk set state = 'pending', lease_owner = null, lease_until = null "
					+ "where job_id = ? and lease_owner = 'test'", job);
			gate.commit();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
				.until(() -> jobStatus(job).equals("succeeded"));
			assertThat(takeovers(job, killedChunk)).as("chunk %d, claimed again after %s's lease ran out", killedChunk,
					victim)
				.isEqualTo(1);
			JsonNode done = this.instances.job(survivor, location);
			this.instances.verifySucceeded(survivor, JOB, done, location);
		}
	}

	/** Takes the share lock that keeps every instance from storing results. */
	private static void closeGate(Connection gate) throws SQLException {
		try (Statement statement = gate.createStatement()) {
			statement.execute("lock table forecast_output in share mode");
		}
	}

	/** The instances (by application name) with a connection waiting for the lock on the results: waiting to store a chunk. */
	private TreeSet<String> waitingToStore() throws SQLException {
		TreeSet<String> names = new TreeSet<>();
		try (PreparedStatement query = this.db.prepareStatement("select a.application_name from pg_locks l "
				+ "join pg_stat_activity a on a.pid = l.pid where not l.granted "
				+ "and l.relation = 'forecast_output'::regclass")) {
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	private int chunks(UUID job, String state) throws SQLException {
		return queryInt("select count(*) from forecast_chunk where job_id = ? and state = ?", job, state);
	}

	private int runningChunkNotHeldByTheTest(UUID job) throws SQLException {
		return queryInt("select chunk_no from forecast_chunk where job_id = ? and state = 'running' "
				+ "and lease_owner <> 'test'", job);
	}

	private int takeovers(UUID job, int chunk) throws SQLException {
		return queryInt("select takeovers from forecast_chunk where job_id = ? and chunk_no = ?", job, chunk);
	}

	private String jobStatus(UUID job) throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement("select status from forecast_job where id = ?")) {
			query.setObject(1, job);
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).isTrue();
				String status = rs.getString(1).toLowerCase(Locale.ROOT);
				assertThat(status).as("job %s; service logs:\n%s", job, logs()).isIn("queued", "running", "succeeded");
				return status;
			}
		}
	}

	private String logs() {
		try {
			return this.instances.serviceLogs();
		}
		catch (java.io.IOException ex) {
			return ex.toString();
		}
	}

	private int queryInt(String sql, Object... args) throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				query.setObject(i + 1, args[i]);
			}
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).as(sql).isTrue();
				int value = rs.getInt(1);
				assertThat(rs.next()).as("one row of " + sql).isFalse();
				return value;
			}
		}
	}

	private int update(String sql, Object... args) throws SQLException {
		try (PreparedStatement update = this.db.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				update.setObject(i + 1, args[i]);
			}
			return update.executeUpdate();
		}
	}

}
