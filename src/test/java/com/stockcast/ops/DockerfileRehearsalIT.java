package com.stockcast.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockcast.ServiceProcess;
import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's run stage rehearsed without Docker: the packaged jar goes through the Dockerfile's
 * own extraction command, its {@code COPY --from=build} layer copies, its {@code ENV} and its
 * {@code ENTRYPOINT}, read from the file so that a change there is rehearsed too. The started
 * service must be healthy, answer a forecast, and satisfy the {@code HEALTHCHECK} command.
 */
class DockerfileRehearsalIT {

	@TempDir
	Path dir;

	@Test
	void theRunStageStartsFromTheExtractedLayersAndServesAForecast() throws Exception {
		Dockerfile dockerfile = Dockerfile.read();
		Path build = Files.createDirectories(this.dir.resolve("build"));
		extract(dockerfile, build);

		Path app = Files.createDirectories(this.dir.resolve("app"));
		List<String> layers = dockerfile.layerCopies();
		assertThat(layers).as("one COPY per layer").hasSize(4);
		for (String layer : layers) {
			assertThat(layer).startsWith(dockerfile.buildWorkdir() + "/");
			copyTree(build.resolve(layer.substring(dockerfile.buildWorkdir().length() + 1)), app);
		}

		int port = ServiceProcess.freePort();
		Map<String, String> env = dockerfile.env();
		assertThat(env).containsKeys("JAVA_TOOL_OPTIONS", "SERVER_PORT", "STOCKCAST_DATA_DIR");
		assertThat(env.get("SERVER_PORT")).isEqualTo(String.valueOf(dockerfile.exposedPort()));
		ProcessBuilder entrypoint = new ProcessBuilder(withThisJava(dockerfile.entrypoint())).directory(app.toFile());
		entrypoint.environment().putAll(env);
		// Only what cannot be the same outside a container: the ports (tests run in parallel) and the
		// data directory (/app/data is the image's); and a key, as a deployment would set one.
		entrypoint.environment().put("SERVER_PORT", String.valueOf(port));
		entrypoint.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(ServiceProcess.freePort()));
		entrypoint.environment().put("STOCKCAST_SECURITY_API_KEYS_0_CLIENT", "test-a");
		entrypoint.environment().put("STOCKCAST_SECURITY_API_KEYS_0_SHA256", TestKeys.serviceArguments().get(1).split("=", 2)[1]);
		entrypoint.environment().put("STOCKCAST_DATA_DIR", this.dir.resolve("data").toString());

		try (ServiceProcess service = ServiceProcess.start(entrypoint, port, this.dir.resolve("service.log"),
				Duration.ofMinutes(5))) {
			assertThat(service.log()).as("the JVM took the image's options")
				.contains("Picked up JAVA_TOOL_OPTIONS: " + env.get("JAVA_TOOL_OPTIONS"));
			HttpResponse<String> forecast = service.http()
				.post("/forecasts", "text/csv", Files.readAllBytes(Path.of("src/test/resources/reference/product_list.csv")));
			assertThat(forecast.statusCode()).isEqualTo(200);
			assertThat(forecast.body())
				.isEqualTo(Files.readString(Path.of("src/test/resources/reference/product_list.forecast.csv")));

			assertThat(healthcheck(dockerfile, port)).as("HEALTHCHECK against the running service").isZero();
			assertThat(healthcheck(dockerfile, ServiceProcess.freePort())).as("HEALTHCHECK with nothing listening")
				.isNotZero();
		}
	}

	@Test
	void buildsWithTheWrappersMavenAndRunsOnAPinnedJava17Jre() throws Exception {
		Dockerfile dockerfile = Dockerfile.read();
		Properties wrapper = new Properties();
		try (var in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		String maven = wrapper.getProperty("distributionUrl").replaceAll(".*/apache-maven-([0-9.]+)-bin\\.zip", "$1");
		List<String> images = dockerfile.baseImages();
		assertThat(images).hasSize(2);
		assertThat(images.get(0)).isEqualTo("maven:" + maven + "-eclipse-temurin-17 AS build");
		assertThat(images.get(1)).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-[a-z]+");
		assertThat(dockerfile.user()).matches("[1-9][0-9]*:[1-9][0-9]*");
		// .dockerignore keeps everything out but what the build copies in.
		List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		assertThat(ignore.get(0)).isEqualTo("*");
		assertThat(dockerfile.contextCopies()).isNotEmpty()
			.allSatisfy(source -> assertThat(ignore).contains("!" + source));
	}

	/** Runs the Dockerfile's extraction command in {@code build}, on the packaged jar. */
	private static void extract(Dockerfile dockerfile, Path build) throws Exception {
		List<String> command = withThisJava(dockerfile.extraction());
		String jar = command.get(command.indexOf("-jar") + 1);
		Files.copy(Path.of(System.getProperty("stockcast.jar")), build.resolve(jar));
		Process extraction = new ProcessBuilder(command).directory(build.toFile())
			.redirectErrorStream(true)
			.redirectOutput(build.resolve("extract.log").toFile())
			.start();
		assertThat(extraction.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(extraction.exitValue()).as(Files.readString(build.resolve("extract.log"))).isZero();
	}

	private static int healthcheck(Dockerfile dockerfile, int port) throws Exception {
		ProcessBuilder check = new ProcessBuilder(dockerfile.healthcheck()).redirectErrorStream(true);
		check.environment().put("SERVER_PORT", String.valueOf(port));
		Process process = check.start();
		// Docker gives it 5 s; here only a command that hangs fails, not a loaded machine.
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("health check finished").isTrue();
		return process.exitValue();
	}

	/** The command with its {@code java} replaced by the test JVM's launcher (no PATH lookup). */
	private static List<String> withThisJava(List<String> command) {
		assertThat(command.get(0)).isEqualTo("java");
		List<String> replaced = new ArrayList<>(command);
		replaced.set(0, ServiceProcess.java());
		return replaced;
	}

	/** {@code COPY source/ target/}: the source directory's content merged into the target. */
	private static void copyTree(Path source, Path target) throws IOException {
		assertThat(source).as("layer extracted").isDirectory();
		try (Stream<Path> files = Files.walk(source)) {
			files.forEach(file -> {
				try {
					Path to = target.resolve(source.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(to);
					}
					else {
						Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
