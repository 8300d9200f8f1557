package com.stockcast.ops;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.ServiceProcess;
import com.stockcast.TestKeys;
import com.stockcast.jobs.BigInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query of the Grafana dashboard returns data from a real Prometheus: the packaged service and
 * Debian's {@code prometheus} server run as processes, Prometheus with the repository's own scrape
 * configuration (only the target and the interval changed). Forecasts of every kind are driven
 * through the service, a 503 refusal included, then each {@code expr} of the dashboard is evaluated
 * with Grafana's variables filled in. A query with no data, or only NaN, fails the test with the
 * panel's title.
 */
class DashboardQueriesIT {

	static final Path DASHBOARD = Path.of("ops/grafana/dashboards/stockcast.json");

	static final Path SCRAPE_CONFIG = Path.of("ops/prometheus/prometheus.yml");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Grafana's built-in variables, as Grafana would fill them for the last hour at a 1 s scrape interval. */
	private static final Map<String, String> GRAFANA_VARIABLES = Map.of("__rate_interval", "2m", "__interval", "15s",
			"__range", "1h");

	/** Large enough for many chunks of 20 products, so that one request keeps the single worker busy. */
	private static final String INPUT = BigInput.csv(2_000, 365);

	/**
	 * How long a slow, loaded machine may take to reach a state: generous, as only a failing test
	 * waits it out.
	 */
	private static final Duration DEADLINE = Duration.ofMinutes(5);

	@TempDir
	Path dir;

	@Test
	void everyDashboardQueryReturnsDataFromARealPrometheus() throws Exception {
		Path prometheus = Path.of("/usr/bin/prometheus");
		assertThat(prometheus).as("the prometheus server (Debian package prometheus; .ci/run installs it)")
			.isExecutable();
		JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());

		int port = ServiceProcess.freePort();
		int managementPort = ServiceProcess.freePort();
		// One worker and a queue of one, so that a 503 can be provoked; a small heap, so that the GC runs.
		ProcessBuilder stockcast = new ProcessBuilder(ServiceProcess.java(), "-Xmx128m", "-jar",
				System.getProperty("stockcast.jar"), "--server.port=" + port, "--management.server.port=" + managementPort,
				TestKeys.serviceArguments().get(0), TestKeys.serviceArguments().get(1), TestKeys.serviceArguments().get(2),
				TestKeys.serviceArguments().get(3), "--stockcast.pool.threads=1",
				"--stockcast.pool.queue-capacity=1", "--stockcast.pool.chunk-size=20",
				"--stockcast.jobs.poll-interval=100ms", "--stockcast.data-dir=" + this.dir.resolve("db"));
		int prometheusPort = ServiceProcess.freePort();
		ProcessBuilder server = new ProcessBuilder(prometheus.toString(),
				"--config.file=" + scrapeConfig(managementPort).toAbsolutePath(),
				"--storage.tsdb.path=" + this.dir.resolve("tsdb").toAbsolutePath(),
				"--web.listen-address=127.0.0.1:" + prometheusPort);
		try (ServiceProcess service = ServiceProcess.start(stockcast, port, this.dir.resolve("stockcast.log"), DEADLINE);
				ServiceProcess tsdb = ServiceProcess.start(server, prometheusPort, "/-/ready",
						this.dir.resolve("prometheus.log"), DEADLINE)) {
			// Two rounds with a scrape between, so that every counter has risen inside the rate window.
			for (int round = 0; round < 2; round++) {
				driveForecasts(service);
				awaitScrapeAfter(tsdb, Instant.now());
			}

			List<String> failures = new ArrayList<>();
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					String expr = substitute(target.get("expr").asString(), dashboard);
					JsonNode result = query(tsdb, expr);
					if (!hasFiniteSample(result)) {
						failures.add("panel \"%s\" (%s): %s -> %s".formatted(panel.get("title").asString(),
								target.get("refId").asString(), expr, result));
					}
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if (!labelValuesExist(tsdb, variable.get("definition").asString())) {
					failures.add("variable $%s: %s has no values".formatted(variable.get("name").asString(),
							variable.get("definition").asString()));
				}
			}
			assertThat(failures).as("dashboard queries without data; prometheus log:\n%s", tsdb.log()).isEmpty();
		}
	}

	/** The repository's scrape configuration, pointed at {@code port} and scraping every second. */
	@SuppressWarnings("unchecked")
	private Path scrapeConfig(int port) throws Exception {
		Map<String, Object> config = new Yaml().load(Files.readString(SCRAPE_CONFIG));
		((Map<String, Object>) config.get("global")).put("scrape_interval", "1s");
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		List<Map<String, Object>> stockcast = jobs.stream()
			.filter(job -> "/actuator/prometheus".equals(job.get("metrics_path")))
			.toList();
		assertThat(stockcast).as("one scrape job for /actuator/prometheus").hasSize(1);
		List<Map<String, Object>> targets = (List<Map<String, Object>>) stockcast.get(0).get("static_configs");
		assertThat(targets).hasSize(1);
		assertThat((List<String>) targets.get(0).get("targets")).hasSize(1);
		targets.get(0).put("targets", List.of("127.0.0.1:" + port));
		Path file = this.dir.resolve("prometheus.yml");
		Files.writeString(file, new Yaml().dump(config));
		return file;
	}

	/**
	 * Synchronous forecasts in each format and view, an invalid one, a job to its end, and
	 * concurrent requests until the one-worker pool refuses one with 503.
	 */
	private void driveForecasts(ServiceProcess service) throws Exception {
		String small = Files.readString(Path.of("src/test/resources/reference/product_list.csv"));
		for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
			for (String view : new String[] { "rows", "summary" }) {
				assertThat(post(service, "?view=" + view, small, accept, false).statusCode()).isEqualTo(200);
			}
		}
		assertThat(post(service, "", "product_id\nA\n", "text/csv", false).statusCode()).isEqualTo(400);

		HttpResponse<String> accepted = post(service, "", INPUT, "text/csv", true);
		assertThat(accepted.statusCode()).isEqualTo(202);
		String job = accepted.headers().firstValue("Location").orElseThrow();
		await().atMost(DEADLINE)
			.until(() -> JSON.readTree(service.get(job).body()).get("status").asString(), "succeeded"::equals);

		// Each round either meets a 503 or not, as the threads happen to interleave: rounds until one does.
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(10)).until(() -> refusedOne(service));
	}

	/** Four concurrent large requests on one worker with a queue of one: true when one got 503. */
	private boolean refusedOne(ServiceProcess service) throws Exception {
		List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(service.http().sendAsync(request(service, "", INPUT, "text/csv", false),
					HttpResponse.BodyHandlers.discarding()));
		}
		// Liveness does not wait for the busy pool.
		assertThat(service.get("/livez").statusCode()).isEqualTo(200);
		boolean refused = false;
		for (CompletableFuture<HttpResponse<Void>> call : calls) {
			int status = call.orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join().statusCode();
			assertThat(status).isIn(200, 503);
			refused |= status == 503;
		}
		return refused;
	}

	/** Waits until Prometheus holds a scrape of the service taken after {@code after}. */
	private void awaitScrapeAfter(ServiceProcess tsdb, Instant after) {
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode result = query(tsdb, "timestamp(up{job=\"stockcast\"} == 1)");
			assertThat(result.size() == 1 && result.get(0).get("value").get(1).asDouble() * 1000 > after.toEpochMilli())
				.as("Prometheus scraped the service after %s: %s; log:\n%s", after, result, tsdb.log())
				.isTrue();
		});
	}

	/** The instant query's result vector; fails unless Prometheus answers success. */
	private JsonNode query(ServiceProcess tsdb, String expr) throws Exception {
		HttpResponse<String> response = tsdb.get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
		JsonNode answer = JSON.readTree(response.body());
		assertThat(answer.path("status").asString()).as("%s -> %s", expr, response.body()).isEqualTo("success");
		return answer.get("data").get("result");
	}

	/** {@code label_values(selector, label)}, as Grafana asks it: some series of the selector carries the label. */
	private boolean labelValuesExist(ServiceProcess tsdb, String definition) throws Exception {
		Matcher m = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)").matcher(definition);
		assertThat(m.matches()).as("variable query %s", definition).isTrue();
		HttpResponse<String> response = tsdb
			.get("/api/v1/series?match[]=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
		for (JsonNode series : JSON.readTree(response.body()).path("data")) {
			if (series.has(m.group(2))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasFiniteSample(JsonNode result) {
		for (JsonNode series : result) {
			double value = Double.parseDouble(series.get("value").get(1).asString());
			if (Double.isFinite(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The expression as Grafana sends it: built-in variables filled in, and each template variable set
	 * to "All", which is its {@code allValue}.
	 */
	static String substitute(String expr, JsonNode dashboard) {
		String result = expr;
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			result = fill(result, variable.get("name").asString(), variable.get("allValue").asString());
		}
		for (Map.Entry<String, String> builtIn : GRAFANA_VARIABLES.entrySet()) {
			result = fill(result, builtIn.getKey(), builtIn.getValue());
		}
		assertThat(result).as("every variable of %s is known", expr).doesNotContain("$");
		return result;
	}

	private static String fill(String expr, String name, String value) {
		return expr.replace("${" + name + "}", value)
			.replace("[[" + name + "]]", value)
			.replaceAll("\\$" + Pattern.quote(name) + "\\b", Matcher.quoteReplacement(value));
	}

	/** Every panel, also those inside collapsed rows. */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	private static HttpResponse<String> post(ServiceProcess service, String query, String csv, String accept,
			boolean async) {
		return service.http().send(request(service, query, csv, accept, async), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(ServiceProcess service, String query, String csv, String accept,
			boolean async) {
		String[] headers = async ? new String[] { "Content-Type", "text/csv", "Accept", accept, "Prefer", "respond-async" }
				: new String[] { "Content-Type", "text/csv", "Accept", accept };
		return service.http().request("POST", "/forecasts" + query, HttpRequest.BodyPublishers.ofString(csv), headers);
	}

}
