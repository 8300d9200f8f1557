package com.stockcast.forecast;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.limits.max-body-size=64KB", "stockcast.limits.max-products=20",
				"stockcast.limits.max-duration-days=100" })
class LimitsApiTest {

	private static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n";

	@LocalServerPort
	int port;

	private TestHttp api() {
		return TestHttp.on(this.port);
	}

	@Test
	void refusesABodyOverTheLimitWith413() {
		String big = HEADER + "1,2024-01-01,10,1,1,30\n" + " ".repeat(70 * 1024);
		HttpResponse<String> response = api().post("/forecasts", "text/csv", big);
		assertProblem(response, 413, "body-too-large");
	}

	@Test
	void refusesAGzipBombAsSoonAsItInflatesPastTheLimit() {
		byte[] bomb = TestResources.gzip((HEADER + "\n".repeat(50 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
		assertThat(bomb.length).isLessThan(64 * 1024);
		HttpResponse<String> response = api().post("/forecasts", "text/csv", bomb, "Content-Encoding", "gzip");
		assertProblem(response, 413, "body-too-large");
	}

	@Test
	void refusesAnUploadOverTheLimitWith413() {
		byte[] file = (HEADER + "1,2024-01-01,10,1,1,30\n" + " ".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = api().upload("/forecasts", "big.csv", "text/csv", file);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void refusesMoreProductsThanTheLimitWith413() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 21; i++) {
			csv.append(i).append(",2024-01-01,10,1,1,30\n");
		}
		assertProblem(api().post("/forecasts", "text/csv", csv.toString()), 413, "too-many-products");
	}

	@Test
	void refusesADurationOverTheConfiguredMaximumWith400() {
		HttpResponse<String> response = api().post("/forecasts", "text/csv", HEADER + "1,2024-01-01,10,1,1,101\n");
		JsonNode error = assertProblem(response, 400, "invalid-input").get("errors").get(0);
		assertThat(error.get("line").asLong()).isEqualTo(2);
		assertThat(error.get("column").asString()).isEqualTo("duration_days");
		assertThat(error.get("value").asString()).isEqualTo("101");
		assertThat(error.get("reason").asString()).isEqualTo("must be between 1 and 100");
	}

	@Test
	void acceptsTheLimitItself() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 20; i++) {
			csv.append(i).append(",2024-01-01,10,1,1,100\n");
		}
		HttpResponse<String> response = api().post("/forecasts?view=summary", "text/csv", csv.toString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().lines()).hasSize(21);
	}

}
