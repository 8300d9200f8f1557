package com.stockcast.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code stockcast.security.cors-allowed-origins} set, those origins (and only those) may call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stockcast.security.cors-allowed-origins=https://planner.example")
class CorsApiTest {

	@LocalServerPort
	int port;

	@Test
	void allowsTheConfiguredOriginOnly() {
		TestHttp http = TestHttp.anonymous(this.port);
		HttpResponse<String> preflight = http.send("OPTIONS", "/forecasts", null, "Origin", "https://planner.example",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-api-key,content-type");
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://planner.example");
		HttpResponse<String> other = http.send("OPTIONS", "/forecasts", null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "POST");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> call = http.send("GET", "/forecasts", null, "Origin", "https://planner.example",
				TestKeys.HEADER, TestKeys.KEY);
		assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://planner.example");
	}

}
