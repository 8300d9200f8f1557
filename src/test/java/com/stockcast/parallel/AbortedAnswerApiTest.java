package com.stockcast.parallel;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.web.client.RestClient;

import com.stockcast.TestHttp;
import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A forecast whose fourth chunk fails, after its 200 and its first chunks were sent: every client
 * must see an error, never a shorter answer that ends well. The pool is spied on to fail that chunk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.pool.chunk-size=100" })
class AbortedAnswerApiTest {

	/** 2,000 products x 30 days: 20 chunks of 3,000 rows, far more than Tomcat's buffer. */
	private static final String INPUT = BackpressureApiTest.csv(2_000, 30);

	@LocalServerPort
	int port;

	@MockitoSpyBean(name = "forecastExecutor")
	ThreadPoolTaskExecutor pool;

	private final AtomicInteger chunks = new AtomicInteger();

	@Test
	void anAnswerThatFailsAfterItStartedIsCutOffForJavaNetHttp() throws Exception {
		failTheFourthChunk();
		TestHttp http = TestHttp.on(this.port);
		HttpResponse<java.io.InputStream> response = http.send(
				http.request("POST", "/forecasts", HttpRequest.BodyPublishers.ofString(INPUT), "Content-Type", "text/csv"),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (java.io.InputStream body = response.body()) {
			assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
		}
	}

	/** Spring's RestClient on purpose, beside the JDK's client: the cut-off must reach both kinds of client. */
	@Test
	void anAnswerThatFailsAfterItStartedIsCutOffForRestClient() {
		failTheFourthChunk();
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		assertThatThrownBy(() -> client.post()
			.uri("/forecasts")
			.header("Content-Type", "text/csv")
			.header(TestKeys.HEADER, TestKeys.KEY)
			.body(INPUT)
			.retrieve()
			.body(String.class)).hasRootCauseInstanceOf(IOException.class);
	}

	@Test
	void theSameAnswerCompletesWhenNoChunkFails() {
		HttpResponse<String> answer = TestHttp.on(this.port).post("/forecasts", "text/csv", INPUT);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body().lines()).hasSize(2_000 * 30 + 1);
	}

	@SuppressWarnings("unchecked")
	private void failTheFourthChunk() {
		doAnswer(invocation -> {
			if (this.chunks.incrementAndGet() == 4) {
				return CompletableFuture.failedFuture(new IllegalStateException("a chunk failed in this test"));
			}
			return invocation.callRealMethod();
		}).when(this.pool).submit(any(Callable.class));
	}

}
