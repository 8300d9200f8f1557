package com.stockcast.parallel;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.stockcast.TestHttp;
import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool of one thread and a queue of one: past that, requests are refused at once, never queued without bound. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.pool.threads=1", "stockcast.pool.queue-capacity=1", "stockcast.pool.chunk-size=50",
				"stockcast.pool.retry-after=3s" })
class BackpressureApiTest {

	private static final String INPUT = csv(2_000, 365);

	/**
	 * How long a slow, loaded machine may take to answer: generous, as only a failing test meets it (a
	 * request that waited for room in the held pool, or an answer that never comes).
	 */
	private static final Duration DEADLINE = Duration.ofMinutes(5);

	private static final String EXPECTED = Forecasts.encode(Forecasts.products(INPUT), Format.CSV, View.ROWS);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	@Qualifier("forecastExecutor")
	ThreadPoolTaskExecutor pool;

	@Test
	void refusesAtOnceWith503AndRetryAfterWhenPoolAndQueueAreFull() throws Exception {
		Future<?> queued;
		// A refusal is at once by construction: the pool's thread and queue stay full until the test has
		// its answer, so a request that waited for room instead would wait for good (its client times out).
		try (PoolBlock held = PoolBlock.of(this.pool)) {
			queued = this.pool.submit(() -> {
			}); // fills the queue of one
			HttpResponse<String> refused = http().send(request(INPUT).timeout(DEADLINE), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.body()).contains("\"type\":\"urn:stockcast:problem:pool-saturated\"");
			assertThat(get("/actuator/prometheus").body())
				.containsPattern("stockcast_forecast_refused_total\\{[^}]*reason=\"pool_saturated\"[^}]*\\} [1-9]");
		}
		// Room again once the queued task has left the queue; not before, or the next request meets it there.
		queued.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
		HttpResponse<String> accepted = post(INPUT);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo(EXPECTED);
	}

	@Test
	void concurrentRequestsPastCapacityAreRefusedAndTheAcceptedOnesComplete() {
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(http().sendAsync(request(INPUT), HttpResponse.BodyHandlers.ofString()));
		}
		int ok = 0;
		for (CompletableFuture<HttpResponse<String>> call : calls) {
			HttpResponse<String> response = call.orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join();
			if (response.statusCode() == 200) {
				ok++;
				assertThat(response.body()).isEqualTo(EXPECTED);
			}
			else {
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
			}
		}
		assertThat(ok).isPositive();
	}

	private TestHttp http() {
		return TestHttp.on(this.port);
	}

	private HttpResponse<String> post(String body) {
		return http().post("/forecasts", "text/csv", body);
	}

	private HttpResponse<String> get(String path) {
		return TestHttp.on(this.managementPort).get(path);
	}

	private HttpRequest.Builder request(String body) {
		return http().request("POST", "/forecasts", HttpRequest.BodyPublishers.ofString(body), "Content-Type", "text/csv");
	}

	static String csv(int skus, int days) {
		Products products = com.stockcast.output.Forecasts.randomProducts(skus);
		StringBuilder sb = new StringBuilder(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n");
		for (int i = 0; i < products.size(); i++) {
			sb.append(products.id(i)).append(',').append(java.time.LocalDate.ofEpochDay(products.startDay(i))).append(',')
				.append(products.initialInventory(i)).append(',').append(products.salesRate(i)).append(',')
				.append(products.restockingRate(i)).append(',').append(days).append('\n');
		}
		return sb.toString();
	}

}
