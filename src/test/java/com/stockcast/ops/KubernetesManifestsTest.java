package com.stockcast.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.stockcast.TestHttp;
import com.stockcast.intake.IntakeLimits;
import com.stockcast.jobs.JobSettings;
import com.stockcast.parallel.PoolSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of k8s/ (and the ServiceMonitor overlay in ops/prometheus-operator) parsed into
 * fabric8's typed Kubernetes objects, with no field the type does not know, and checked against the
 * running application, the Dockerfile and each other: probe and scrape paths answer, ports agree,
 * resources match the pool's thread count, selectors match labels, the settings are real properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KubernetesManifestsTest {

	private static final Path BASE = Path.of("k8s");

	private static final Path OPERATOR = Path.of("ops/prometheus-operator");

	private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("ConfigMap", ConfigMap.class,
			"Deployment", Deployment.class, "Service", Service.class, "HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class, "ServiceMonitor",
			ServiceMonitor.class);

	private static final Map<Class<?>, HasMetadata> manifests = new HashMap<>();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeAll
	static void parse() throws Exception {
		for (Path file : resources(BASE)) {
			HasMetadata resource = typed(file);
			assertThat(manifests.put(resource.getClass(), resource)).as("one %s", resource.getKind()).isNull();
		}
		assertThat(resources(OPERATOR)).contains(BASE.toAbsolutePath().normalize());
		for (Path file : resources(OPERATOR)) {
			if (Files.isRegularFile(file)) {
				HasMetadata resource = typed(file);
				manifests.put(resource.getClass(), resource);
			}
		}
		assertThat(manifests).containsOnlyKeys(TYPES.values());
	}

	@Test
	void kustomizationsListEveryManifestOfTheirDirectory() throws Exception {
		for (Path directory : List.of(BASE, OPERATOR)) {
			try (Stream<Path> files = Files.list(directory)) {
				List<Path> manifestsHere = files.filter(f -> f.toString().endsWith(".yaml"))
					.filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
					.map(f -> f.toAbsolutePath().normalize())
					.toList();
				assertThat(resources(directory)).as("resources of %s", directory).containsAll(manifestsHere);
			}
		}
	}

	@Test
	void probesAndScrapePathsAreServedByTheApplication() throws Exception {
		Container container = container();
		// Map.of refuses a null: each probe is asserted first, so that a missing one fails with its name.
		assertThat(container.getStartupProbe()).as("startup probe").isNotNull();
		assertThat(container.getLivenessProbe()).as("liveness probe").isNotNull();
		assertThat(container.getReadinessProbe()).as("readiness probe").isNotNull();
		Map<String, Probe> probes = Map.of("startup", container.getStartupProbe(), "liveness",
				container.getLivenessProbe(), "readiness", container.getReadinessProbe());
		assertThat(probes.get("liveness").getHttpGet().getPath()).isEqualTo("/livez");
		assertThat(probes.get("readiness").getHttpGet().getPath()).isEqualTo("/readyz");
		List<String> paths = new ArrayList<>();
		probes.forEach((name, probe) -> {
			assertThat(probe.getHttpGet().getPort().getStrVal()).as(name).isEqualTo(httpPort().getName());
			paths.add(probe.getHttpGet().getPath());
		});
		// Probes need no credentials, on the API port.
		for (String path : paths) {
			assertThat(status(this.port, path)).as("GET %s", path).isEqualTo(200);
		}
		// Metrics are served on the management port only, without credentials; the API port refuses them.
		Map<String, String> annotations = deployment().getSpec().getTemplate().getMetadata().getAnnotations();
		for (String path : List.of(annotations.get("prometheus.io/path"),
				get(ServiceMonitor.class).getSpec().getEndpoints().get(0).getPath())) {
			assertThat(status(this.managementPort, path)).as("GET %s on the management port", path).isEqualTo(200);
			assertThat(status(this.port, path)).as("GET %s on the API port", path).isEqualTo(401);
		}
		// Patience under full CPU load: a restart needs a minute of unanswered probes.
		Probe liveness = probes.get("liveness");
		assertThat(liveness.getPeriodSeconds() * liveness.getFailureThreshold()).isGreaterThanOrEqualTo(60);
		assertThat(liveness.getTimeoutSeconds()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void portsAgreeFromTheApplicationToTheServiceAndTheScrapers() throws Exception {
		ContainerPort http = port("http");
		ContainerPort management = port("management");
		Dockerfile dockerfile = Dockerfile.read();
		assertThat(http.getContainerPort()).isEqualTo(dockerfile.exposedPort())
			.isEqualTo(Integer.parseInt(dockerfile.env().get("SERVER_PORT")));
		assertThat(management.getContainerPort())
			.isEqualTo(Integer.parseInt(dockerfile.env().get("MANAGEMENT_SERVER_PORT")));
		assertThat(configMap().getData()).doesNotContainKeys("SERVER_PORT", "MANAGEMENT_SERVER_PORT");
		Service service = get(Service.class);
		Map<String, String> targets = new HashMap<>();
		service.getSpec().getPorts().forEach(port -> targets.put(port.getName(), port.getTargetPort().getStrVal()));
		assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of("http", "http", "management", "management"));
		assertThat(get(ServiceMonitor.class).getSpec().getEndpoints().get(0).getPort()).isEqualTo("management");
		assertThat(deployment().getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/port", String.valueOf(management.getContainerPort()));
	}

	private static int status(int port, String path) throws Exception {
		return TestHttp.anonymous(port).get(path).statusCode();
	}

	@Test
	void cpuMatchesThePoolsThreadsAndMemoryIsBounded() throws Exception {
		Map<String, Object> settings = new HashMap<>(configMap().getData());
		PoolSettings pool = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("configmap",
				settings)))
			.bindOrCreate("stockcast.pool", PoolSettings.class);
		assertThat(pool.threads()).as("threads set explicitly, not from the cores the JVM sees").isPositive();
		Map<String, Quantity> requests = container().getResources().getRequests();
		Map<String, Quantity> limits = container().getResources().getLimits();
		assertThat(requests).containsKeys("cpu", "memory");
		assertThat(limits).containsKeys("cpu", "memory");
		// A core per worker, guaranteed; one more of limit for request threads, GC and the probes.
		assertThat(cores(requests.get("cpu"))).isEqualByComparingTo(BigDecimal.valueOf(pool.threads()));
		assertThat(cores(limits.get("cpu"))).isGreaterThanOrEqualTo(BigDecimal.valueOf(pool.threads() + 1));
		assertThat(Quantity.getAmountInBytes(requests.get("memory")))
			.isEqualByComparingTo(Quantity.getAmountInBytes(limits.get("memory")));
		assertThat(Dockerfile.read().env().get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
	}

	@Test
	void labelsAndSelectorsAgreeAndTheAutoscalerTargetsTheDeployment() {
		Deployment deployment = deployment();
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		assertThat(podLabels).containsAllEntriesOf(get(Service.class).getSpec().getSelector());
		assertThat(podLabels).containsAllEntriesOf(get(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
		assertThat(get(Service.class).getMetadata().getLabels())
			.containsAllEntriesOf(get(ServiceMonitor.class).getSpec().getSelector().getMatchLabels());
		assertThat(get(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
			.isLessThan(get(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());

		var target = get(HorizontalPodAutoscaler.class).getSpec().getScaleTargetRef();
		assertThat(target.getKind()).isEqualTo("Deployment");
		assertThat(target.getApiVersion()).isEqualTo(deployment.getApiVersion());
		assertThat(target.getName()).isEqualTo(deployment.getMetadata().getName());
	}

	@Test
	void runsAsTheImagesNonRootUserOnAReadOnlyRootWithWritableTmpAndDataDirectories() throws Exception {
		PodSpec pod = deployment().getSpec().getTemplate().getSpec();
		Container container = container();
		Dockerfile dockerfile = Dockerfile.read();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup())
			.isEqualTo(dockerfile.user());
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		List<String> mounts = container.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
		assertThat(mounts).containsExactlyInAnyOrder("/tmp", dockerfile.env().get("STOCKCAST_DATA_DIR"));
		assertThat(pod.getVolumes()).as("a volume for each mount").hasSameSizeAs(mounts)
			.allSatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
	}

	@Test
	void gracePeriodCoversThePreStopPauseAndEveryShutdownWait() throws Exception {
		PodSpec pod = deployment().getSpec().getTemplate().getSpec();
		List<String> preStop = container().getLifecycle().getPreStop().getExec().getCommand();
		assertThat(preStop.get(0)).isEqualTo("sleep");
		long sleep = Long.parseLong(preStop.get(1));
		assertThat(sleep).as("long enough for the endpoints to be removed").isGreaterThanOrEqualTo(5);
		Duration phase = DurationStyle.detectAndParse(applicationYaml("spring.lifecycle.timeout-per-shutdown-phase"));
		// The job runner waits up to 30 s for its chunks, the web server drains for one phase, the
		// pool finishes queued chunks for up to 30 s.
		long needed = sleep + 30 + phase.toSeconds() + 30;
		assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(needed);
	}

	@Test
	void settingsAreRealPropertiesAndDatabaseCredentialsComeFromASecret() throws Exception {
		Container container = container();
		assertThat(container.getEnvFrom()).hasSize(2);
		assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName())
			.isEqualTo(configMap().getMetadata().getName());
		// API keys come from a Secret; without it (and without JWT settings) the service refuses to start.
		assertThat(container.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo("stockcast-api-keys");
		Set<String> known = knownProperties();
		List<String> names = new ArrayList<>(configMap().getData().keySet());
		container.getEnv().forEach(env -> names.add(env.getName()));
		for (String name : names) {
			assertThat(name).matches("[A-Z0-9_]+");
			assertThat(known).as("%s is a Spring property", name).contains(name.toLowerCase(Locale.ROOT).replace('_', '.'));
		}
		Map<String, EnvVar> env = new HashMap<>();
		container.getEnv().forEach(e -> env.put(e.getName(), e));
		for (String secret : new String[] { "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD" }) {
			assertThat(env.get(secret).getValueFrom().getSecretKeyRef().getName()).as(secret).isEqualTo("stockcast-db");
		}
		assertThat(configMap().getData()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
	}

	/**
	 * Every property name Spring Boot documents (its configuration metadata), and the service's own
	 * (the settings records and application.yaml's placeholders), in the uniform form relaxed binding
	 * compares: lower case, without dashes.
	 */
	private static Set<String> knownProperties() throws IOException {
		Set<String> known = new HashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		Enumeration<URL> metadata = KubernetesManifestsTest.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (metadata.hasMoreElements()) {
			try (InputStream in = metadata.nextElement().openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					known.add(uniform(property.get("name").asString()));
				}
			}
		}
		for (Class<?> settings : List.of(PoolSettings.class, JobSettings.class, IntakeLimits.class)) {
			String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
			for (var component : settings.getRecordComponents()) {
				known.add(uniform(prefix + "." + component.getName()));
			}
		}
		Matcher placeholder = Pattern.compile("\\$\\{(stockcast\\.[a-z.-]+)")
			.matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
		while (placeholder.find()) {
			known.add(uniform(placeholder.group(1)));
		}
		assertThat(known).contains("spring.datasource.hikari.maximumpoolsize", "stockcast.pool.threads");
		return known;
	}

	private static String uniform(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "");
	}

	private static BigDecimal cores(Quantity cpu) {
		return Quantity.getAmountInBytes(cpu);
	}

	@SuppressWarnings("unchecked")
	private static String applicationYaml(String dotted) throws IOException {
		Object node = new Yaml().loadAll(Files.readString(Path.of("src/main/resources/application.yaml")))
			.iterator()
			.next();
		for (String key : dotted.split("\\.")) {
			node = ((Map<String, Object>) node).get(key);
		}
		return String.valueOf(node);
	}

	/** The files and directories a kustomization lists, as absolute paths. */
	@SuppressWarnings("unchecked")
	private static List<Path> resources(Path directory) throws IOException {
		Map<String, Object> kustomization = new Yaml().load(Files.readString(directory.resolve("kustomization.yaml")));
		assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
		return ((List<String>) kustomization.get("resources")).stream()
			.map(r -> directory.resolve(r).toAbsolutePath().normalize())
			.toList();
	}

	/** The manifest as its typed object; fails on a field its type does not have (a typo would otherwise pass). */
	private static HasMetadata typed(Path file) throws Exception {
		Map<String, Object> yaml = new Yaml().load(Files.readString(file));
		Class<? extends HasMetadata> type = TYPES.get((String) yaml.get("kind"));
		assertThat(type).as("kind of %s", file).isNotNull();
		HasMetadata resource = new ObjectMapper().convertValue(yaml, type);
		assertThat(resource.getApiVersion()).as("apiVersion of %s", file).isEqualTo(HasMetadata.getApiVersion(type));
		List<String> unknown = new ArrayList<>();
		unknownFields(resource, file.getFileName().toString(), unknown);
		assertThat(unknown).as("fields the Kubernetes types do not have").isEmpty();
		return resource;
	}

	private static void unknownFields(Object value, String path, List<String> unknown) throws Exception {
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> entries) {
			for (Map.Entry<?, ?> entry : entries.entrySet()) {
				unknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
			}
			return;
		}
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object field = getter.invoke(value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else if (getter.getReturnType().getName().startsWith("io.fabric8.") || field instanceof Collection
					|| field instanceof Map) {
				unknownFields(field, path + "." + getter.getName().substring(3), unknown);
			}
		}
	}

	private static <T extends HasMetadata> T get(Class<T> type) {
		return type.cast(manifests.get(type));
	}

	private static Deployment deployment() {
		return get(Deployment.class);
	}

	private static ConfigMap configMap() {
		return get(ConfigMap.class);
	}

	private static Container container() {
		List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static ContainerPort httpPort() {
		return port("http");
	}

	private static ContainerPort port(String name) {
		List<ContainerPort> ports = container().getPorts();
		assertThat(ports).extracting(ContainerPort::getName).containsExactlyInAnyOrder("http", "management");
		return ports.stream().filter(port -> port.getName().equals(name)).findFirst().orElseThrow();
	}

}
