package com.stockcast.ops;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockcast.ServiceProcess;
import com.stockcast.TestKeys;
import com.stockcast.jobs.BigInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code OutOfMemoryError} ends the process, so that an orchestrator restarts it instead of it
 * living on without its acceptor, poller or job dispatcher. Every documented way to start it asks the
 * JVM for that, and the packaged jar, started the README's way with a heap too small for a request it
 * admits (its memory budget set far above the heap), does exit.
 */
class OutOfMemoryExitIT {

	static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

	@TempDir
	Path dir;

	@Test
	void everyDocumentedStartExitsOnOutOfMemory() throws Exception {
		assertThat(readmeJvmOptions()).contains(FLAG);
		assertThat(Files.readString(Path.of("pom.xml"))).as("spring-boot:run's jvmArguments")
			.containsPattern("<jvmArguments>[^<]*" + Pattern.quote(FLAG) + "[^<]*</jvmArguments>");
		assertThat(Dockerfile.read().env().get("JAVA_TOOL_OPTIONS")).as("the image's JAVA_TOOL_OPTIONS").contains(FLAG);
		// Kubernetes runs the image: nothing there may replace the image's JAVA_TOOL_OPTIONS without it.
		for (Path manifest : List.of(Path.of("k8s/deployment.yaml"), Path.of("k8s/configmap.yaml"),
				Path.of("docker-compose.yml"))) {
			Matcher setting = Pattern.compile("(?m)^\\s*-?\\s*(?:name:\\s*)?JAVA_TOOL_OPTIONS\\b.*$(\\n.*value.*)?")
				.matcher(Files.readString(manifest));
			while (setting.find()) {
				assertThat(setting.group()).as(manifest.toString()).contains(FLAG);
			}
		}
	}

	@Test
	void thePackagedJarStartedAsTheReadmeSaysExitsOnOutOfMemory() throws Exception {
		int port = ServiceProcess.freePort();
		List<String> command = new ArrayList<>(List.of(ServiceProcess.java()));
		command.addAll(readmeJvmOptions());
		command.add("-Xmx96m");
		command.addAll(List.of("-jar", System.getProperty("stockcast.jar"), "--server.port=" + port,
				"--management.server.port=0", "--stockcast.data-dir=" + this.dir.resolve("data"),
				// Admission would refuse what the heap cannot hold: told the heap is far larger, it admits it.
				"--stockcast.admission.memory-budget=4GB"));
		command.addAll(TestKeys.serviceArguments());
		Path log = this.dir.resolve("service.log");
		try (ServiceProcess service = ServiceProcess.start(new ProcessBuilder(command), port, log, Duration.ofMinutes(5))) {
			// 600,000 products: about 27 MB of CSV, several times that once parsed, past a 96 MB heap.
			String input = BigInput.csv(600_000, 30);
			try {
				service.http()
					.send(service.http()
						.request("POST", "/forecasts?view=summary", HttpRequest.BodyPublishers.ofString(input), "Content-Type",
								"text/csv")
						.timeout(Duration.ofMinutes(5)), HttpResponse.BodyHandlers.discarding());
			}
			catch (UncheckedIOException expected) {
				// The process went away mid-request.
			}
			assertThat(service.process().waitFor(5, TimeUnit.MINUTES)).as("the process ended; log:\n%s", service.log())
				.isTrue();
			assertThat(service.process().exitValue()).isNotZero();
			assertThat(service.log()).contains("Terminating due to java.lang.OutOfMemoryError");
		}
	}

	/** The JVM options of the README's {@code java ... -jar target/stockcast-...jar} command. */
	static List<String> readmeJvmOptions() throws Exception {
		Matcher command = Pattern.compile("(?m)^java((?: -\\S+)*) -jar target/stockcast-").matcher(Files.readString(Path.of("README.md")));
		assertThat(command.find()).as("a java -jar command in the README").isTrue();
		return Arrays.stream(command.group(1).strip().split("\\s+")).filter(option -> !option.isEmpty()).toList();
	}

}
