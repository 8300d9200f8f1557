package com.stockcast.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as docker-compose itself reads it ({@code docker-compose config}, which needs no
 * engine; .ci/run installs Debian's docker-compose), and the files it mounts: Prometheus' scrape
 * configuration and Grafana's provisioning, down to the dashboard and the datasource it names.
 */
class ComposeConfigTest {

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void config() throws Exception {
		Process compose = new ProcessBuilder("docker-compose", "--file", "docker-compose.yml", "config")
			.redirectErrorStream(true)
			.start();
		String output = new String(compose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(compose.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(compose.exitValue()).as("docker-compose config:\n%s", output).isZero();
		services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(output).get("services");
	}

	@Test
	void runsStockcastOnPostgresqlWithPrometheusAndGrafana() {
		assertThat(services).containsOnlyKeys("stockcast", "postgres", "prometheus", "grafana");
		Map<String, Object> stockcast = services.get("stockcast");
		assertThat(env(stockcast)).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/stockcast")
			.containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		assertThat(env(services.get("postgres"))).containsEntry("POSTGRES_USER", env(stockcast).get("SPRING_DATASOURCE_USERNAME"))
			.containsEntry("POSTGRES_PASSWORD", env(stockcast).get("SPRING_DATASOURCE_PASSWORD"));
		assertThat(Path.of(String.valueOf(((Map<?, ?>) stockcast.get("build")).get("context"))).resolve("Dockerfile"))
			.isRegularFile();
	}

	@Test
	void pinsEveryImage() {
		services.forEach((name, service) -> assertThat(String.valueOf(service.get("image"))).as(name)
			.matches("[a-z0-9./_-]+:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*")
			.doesNotEndWith(":latest"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesTheStockcastServiceWithTheRepositorysConfig() throws Exception {
		Map<String, Object> prometheus = services.get("prometheus");
		String configFile = ((List<String>) prometheus.get("command")).stream()
			.filter(arg -> arg.startsWith("--config.file="))
			.map(arg -> arg.substring("--config.file=".length()))
			.findFirst()
			.orElseThrow();
		Path config = hostPath(prometheus, configFile);
		assertThat(config).isRegularFile().isEqualTo(DashboardQueriesIT.SCRAPE_CONFIG.toAbsolutePath());
		Map<String, Object> scrape = new Yaml().load(Files.readString(config));
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : (List<Map<String, Object>>) scrape.get("scrape_configs")) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
				targets.addAll((List<String>) group.get("targets"));
			}
		}
		// Metrics are scraped on the management port, over the compose network; only the API is published.
		assertThat(targets).containsExactly("stockcast:" + Dockerfile.read().env().get("MANAGEMENT_SERVER_PORT"));
		assertThat(containerPort("stockcast")).isEqualTo(Integer.parseInt(Dockerfile.read().env().get("SERVER_PORT")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void grafanaIsProvisionedWithTheDatasourceTheDashboardNamesAndTheDashboardDirectory() throws Exception {
		Map<String, Object> grafana = services.get("grafana");
		Path provisioning = hostPath(grafana, "/etc/grafana/provisioning");
		assertThat(provisioning).isDirectory();

		Set<String> uids = new HashSet<>();
		for (Path file : yamlFiles(provisioning.resolve("datasources"))) {
			for (Map<String, Object> source : (List<Map<String, Object>>) new Yaml()
				.<Map<String, Object>>load(Files.readString(file))
				.get("datasources")) {
				assertThat(source.get("url")).as(file.toString())
					.isEqualTo("http://prometheus:" + containerPort("prometheus"));
				uids.add((String) source.get("uid"));
			}
		}
		assertThat(uids).as("provisioned datasources").isNotEmpty();

		List<Path> dashboards = new ArrayList<>();
		for (Path file : yamlFiles(provisioning.resolve("dashboards"))) {
			for (Map<String, Object> provider : (List<Map<String, Object>>) new Yaml()
				.<Map<String, Object>>load(Files.readString(file))
				.get("providers")) {
				Path directory = hostPath(grafana, (String) ((Map<String, Object>) provider.get("options")).get("path"));
				assertThat(directory).as("dashboards of provider %s", provider.get("name")).isDirectory();
				try (Stream<Path> files = Files.list(directory)) {
					files.filter(f -> f.toString().endsWith(".json")).forEach(dashboards::add);
				}
			}
		}
		assertThat(dashboards).containsExactly(DashboardQueriesIT.DASHBOARD.toAbsolutePath());
		assertThat(hostPath(grafana, env(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")))
			.isEqualTo(DashboardQueriesIT.DASHBOARD.toAbsolutePath());

		JsonNode dashboard = JsonMapper.builder().build().readTree(DashboardQueriesIT.DASHBOARD.toFile());
		List<JsonNode> users = new ArrayList<>();
		for (JsonNode panel : DashboardQueriesIT.panels(dashboard)) {
			if (!panel.get("type").asString().equals("row")) {
				users.add(panel);
				panel.path("targets").forEach(users::add);
			}
		}
		dashboard.path("templating").path("list").forEach(users::add);
		for (JsonNode user : users) {
			assertThat(user.path("datasource").path("uid").asString()).as("datasource of %s", user.path("title"))
				.isIn(uids);
		}
	}

	@Test
	void operationsDocGivesTheDashboardsUrl() throws Exception {
		String uid = JsonMapper.builder().build().readTree(DashboardQueriesIT.DASHBOARD.toFile()).get("uid").asString();
		String port = String.valueOf(publishedPort("grafana"));
		assertThat(Files.readString(Path.of("docs/operations.md"))).contains("http://localhost:" + port + "/d/" + uid + "/");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> env(Map<String, Object> service) {
		return (Map<String, String>) service.get("environment");
	}

	/** Where a path inside the service's container comes from on the host, through its bind mounts. */
	@SuppressWarnings("unchecked")
	private static Path hostPath(Map<String, Object> service, String containerPath) {
		for (String volume : (List<String>) service.get("volumes")) {
			String[] parts = volume.split(":");
			if (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/")) {
				return Path.of(parts[0] + containerPath.substring(parts[1].length()));
			}
		}
		throw new AssertionError(containerPath + " is not mounted from the repository in " + service.get("image"));
	}

	private static int containerPort(String name) {
		return port(name, "target");
	}

	private static int publishedPort(String name) {
		return port(name, "published");
	}

	@SuppressWarnings("unchecked")
	private static int port(String name, String which) {
		List<Map<String, Object>> ports = (List<Map<String, Object>>) services.get(name).get("ports");
		assertThat(ports).as("ports of %s", name).hasSize(1);
		return Integer.parseInt(String.valueOf(ports.get(0).get(which)));
	}

	private static List<Path> yamlFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
				.sorted()
				.toList();
			assertThat(yaml).as("provisioning files in %s", directory).isNotEmpty();
			return yaml;
		}
	}

}
