package com.stockcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description the running service serves passes Spectral's {@code spectral:oas} rules
 * with no error and no warning (issue 15).
 *
 * <p>
 * Spectral is pinned in {@code src/test/contract/spectral/package.json} and {@code package-lock.json},
 * with the ruleset beside them; the test copies the three to {@code target/contract-tools/spectral} and
 * installs Spectral there with {@code npm ci} (again only when the lock file changed), so nothing is
 * written under {@code src}. It needs {@code node} (20 or later) and {@code npm} on the PATH.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpectralLintTest {

	private static final Path SOURCE = Path.of("src", "test", "contract", "spectral");

	private static final Path TOOL = Path.of("target", "contract-tools", "spectral");

	@LocalServerPort
	int port;

	@Test
	void theDescriptionHasNoErrorOrWarningBySpectralOas() throws Exception {
		Path spectral = install();
		Path description = ContractTools.description(this.port).toAbsolutePath();
		ContractTools
			.run(TOOL, ContractTools.DIR.resolve("spectral.log"),
					List.of(spectral.toString(), "lint", description.toString(), "--ruleset", ".spectral.yaml",
							"--fail-severity=warn", "--format=stylish"))
			.assertSucceeded();
	}

	/** Spectral under target, installed by {@code npm ci} from the committed lock file unless it is there. */
	private static Path install() throws IOException, InterruptedException {
		Files.createDirectories(TOOL);
		for (String file : List.of("package.json", "package-lock.json", ".spectral.yaml")) {
			Files.copy(SOURCE.resolve(file), TOOL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		Path spectral = TOOL.resolve("node_modules/.bin/spectral").toAbsolutePath();
		Path installed = TOOL.resolve("node_modules/.installed-package-lock.json");
		byte[] lock = Files.readAllBytes(SOURCE.resolve("package-lock.json"));
		if (!Files.isExecutable(spectral) || !Files.exists(installed)
				|| !Arrays.equals(Files.readAllBytes(installed), lock)) {
			// --ignore-scripts: Spectral needs no install script; the one in its tree (@scarf/scarf's) only
			// reports the download.
			ContractTools.run(TOOL, ContractTools.DIR.resolve("npm-ci.log"),
					List.of("npm", "ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"))
				.assertSucceeded();
			Files.write(installed, lock);
		}
		return spectral;
	}

}
