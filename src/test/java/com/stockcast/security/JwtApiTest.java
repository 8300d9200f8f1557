package com.stockcast.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens, verified against the issuer and audience as configured (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code .audiences}), with the
 * production path's discovery of the issuer's keys. All local: the issuer is a small HTTP server on
 * the loopback serving its OpenID configuration and JWK set, and tokens are signed here with a key
 * made for the test. The client is the token's {@code client_id}, else its {@code sub}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtApiTest {

	private static final String AUDIENCE = "stockcast-api";

	private static final KeyPair KEY = rsa();

	private static final KeyPair OTHER_KEY = rsa();

	private static final HttpServer ISSUER_SERVER = issuer();

	private static final String ISSUER = "http://127.0.0.1:" + ISSUER_SERVER.getAddress().getPort() + "/issuer";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
	}

	@AfterAll
	static void stopIssuer() {
		ISSUER_SERVER.stop(0);
	}

	/** The token issuer: its OpenID configuration and its JWK set (the public half of {@link #KEY}). */
	private static HttpServer issuer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
			server.createContext("/issuer/.well-known/openid-configuration", exchange -> json(exchange,
					"{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\",\"subject_types_supported\":[\"public\"],"
							+ "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
			server.createContext("/issuer/jwks", exchange -> json(exchange,
					new JWKSet(new RSAKey.Builder((RSAPublicKey) KEY.getPublic()).keyID("k1").build()).toString()));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Test
	void acceptsAValidTokenAndNamesTheClientByItsClientIdClaim() {
		TestHttp http = TestHttp.anonymous(this.port);
		String bearer = "Bearer " + token(KEY, claims().claim("client_id", "store-7").subject("user-1").build());
		assertThat(http.send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv", "Authorization", bearer)
			.statusCode()).isEqualTo(200);
		String location = AsyncJobs.submit(http, "Authorization", bearer);
		assertThat(http.send("GET", location, null, "Authorization", bearer).statusCode()).isEqualTo(200);
		assertProblem(http.send("GET", location, null, TestKeys.HEADER, TestKeys.KEY), 404, "job-not-found");
		String sameSubject = "Bearer " + token(KEY, claims().subject("store-7").build());
		assertThat(http.send("GET", location, null, "Authorization", sameSubject).statusCode())
			.as("sub names the client when there is no client_id").isEqualTo(200);
	}

	@Test
	void refusesTokensThatAreForgedExpiredForAnotherAudienceOrIssuerOrNameNoClient() {
		TestHttp http = TestHttp.anonymous(this.port);
		List<String> bad = List.of(token(OTHER_KEY, claims().subject("store-7").build()),
				token(KEY, claims().subject("store-7").expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()),
				token(KEY, claims().subject("store-7").audience("another-api").build()),
				token(KEY, claims().subject("store-7").issuer("https://evil.example").build()),
				token(KEY, claims().build()), token(KEY, claims().subject("not a client id!").build()), "not.a.jwt");
		for (String token : bad) {
			HttpResponse<String> refused = http.send("GET", "/forecasts", null, "Authorization", "Bearer " + token);
			assertProblem(refused, 401, "unauthorized");
			assertThat(refused.headers().allValues("WWW-Authenticate"))
				.contains("Bearer realm=\"stockcast\", error=\"invalid_token\"");
			assertThat(refused.body()).doesNotContain("Jwt").doesNotContain("signature").doesNotContain("expired");
		}
	}

	@Test
	void stillAcceptsApiKeysBesideTokens() {
		assertThat(TestHttp.anonymous(this.port).send("GET", "/forecasts", null, TestKeys.HEADER, TestKeys.KEY).statusCode())
			.isEqualTo(200);
	}

	private static JWTClaimsSet.Builder claims() {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
	}

	private static String token(KeyPair key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
