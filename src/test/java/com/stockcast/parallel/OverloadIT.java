package com.stockcast.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockcast.RawHttp;
import com.stockcast.ServiceProcess;
import com.stockcast.TestHttp;
import com.stockcast.TestKeys;
import com.stockcast.jobs.BigInput;
import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload, bounded for CI (bench/overload.sh is the long version): the packaged service with a
 * 512 MB heap and the rate limit raised takes concurrent large requests, then connections that send
 * their body at 2 bytes a second. Every answer must be a complete 200 equal to the expected answer, or
 * a 503 or 429 refusal with Retry-After: never a 500, a 400, a short body or a reset. The log holds no
 * OutOfMemoryError, the metrics port answers every scrape meanwhile, and the service answers correctly
 * and is ready afterwards. Only outcomes are asserted; the latencies are printed for the docs.
 */
class OverloadIT {

	private static final String LARGE = BigInput.csv(200_000, 30);

	private static final String ROWS = BigInput.csv(50_000, 30);

	private static final String SMALL = BigInput.csv(100, 30);

	@TempDir
	Path dir;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Map<String, ConcurrentLinkedQueue<Long>> millis = new ConcurrentHashMap<>();

	@Test
	void underOverloadEveryAnswerIsACompleteAnswerOrARefusal() throws Exception {
		int port = ServiceProcess.freePort();
		int managementPort = ServiceProcess.freePort();
		List<String> command = new ArrayList<>(List.of(ServiceProcess.java(), "-Xmx512m",
				"-XX:+ExitOnOutOfMemoryError", "-jar", System.getProperty("stockcast.jar"), "--server.port=" + port,
				"--management.server.port=" + managementPort, "--stockcast.data-dir=" + this.dir.resolve("data")));
		command.addAll(TestKeys.serviceArguments());
		String summary = digest(Forecasts.encode(Forecasts.products(LARGE), Format.CSV, View.SUMMARY));
		String rows = digest(Forecasts.encode(Forecasts.products(ROWS), Format.CSV, View.ROWS));
		try (ServiceProcess service = ServiceProcess.start(new ProcessBuilder(command), port,
				this.dir.resolve("service.log"), Duration.ofMinutes(5))) {
			AtomicBoolean loaded = new AtomicBoolean(true);
			ExecutorService scraper = Executors.newSingleThreadExecutor();
			Future<List<Long>> scrapes = scraper.submit(() -> scrape(managementPort, loaded));

			long started = System.nanoTime();
			concurrently(24, () -> post(service, "/forecasts?view=summary", LARGE, "large", summary));
			long large = System.nanoTime() - started;
			started = System.nanoTime();
			concurrently(40, () -> post(service, "/forecasts", ROWS, "rows", rows));
			long rowsTime = System.nanoTime() - started;
			Map<String, Integer> slow = slowUploads(service, 100);
			loaded.set(false);
			List<Long> scrapeMillis = scrapes.get(5, TimeUnit.MINUTES);
			scraper.shutdown();

			System.out.printf("OverloadIT: large summaries %s in %.1f s, %s; rows %s in %.1f s, %s; slow uploads %s; "
					+ "scrapes %d, slowest %d ms; refusal latencies (ms) %s%n", this.counts.entrySet().stream()
				.filter(e -> e.getKey().startsWith("large")).toList(), large / 1e9, latencies("large"),
					this.counts.entrySet().stream().filter(e -> e.getKey().startsWith("rows")).toList(), rowsTime / 1e9,
					latencies("rows"), slow, scrapeMillis.size(), scrapeMillis.stream().mapToLong(Long::longValue).max().orElse(0),
					latencies("refused"));

			assertThat(this.counts.keySet()).as("outcomes").allMatch(key -> key.endsWith(" 200") || key.endsWith(" 503")
					|| key.endsWith(" 429"));
			assertThat(this.counts).as("some answers complete under load").containsKeys("large 200", "rows 200");
			assertThat(scrapeMillis).as("every scrape answered").isNotEmpty().doesNotContain(-1L);
			// Each is cut off one way or the other: a 408 answer, or the connection closed before it is read.
			assertThat(slow).as("every slow upload is cut off").isNotEmpty();
			assertThat(slow.keySet()).as("every slow upload is cut off").isSubsetOf("closed", "408");
			assertThat(service.log()).doesNotContain("OutOfMemoryError");
			assertThat(service.get("/readyz").statusCode()).isEqualTo(200);
			HttpResponse<String> after = service.http().send(request(service, "/forecasts", SMALL),
					HttpResponse.BodyHandlers.ofString());
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(after.body()).isEqualTo(Forecasts.encode(Forecasts.products(SMALL), Format.CSV, View.ROWS));
		}
	}

	/** One request; its outcome counted as "what status", a 200 only when its body is the expected one. */
	private void post(ServiceProcess service, String path, String body, String what, String expected) {
		long started = System.nanoTime();
		String outcome;
		try {
			HttpResponse<InputStream> response = service.http().send(request(service, path, body),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				if (response.statusCode() == 200) {
					outcome = expected.equals(digest(in)) ? "200" : "200 but not the expected answer";
				}
				else if (response.statusCode() == 503 || response.statusCode() == 429) {
					String problem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					boolean refusal = response.headers().firstValue("Retry-After").isPresent()
							&& problem.contains("urn:stockcast:problem:");
					outcome = response.statusCode() + (refusal ? "" : " without Retry-After");
					record("refused", started);
				}
				else {
					outcome = response.statusCode() + ": " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			outcome = "error " + ex;
		}
		record(what, started);
		this.counts.computeIfAbsent(what + " " + outcome, key -> new LongAdder()).increment();
	}

	/**
	 * A POST of {@code body}. {@link TestHttp} never sends {@code Expect: 100-continue} (Java 17's client
	 * can wait for ever for a 100 that a refusal replaces): refused clients send their whole body, which
	 * the service drops.
	 */
	private static HttpRequest.Builder request(ServiceProcess service, String path, String body) {
		return service.http()
			.request("POST", path, HttpRequest.BodyPublishers.ofString(body), "Content-Type", "text/csv")
			// Not a measure: a guard, so that a hung answer fails the test rather than the build.
			.timeout(Duration.ofMinutes(5));
	}

	/**
	 * Connections that send their headers, then a 10,000-byte body at 2 bytes a second, while a normal
	 * client is served: each ends cut off by the service ("closed", or answered "408"), and the normal
	 * client's answers are complete.
	 */
	private Map<String, Integer> slowUploads(ServiceProcess service, int connections) throws Exception {
		ExecutorService slow = Executors.newFixedThreadPool(connections);
		List<Future<String>> ends = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			ends.add(slow.submit(() -> trickle(service.port())));
		}
		String expected = Forecasts.encode(Forecasts.products(SMALL), Format.CSV, View.ROWS);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> normal = service.http().send(request(service, "/forecasts", SMALL),
					HttpResponse.BodyHandlers.ofString());
			this.counts.computeIfAbsent("normal during slow uploads " + (normal.body().equals(expected)
					? normal.statusCode() : "wrong answer"), key -> new LongAdder()).increment();
		}
		Map<String, Integer> outcomes = new TreeMap<>();
		for (Future<String> end : ends) {
			outcomes.merge(end.get(5, TimeUnit.MINUTES), 1, Integer::sum);
		}
		slow.shutdown();
		return outcomes;
	}

	/** Sends at 2 bytes a second until the service cuts the connection off; how it ended. */
	private static String trickle(int port) throws IOException {
		try (RawHttp raw = RawHttp.connect(port)) {
			// The pace, not a deadline: each read waits a second for an answer, then two more bytes go.
			raw.socket().setSoTimeout(1000);
			OutputStream out = raw.out();
			out.write(RawHttp.head("POST", "/forecasts", RawHttp.CREDENTIALS, "Content-Type: text/csv", "Content-Length: 10000")
				.getBytes(StandardCharsets.US_ASCII));
			InputStream in = raw.in();
			for (int second = 0; second < 5000; second++) {
				try {
					out.write("ab".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException closed) {
					return "closed";
				}
				try {
					byte[] answer = new byte[12];
					int n = in.readNBytes(answer, 0, 12);
					return (n == 12) ? new String(answer, 9, 3, StandardCharsets.US_ASCII) : "closed";
				}
				catch (java.net.SocketTimeoutException stillReading) {
					// nothing yet: one more second, two more bytes
				}
				catch (IOException closed) {
					return "closed";
				}
			}
			return "never cut off";
		}
	}

	/** Scrapes the metrics every half second while {@code loaded}; each one's milliseconds, -1 for a failure. */
	private List<Long> scrape(int managementPort, AtomicBoolean loaded) throws InterruptedException {
		List<Long> took = new ArrayList<>();
		TestHttp management = TestHttp.on(managementPort);
		while (loaded.get()) {
			long started = System.nanoTime();
			try {
				// A guard, not a measure: a scrape that hangs counts as failed (the latencies are only printed).
				int status = management.send(management.request("GET", "/actuator/prometheus",
						HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)),
						HttpResponse.BodyHandlers.discarding()).statusCode();
				took.add((status == 200) ? (System.nanoTime() - started) / 1_000_000 : -1L);
			}
			catch (UncheckedIOException ex) {
				took.add(-1L);
			}
			Thread.sleep(500);
		}
		return took;
	}

	private static void concurrently(int clients, Runnable client) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			done.add(pool.submit(client));
		}
		for (Future<?> each : done) {
			each.get(10, TimeUnit.MINUTES);
		}
		pool.shutdown();
	}

	private void record(String what, long started) {
		this.millis.computeIfAbsent(what, key -> new ConcurrentLinkedQueue<>())
			.add((System.nanoTime() - started) / 1_000_000);
	}

	private String latencies(String what) {
		List<Long> sorted = new ArrayList<>(this.millis.getOrDefault(what, new ConcurrentLinkedQueue<>()));
		if (sorted.isEmpty()) {
			return "none";
		}
		sorted.sort(null);
		return "p50 " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
	}

	private static String digest(String text) {
		return digest(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String digest(InputStream in) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				sha.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (IOException ex) {
			return "cut short: " + ex;
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
