package com.stockcast.metrics;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static com.stockcast.metrics.Scrapes.sample;
import static com.stockcast.metrics.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsApiTest {

	private static final String CSV = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,forecast_frequency
			1,1/1/23,50,10,8,30,1
			2,1/2/23,60,15,13,30,1
			3,1/3/23,70,20,18,30,3
			""";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void countsSkusRowsAndRequestsByOutcomeAndFormat() throws Exception {
		String before = scrape();
		assertThat(post(CSV, "text/csv").statusCode()).isEqualTo(200);
		assertThat(post("product_id\n", "application/x-ndjson").statusCode()).isEqualTo(400);
		String after = scrape();

		String skus = "stockcast_forecast_skus_total{application=\"stockcast\",mode=\"sync\"}";
		String rows = "stockcast_forecast_rows_total{application=\"stockcast\",mode=\"sync\"}";
		assertThat(sample(after, skus) - sample(before, skus)).isEqualTo(3);
		assertThat(sample(after, rows) - sample(before, rows)).isEqualTo(30 + 30 + 10);
		assertThat(after).containsPattern(
				"stockcast_forecast_requests_seconds_bucket\\{[^}]*format=\"csv\"[^}]*outcome=\"success\"[^}]*view=\"rows\"");
		assertThat(after).containsPattern(
				"stockcast_forecast_requests_seconds_count\\{[^}]*format=\"ndjson\"[^}]*outcome=\"invalid\"");
		assertThat(after).contains("stockcast_forecast_chunk_seconds_count");
	}

	@Test
	void exposesTheForecastPoolsGauges() {
		// Jobs or requests of other tests in this shared context may still occupy the queue: read it idle.
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			String metrics = scrape();
			for (String gauge : new String[] { "executor_active_threads", "executor_queued_tasks",
					"executor_queue_remaining_tasks", "executor_pool_max_threads", "executor_pool_size_threads" }) {
				assertThat(metrics).containsPattern(gauge + "\\{[^}]*name=\"forecastExecutor\"");
			}
			assertThat(value(metrics, "executor_pool_max_threads")).isEqualTo(Runtime.getRuntime().availableProcessors());
			assertThat(value(metrics, "executor_queue_remaining_tasks")).isEqualTo(64);
		});
	}

	@Test
	void exposesTheRefusalCounterBeforeAnyRefusalSoItsGraphIsZeroNotEmpty() throws Exception {
		assertThat(sample(scrape(), "stockcast_forecast_refused_total{application=\"stockcast\",reason=\"pool_saturated\"}"))
			.isZero();
	}

	@Test
	void exposesOnlyTheNeededActuatorEndpoints() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path) {
		return TestHttp.on(this.managementPort).get(path);
	}

	private HttpResponse<String> post(String body, String accept) {
		return TestHttp.on(this.port).post("/forecasts", "text/csv", body, "Accept", accept);
	}

}
