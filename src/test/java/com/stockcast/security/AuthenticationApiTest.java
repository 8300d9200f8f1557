package com.stockcast.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps (found from the handler mapping, so a new one is covered without
 * a change here) refuses a call without credentials or with wrong ones; health, the probes and the API
 * description stay open; answers carry the security headers, and no internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationApiTest {

	/** Open on purpose (see docs/security.md): the API's description, not its data. */
	private static final List<String> OPEN = List.of("/v3/api-docs", "/swagger-ui.html", "/error");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private TestHttp http() {
		return TestHttp.anonymous(this.port);
	}

	@Test
	void refusesEveryEndpointWithoutCredentials() {
		for (String[] endpoint : endpoints()) {
			HttpResponse<String> response = http().send(endpoint[0], endpoint[1], AsyncJobs.CSV, "Content-Type", "text/csv");
			assertProblem(response, 401, "unauthorized");
			assertThat(response.headers().allValues("WWW-Authenticate")).as("%s %s", endpoint[0], endpoint[1])
				.anySatisfy(challenge -> assertThat(challenge).startsWith("ApiKey "));
		}
	}

	@Test
	void refusesEveryEndpointWithAWrongKeyOrToken() {
		for (String[] endpoint : endpoints()) {
			assertProblem(http().send(endpoint[0], endpoint[1], AsyncJobs.CSV, "Content-Type", "text/csv", TestKeys.HEADER,
					TestKeys.KEY + "x"), 401, "unauthorized");
			assertProblem(http().send(endpoint[0], endpoint[1], AsyncJobs.CSV, "Content-Type", "text/csv", TestKeys.HEADER,
					""), 401, "unauthorized");
			assertProblem(http().send(endpoint[0], endpoint[1], AsyncJobs.CSV, "Content-Type", "text/csv", "Authorization",
					"Bearer " + TestKeys.KEY), 401, "unauthorized");
		}
	}

	@Test
	void acceptsAValidKeyOnEveryEndpoint() {
		for (String[] endpoint : endpoints()) {
			HttpResponse<String> response = http().send(endpoint[0], endpoint[1], AsyncJobs.CSV, "Content-Type", "text/csv",
					TestKeys.HEADER, TestKeys.KEY);
			assertThat(response.statusCode()).as("%s %s: %s", endpoint[0], endpoint[1], response.body())
				.isNotIn(401, 403, 500);
		}
	}

	@Test
	void leavesHealthProbesAndTheApiDescriptionOpen() {
		for (String path : List.of("/livez", "/readyz", "/actuator/health")) {
			assertThat(http().send("GET", path, null).statusCode()).as(path).isIn(200, 404);
		}
		assertThat(http().send("GET", "/livez", null).statusCode()).isEqualTo(200);
		assertThat(http().send("GET", "/readyz", null).statusCode()).isEqualTo(200);
		HttpResponse<String> docs = http().send("GET", "/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode schemes = TestHttp.JSON.readTree(docs.body()).path("components").path("securitySchemes");
		assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo(TestKeys.HEADER);
		assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void servesNoActuatorEndpointButHealthOnTheApiPortEvenWithAKey() {
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
			assertProblem(http().send("GET", path, null), 401, "unauthorized");
			assertProblem(http().send("GET", path, null, TestKeys.HEADER, TestKeys.KEY), 403, "forbidden");
		}
	}

	@Test
	void setsSecurityHeadersAndForbidsCachingOfAnswers() {
		HttpResponse<String> forecast = http().send("POST", "/forecasts", AsyncJobs.CSV, "Content-Type", "text/csv",
				TestKeys.HEADER, TestKeys.KEY);
		HttpResponse<String> refused = http().send("GET", "/forecasts", null);
		for (HttpResponse<String> response : List.of(forecast, refused)) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
			assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
					cache -> assertThat(cache).contains("no-store"));
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		}
		assertThat(forecast.statusCode()).isEqualTo(200);
	}

	@Test
	void keepsCorsClosedUnlessOriginsAreConfigured() {
		HttpResponse<String> preflight = http().send("OPTIONS", "/forecasts", null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "POST");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> simple = http().send("GET", "/forecasts", null, "Origin", "https://evil.example",
				TestKeys.HEADER, TestKeys.KEY);
		assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void answersErrorsWithoutStackTracesOrClassNames() {
		List<HttpResponse<String>> answers = List.of(
				http().send("POST", "/forecasts", "[{\"product_id\":", "Content-Type", "application/json", TestKeys.HEADER,
						TestKeys.KEY),
				http().send("POST", "/forecasts", "--x\r\nbroken", "Content-Type", "multipart/form-data; boundary=x",
						TestKeys.HEADER, TestKeys.KEY),
				http().send("POST", "/forecasts", "x", "Content-Type", "text/csv", "Content-Encoding", "gzip",
						TestKeys.HEADER, TestKeys.KEY),
				http().send("PUT", "/forecasts", "x", "Content-Type", "text/csv", TestKeys.HEADER, TestKeys.KEY),
				http().send("GET", "/forecasts?limit=x", null, TestKeys.HEADER, TestKeys.KEY),
				http().send("GET", "/nowhere", null, TestKeys.HEADER, TestKeys.KEY),
				http().send("GET", "/forecasts/" + UUID.randomUUID() + "/rows?cursor=%00", null, TestKeys.HEADER,
						TestKeys.KEY),
				http().send("GET", "/error", null));
		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isBetween(400, 499);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).doesNotContainPattern("Exception|\\bat [a-z]+\\.|java\\.|org\\.spring|com\\.stockcast|trace");
		}
	}

	/** Every (method, path) the application's controllers map, ids filled with a random UUID. */
	private List<String[]> endpoints() {
		List<String[]> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (OPEN.contains(pattern) || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					endpoints.add(new String[] { method.name(), path });
				}
			}
		}
		assertThat(endpoints).extracting(e -> e[0] + " " + e[1].replaceAll("[0-9a-f-]{36}", "{id}"))
			.contains("POST /forecasts", "GET /forecasts", "GET /forecasts/{id}", "GET /forecasts/{id}/rows",
					"GET /forecasts/{id}/summary", "DELETE /forecasts/{id}");
		return endpoints;
	}

}
