package com.stockcast.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Dockerfile, read the way Docker reads it (continuation lines joined, comments
 * dropped), so tests can replay its run stage and compare the manifests with it.
 */
record Dockerfile(List<Instruction> instructions) {

	static final Path PATH = Path.of("Dockerfile");

	record Instruction(String keyword, String arguments) {
	}

	static Dockerfile read() throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String raw : Files.readAllLines(PATH)) {
			if (raw.strip().startsWith("#") || (line.isEmpty() && raw.isBlank())) {
				continue;
			}
			if (raw.endsWith("\\")) {
				line.append(raw, 0, raw.length() - 1).append(' ');
				continue;
			}
			line.append(raw);
			String[] parts = line.toString().strip().split("\\s+", 2);
			instructions.add(new Instruction(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1].strip()));
			line.setLength(0);
		}
		return new Dockerfile(instructions);
	}

	/** The instructions of the last stage, the one the image is made of. */
	List<Instruction> runStage() {
		int from = 0;
		for (int i = 0; i < this.instructions.size(); i++) {
			if (this.instructions.get(i).keyword().equals("FROM")) {
				from = i;
			}
		}
		return this.instructions.subList(from, this.instructions.size());
	}

	/** Every {@code FROM} image, with its stage name if any. */
	List<String> baseImages() {
		return this.instructions.stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::arguments).toList();
	}

	/** The run stage's environment, from its {@code ENV} instructions. */
	Map<String, String> env() {
		Map<String, String> env = new LinkedHashMap<>();
		Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");
		for (Instruction instruction : arguments("ENV")) {
			Matcher m = pair.matcher(instruction.arguments());
			while (m.find()) {
				env.put(m.group(1), (m.group(3) != null) ? m.group(3) : m.group(4));
			}
		}
		return env;
	}

	/** The run stage's {@code ENTRYPOINT}, which must be in exec (JSON) form. */
	List<String> entrypoint() {
		return execForm(single("ENTRYPOINT").arguments());
	}

	/** The command of the run stage's {@code HEALTHCHECK} (exec form), without its options. */
	List<String> healthcheck() {
		String arguments = single("HEALTHCHECK").arguments();
		int cmd = arguments.indexOf("CMD [");
		assertThat(cmd).as("HEALTHCHECK ... CMD [...]").isNotNegative();
		return execForm(arguments.substring(cmd + 4));
	}

	/** The run stage's {@code USER}, as uid:gid. */
	String user() {
		return single("USER").arguments();
	}

	/** The run stage's exposed port. */
	int exposedPort() {
		return Integer.parseInt(single("EXPOSE").arguments());
	}

	/** The sources of the run stage's {@code COPY --from=build} instructions, in order, as paths in the build stage. */
	List<String> layerCopies() {
		return arguments("COPY").stream()
			.map(Instruction::arguments)
			.filter(a -> a.startsWith("--from=build "))
			.map(a -> a.substring("--from=build ".length()).split("\\s+")[0])
			.toList();
	}

	/** The sources of every {@code COPY} from the build context (not from a stage). */
	List<String> contextCopies() {
		return this.instructions.stream()
			.filter(i -> i.keyword().equals("COPY") && !i.arguments().startsWith("--from="))
			.map(i -> i.arguments().split("\\s+")[0])
			.toList();
	}

	/** The build stage's {@code RUN} that extracts the layers: its command from {@code java} on. */
	List<String> extraction() {
		String run = this.instructions.stream()
			.filter(i -> i.keyword().equals("RUN") && i.arguments().contains("-Djarmode=tools"))
			.map(Instruction::arguments)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no RUN java -Djarmode=tools in the Dockerfile"));
		assertThat(run).as("the extraction is one plain command").doesNotContain("&&", ";", "|");
		return List.of(run.split("\\s+"));
	}

	/** The build stage's {@code WORKDIR}, where the extraction runs. */
	String buildWorkdir() {
		return this.instructions.stream()
			.filter(i -> i.keyword().equals("WORKDIR"))
			.map(Instruction::arguments)
			.findFirst()
			.orElseThrow();
	}

	private List<Instruction> arguments(String keyword) {
		return runStage().stream().filter(i -> i.keyword().equals(keyword)).toList();
	}

	private Instruction single(String keyword) {
		List<Instruction> found = arguments(keyword);
		assertThat(found).as("%s in the run stage", keyword).hasSize(1);
		return found.get(0);
	}

	private static List<String> execForm(String json) {
		return List.of(JsonMapper.builder().build().readValue(json.strip(), String[].class));
	}

}
