package com.stockcast.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call and how much ({@code stockcast.security.*}). JWT issuer, keys and audiences are Spring
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} settings.
 *
 * @param apiKeys the API keys, each bound to a client; only their SHA-256 is configured
 * @param firstKey whether to generate a first key when no key and no JWT issuer is configured: printed
 * once, its hash kept in {@code stockcast.data-dir}. On in the embedded default, off in the
 * {@code postgres} profile, where a service without credentials refuses to start
 * @param clientClaims the JWT claims that name the client, the first present one wins
 * @param rateLimit requests each client may make
 * @param corsAllowedOrigins origins browsers may call the API from; none by default (CORS closed)
 */
@Validated
@ConfigurationProperties("stockcast.security")
record SecuritySettings(@NotNull @DefaultValue List<@Valid ApiKey> apiKeys,
		@DefaultValue("true") boolean firstKey, @NotEmpty @DefaultValue({ "client_id", "sub" }) List<String> clientClaims,
		@NotNull @Valid @DefaultValue RateLimit rateLimit, @NotNull @DefaultValue List<String> corsAllowedOrigins) {

	/**
	 * An API key as configured: the client it is bound to and the key's SHA-256 in hex.
	 * @param client the client id the key authenticates as
	 * @param sha256 {@code printf %s "$KEY" | sha256sum}, 64 hex digits
	 */
	public record ApiKey(@NotNull String client, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
	}

	/**
	 * A token bucket per client: {@code requestsPerSecond} sustained, bursts of up to {@code burst}. On
	 * PostgreSQL the bucket is shared by every instance on the database; on the embedded default it
	 * is kept in memory.
	 * @param requestsPerSecond tokens added each second; 0 turns the limit off
	 * @param burst the bucket's size
	 * @param idleAfter how long a bucket that has filled up again is kept before it is forgotten (a full
	 * bucket is the same as a new one): in memory, how often full ones are swept; on PostgreSQL, how
	 * long a full bucket's row stays before it is deleted
	 */
	public record RateLimit(@Min(0) @DefaultValue("50") double requestsPerSecond, @Min(1) @DefaultValue("100") int burst,
			@NotNull @DefaultValue("10m") Duration idleAfter) {
	}

}
