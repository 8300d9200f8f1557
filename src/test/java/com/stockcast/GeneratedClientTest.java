package com.stockcast;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract test of issue 15: a Java client generated from the description the running service
 * serves, compiled unchanged, runs the core flows against the service on a real port.
 *
 * <p>
 * openapi-generator's CLI (a fat jar that maven-dependency-plugin copies to
 * {@code target/contract-tools}) runs as a process of its own: its shaded swagger-parser and Jackson
 * stay off the test classpath. The generated sources are compiled with {@link JavaCompiler}, together
 * with the flows ({@code src/test/contract/java/com/stockcast/contract/ClientFlows.java}, outside
 * Maven's test sources since it only compiles against a generated client), against the test classpath
 * as Maven wrote it to a file; the classes are loaded over the test's class loader, and the flows run.
 * The description, the client, the classes and the generator's log are left in {@code target/contract}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTest {

	private static final Path FLOWS = Path.of("src", "test", "contract", "java", "com", "stockcast", "contract",
			"ClientFlows.java");

	private static final String PACKAGE = "com.stockcast.contract";

	@LocalServerPort
	int port;

	@Test
	void aClientGeneratedFromTheDescriptionRunsTheCoreFlows() throws Exception {
		Path description = ContractTools.description(this.port);
		Path client = generate(description, ContractTools.DIR.resolve("java-client"));
		Path classes = compile(client.resolve("src/main/java"), ContractTools.DIR.resolve("classes"));
		runFlows(classes);
	}

	/** Runs openapi-generator's {@code java} generator, library {@code native}, on the description. */
	private static Path generate(Path description, Path out) throws IOException, InterruptedException {
		ContractTools.delete(out);
		Path generator = ContractTools.tool("stockcast.contract.generator",
				"target/contract-tools/openapi-generator-cli.jar");
		ContractTools.run(Path.of("."), ContractTools.DIR.resolve("generator.log"), List.of(ServiceProcess.java(),
				"-jar", generator.toString(), "generate", "-g", "java", "--library", "native", "-i",
				description.toString(), "-o", out.toString(), "--api-package", PACKAGE + ".api", "--model-package",
				PACKAGE + ".model", "--invoker-package", PACKAGE + ".invoker",
				// The one option changed from the defaults. By default the client is annotated with
				// javax.annotation.Generated, from jakarta.annotation-api 1.3.5 (its pom's "provided"
				// dependency), and javax.annotation.Nullable/Nonnull from jsr305. The 1.3.5 jar cannot sit
				// beside the jakarta.annotation-api 3.0.0 that Spring Boot 4 needs (one artifact, one version
				// per build), and nothing else on the classpath has javax.annotation.Generated. With
				// useJakartaEe=true all three are jakarta.annotation's, which 3.0.0 has: no extra jar.
				"--additional-properties", "useJakartaEe=true",
				// A workaround the generator forces (docs/clients.md): an operation whose request body
				// has several types, one of them multipart/form-data (POST /forecasts, POST /sales-statistics),
				// gets an import of the multipart body's model in its API class, while that model is not
				// generated, since skipFormModel (true by default) skips models used only by form bodies: the
				// client does not compile (OpenAPITools/openapi-generator#24727, open in 7.25.0). Generating
				// the form models resolves the import and changes nothing else.
				"--global-property", "skipFormModel=false"))
			.assertSucceeded();
		return out;
	}

	/** Compiles the generated sources, unchanged, and the flows into {@code classes}; any error fails. */
	private static Path compile(Path sources, Path classes) throws IOException {
		ContractTools.delete(classes);
		Files.createDirectories(classes);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter(path -> path.toString().endsWith(".java")).collect(Collectors.toCollection(ArrayList::new));
		}
		assertThat(files).as("generated sources under %s", sources).isNotEmpty();
		files.add(FLOWS);
		String classpath = Files.readString(ContractTools.tool("stockcast.contract.classpath",
				"target/contract-tools/test-classpath.txt"), StandardCharsets.UTF_8).strip();
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac).as("a JDK's compiler (the tests run on a JRE?)").isNotNull();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		StringWriter output = new StringWriter();
		try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			boolean compiled = javac
				.getTask(output, fileManager, diagnostics,
						List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-classpath",
								classpath, "-d", classes.toString()),
						null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
			String errors = diagnostics.getDiagnostics()
				.stream()
				.filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
				.map(Object::toString)
				.collect(Collectors.joining("\n"));
			assertThat(compiled).as("javac of the generated client and %s:%n%s%n%s", FLOWS, errors, output).isTrue();
		}
		return classes;
	}

	/** Loads the compiled flows over the test's class loader and runs them against this service. */
	@SuppressWarnings("unchecked")
	private void runFlows(Path classes) throws Exception {
		ClassLoader test = GeneratedClientTest.class.getClassLoader();
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, test)) {
			thread.setContextClassLoader(loader);
			BiConsumer<String, String> flows = (BiConsumer<String, String>) loader.loadClass(PACKAGE + ".ClientFlows")
				.getDeclaredConstructor()
				.newInstance();
			flows.accept("http://127.0.0.1:" + this.port, TestKeys.KEY);
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

}
