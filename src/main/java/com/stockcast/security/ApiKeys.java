package com.stockcast.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys the service accepts, each bound to a client, held only as their SHA-256. A key is 32
 * random bytes, so a fast hash is enough: nobody can guess a preimage of a 256-bit random value,
 * whereas a slow password hash would cost every request its CPU time for no gain.
 */
final class ApiKeys {

	/** The header a key is sent in. */
	static final String HEADER = "X-API-Key";

	/** The client a generated first key is bound to. */
	static final String FIRST_CLIENT = "default";

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Client> clientsByHash;

	private ApiKeys(Map<String, Client> clientsByHash) {
		this.clientsByHash = Map.copyOf(clientsByHash);
	}

	/** The keys as configured. */
	static ApiKeys of(Iterable<SecuritySettings.ApiKey> configured) {
		Map<String, Client> byHash = new HashMap<>();
		for (SecuritySettings.ApiKey key : configured) {
			if (!Client.isValid(key.client())) {
				throw new IllegalArgumentException("stockcast.security.api-keys: invalid client id '" + key.client()
						+ "' (1..128 letters, digits or . _ - : @ /)");
			}
			Client earlier = byHash.put(key.sha256().toLowerCase(Locale.ROOT), new Client(key.client()));
			if (earlier != null && !earlier.id().equals(key.client())) {
				throw new IllegalArgumentException("stockcast.security.api-keys: one key is bound to two clients");
			}
		}
		return new ApiKeys(byHash);
	}

	/**
	 * The embedded default's first key, bound to client {@value #FIRST_CLIENT}: generated and printed
	 * once, at the first start; only its hash is kept, in {@code hashFile}, for the starts after.
	 */
	static ApiKeys first(Path hashFile) {
		try {
			if (!Files.exists(hashFile)) {
				String key = generate();
				Files.createDirectories(hashFile.toAbsolutePath().getParent());
				Files.writeString(hashFile, sha256(key) + "\n", StandardCharsets.US_ASCII);
				log.warn("""

						No API key or JWT issuer is configured, so a first API key was generated for client '{}'.
						It is shown this once; only its SHA-256 is kept, in {}. Send it as: {}: {}
						Configure your own keys (stockcast.security.api-keys) and delete that file to retire it.
						""", FIRST_CLIENT, hashFile.toAbsolutePath(), HEADER, key);
			}
			else {
				log.info("API key of client '{}': the first key, whose hash is in {}", FIRST_CLIENT, hashFile.toAbsolutePath());
			}
			String hash = Files.readString(hashFile, StandardCharsets.US_ASCII).strip().toLowerCase(Locale.ROOT);
			return new ApiKeys(Map.of(hash, new Client(FIRST_CLIENT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the first API key's hash in " + hashFile, ex);
		}
	}

	boolean isEmpty() {
		return this.clientsByHash.isEmpty();
	}

	/** The client {@code key} is bound to, if it is one of the keys. */
	Optional<Client> client(String key) {
		if (key == null || key.isEmpty() || key.length() > 256) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.clientsByHash.get(sha256(key.strip())));
	}

	/** A new key: 32 random bytes, URL-safe Base64, with a prefix that makes a leaked key easy to spot. */
	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "sck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 of a key's UTF-8 bytes, in lower-case hex, as {@code printf %s "$KEY" | sha256sum} prints it. */
	static String sha256(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
