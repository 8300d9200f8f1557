package com.stockcast;

import java.util.List;

/**
 * The API keys tests authenticate with. {@code src/test/resources/config/application.yaml} binds them
 * (by their SHA-256) to clients {@code test-a} and {@code test-b} in every Spring test; a service
 * started as a process gets them through {@link #serviceArguments()}.
 */
public final class TestKeys {

	/** The header a key is sent in. */
	public static final String HEADER = "X-API-Key";

	/** Client {@code test-a}'s key: the one tests use unless they test isolation. */
	public static final String KEY = "sck_test_client_a_0123456789abcdefghijklmnopqrstuv";

	/** Client {@code test-b}'s key. */
	public static final String OTHER_KEY = "sck_test_client_b_0123456789abcdefghijklmnopqrstuv";

	private TestKeys() {
	}

	/**
	 * Command-line settings that make a packaged service accept {@link #KEY} (client test-a), with the
	 * rate limit raised as in the Spring tests (polling loops must not meet it). The key's two come first.
	 */
	public static List<String> serviceArguments() {
		return List.of("--stockcast.security.api-keys[0].client=test-a",
				"--stockcast.security.api-keys[0].sha256=ef0e9e57e8f6e9e92b65b812479f04ab6b94eb1bc7c38a0b24558ac6194b9ebb",
				"--stockcast.security.rate-limit.requests-per-second=10000", "--stockcast.security.rate-limit.burst=10000");
	}

}
