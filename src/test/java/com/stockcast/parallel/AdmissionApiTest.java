package com.stockcast.parallel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admission against the memory budget: a budget of 4 MB, each body byte counted 8 times, so a body
 * over 512 KB can never fit (413), and one of 200 KB does not while others hold 3 MB (503); bodies of
 * unknown length are first counted as 64 KB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stockcast.admission.memory-budget=4MB", "stockcast.admission.expansion=8",
				"stockcast.admission.unknown-length=64KB", "stockcast.pool.retry-after=3s" })
class AdmissionApiTest {

	/** About 1 MB of valid CSV: more than the whole budget once parsed. */
	private static final String TOO_LARGE = BackpressureApiTest.csv(20_000, 30);

	/** About 200 KB of valid CSV: 1.6 MB once parsed, which fits only while the budget is not held by others. */
	private static final String FITS_LATER = BackpressureApiTest.csv(4_000, 30);

	/** What the test holds of the budget, as other requests in progress would. */
	private static final long OTHERS = 3L << 20;

	private static final String SMALL = BackpressureApiTest.csv(100, 30);

	@LocalServerPort
	int port;

	@Autowired
	MemoryBudget budget;

	private long held;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void everythingIsGivenBack() {
		this.budget.give(this.held);
		this.held = 0;
		await().atMost(Duration.ofSeconds(30)).until(() -> this.budget.reserved() == 0);
	}

	private void othersHoldMostOfTheBudget() {
		assertThat(this.budget.tryTake(OTHERS)).isTrue();
		this.held = OTHERS;
	}

	@Test
	void refusesABodyOfKnownLengthThatCannotFitBeforeAnyOfItIsSent() throws Exception {
		othersHoldMostOfTheBudget();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			// Headers only, waiting for 100 Continue as curl does: the answer must come without the body.
			out.write(("POST /forecasts HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n" + TestKeys.HEADER + ": "
					+ TestKeys.KEY + "\r\nContent-Length: " + FITS_LATER.length() + "\r\nExpect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = readAnswer(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 503 ");
			assertThat(answer).containsIgnoringCase("Retry-After: 3");
			assertThat(answer).contains("application/problem+json");
			assertThat(answer).contains("\"type\":\"urn:stockcast:problem:memory-saturated\"");
		}
	}

	@Test
	void refusesABodyOfKnownLengthOnEveryPathAndTheClientThatSendsItAnywayGetsItsAnswer() throws Exception {
		othersHoldMostOfTheBudget();
		for (String path : new String[] { "/forecasts", "/forecasts?view=summary", "/sales-statistics" }) {
			HttpResponse<String> refused = this.client.send(post(path, HttpRequest.BodyPublishers.ofString(FITS_LATER)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(path).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("3");
			assertThat(refused.body()).as(path).contains("urn:stockcast:problem:memory-saturated");
		}
		HttpResponse<String> job = this.client.send(request("/forecasts", HttpRequest.BodyPublishers.ofString(FITS_LATER))
			.header("Prefer", "respond-async")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(job.statusCode()).isEqualTo(503);
	}

	@Test
	void refusesABodyOfUnknownLengthAsSoonAsTheBudgetRunsOut() throws Exception {
		othersHoldMostOfTheBudget();
		HttpResponse<String> refused = this.client.send(post("/forecasts",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(FITS_LATER.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(refused.body()).contains("urn:stockcast:problem:memory-saturated");
	}

	@Test
	void refusesWith413ABodyThatCouldNeverFitWhetherItsLengthIsKnownOrNot() throws Exception {
		HttpResponse<String> known = this.client.send(post("/forecasts", HttpRequest.BodyPublishers.ofString(TOO_LARGE)),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = this.client.send(post("/forecasts",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TOO_LARGE.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		for (HttpResponse<String> refused : List.of(known, chunked)) {
			assertThat(refused.statusCode()).isEqualTo(413);
			assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
			assertThat(refused.body()).contains("urn:stockcast:problem:body-too-large", "stockcast.admission.memory-budget");
		}
	}

	@Test
	void admitsWhatFitsWhateverItsLengthIsKnownOrNot() throws Exception {
		HttpResponse<String> known = this.client.send(post("/forecasts", HttpRequest.BodyPublishers.ofString(SMALL)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(known.statusCode()).isEqualTo(200);
		HttpResponse<String> chunked = this.client.send(post("/forecasts",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(200);
		assertThat(chunked.body()).isEqualTo(known.body());
	}

	@Test
	void givesBackWhatABadRequestAndAnAbandonedAnswerHeld() throws Exception {
		HttpResponse<String> bad = this.client.send(post("/forecasts", HttpRequest.BodyPublishers.ofString(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\nA,x,1,1,1,1\n")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.budget.reserved()).isZero();
		// A long answer (60,000 rows) whose client reads a little of it and goes away.
		try (InputStream answer = this.client.send(post("/forecasts",
				HttpRequest.BodyPublishers.ofString(BackpressureApiTest.csv(100, 600))),
				HttpResponse.BodyHandlers.ofInputStream()).body()) {
			assertThat(answer.readNBytes(1000)).hasSize(1000);
		}
	}

	/**
	 * A client with no credentials that trickles a large body (a byte every 100 ms) gets its 401 and
	 * then the connection closed, once its body falls below the least upload rate: Tomcat alone would
	 * read and drop the body at whatever rate it came and keep the request thread as long as it lasted.
	 */
	@Test
	void cutsOffAClientThatTricklesItsBodyToARefusal() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(120_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /forecasts HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
					+ "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread trickle = new Thread(() -> {
				try {
					for (int i = 0; i < 1_000_000; i++) {
						out.write('x');
						out.flush();
						Thread.sleep(100);
					}
				}
				catch (Exception closedOrInterrupted) {
					// the service closed the connection, or the test ended
				}
			});
			trickle.start();
			try {
				byte[] all = socket.getInputStream().readAllBytes(); // to the end: the connection is closed
				String answer = new String(all, StandardCharsets.UTF_8);
				assertThat(answer).startsWith("HTTP/1.1 401 ");
				assertThat(answer).contains("application/problem+json");
			}
			finally {
				trickle.interrupt();
			}
		}
	}

	private HttpRequest.Builder request(String path, HttpRequest.BodyPublisher body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "text/csv")
			.header(TestKeys.HEADER, TestKeys.KEY)
			.POST(body);
	}

	private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
		return request(path, body).build();
	}

	private static String readAnswer(InputStream in) throws Exception {
		byte[] buffer = new byte[4096];
		StringBuilder answer = new StringBuilder();
		int n;
		while ((n = in.read(buffer)) > 0) {
			answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			if (answer.toString().contains("\"type\"") && answer.toString().endsWith("}")) {
				break;
			}
		}
		return answer.toString();
	}

}
