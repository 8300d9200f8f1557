package com.stockcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the contract tests ({@link GeneratedClientTest}, {@link SpectralLintTest}) share: the OpenAPI
 * description the running service serves, saved under {@code target/contract}, and the external tools
 * they run as processes (openapi-generator's CLI, npm, Spectral), whose output a failure quotes.
 */
final class ContractTools {

	/** Where the description, the generated client and the tools' logs go. */
	static final Path DIR = Path.of("target", "contract");

	/** A tool is given minutes, not seconds: a loaded 2-core machine makes it slower, never red. */
	static final Duration DEADLINE = Duration.ofMinutes(10);

	private ContractTools() {
	}

	/**
	 * Downloads {@code /v3/api-docs} from the service on {@code port} (without credentials: it is open)
	 * into {@code target/contract/openapi.json}, pretty-printed so that the tools' messages name real lines.
	 */
	static Path description(int port) throws IOException {
		HttpResponse<String> response = TestHttp.anonymous(port).get("/v3/api-docs");
		assertThat(response.statusCode()).as("GET /v3/api-docs: %s", response.body()).isEqualTo(200);
		Files.createDirectories(DIR);
		Path file = DIR.resolve("openapi.json");
		Files.writeString(file, TestHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(TestHttp.json(response)));
		return file;
	}

	/** A file named by a system property that Surefire sets (see pom.xml), or its default under target. */
	static Path tool(String property, String fallback) {
		Path path = Path.of(System.getProperty(property, fallback));
		assertThat(path).as("%s (written by maven-dependency-plugin before the tests; run through ./mvnw)", property)
			.isRegularFile();
		return path;
	}

	/**
	 * Runs {@code command} in {@code dir} with its output (stdout and stderr) in {@code log}, and waits
	 * for it to end within {@link #DEADLINE}; a process still running then is killed and fails the test.
	 */
	static Result run(Path dir, Path log, List<String> command) throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError(String.join(" ", command) + " still ran after " + DEADLINE + "; output:\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		return new Result(String.join(" ", command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	/** Deletes {@code dir} and everything under it, if it exists. */
	static void delete(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> {
					try {
						Files.delete(path);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
		}
	}

	/** How a tool ended: its exit code and everything it printed. */
	record Result(String command, int exitCode, String output) {

		/** Fails the test, quoting the output, unless the tool exited 0. */
		Result assertSucceeded() {
			assertThat(this.exitCode).as("%s exited %d; output:%n%s", this.command, this.exitCode, this.output)
				.isZero();
			return this;
		}

	}

}
