package com.stockcast.parallel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
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

import com.stockcast.RawHttp;
import com.stockcast.TestHttp;

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

	@AfterEach
	void everythingIsGivenBack() {
		this.budget.give(this.held);
		this.held = 0;
		await().atMost(Duration.ofMinutes(2)).until(() -> this.budget.reserved() == 0);
	}

	private void othersHoldMostOfTheBudget() {
		assertThat(this.budget.tryTake(OTHERS)).isTrue();
		this.held = OTHERS;
	}

	@Test
	void refusesABodyOfKnownLengthThatCannotFitBeforeAnyOfItIsSent() throws Exception {
		othersHoldMostOfTheBudget();
		try (RawHttp raw = RawHttp.connect(this.port)) {
			// Headers only, waiting for 100 Continue as curl does: the answer must come without the body.
			String answer = raw.write(RawHttp.head("POST", "/forecasts", RawHttp.CREDENTIALS, "Content-Type: text/csv",
					"Content-Length: " + FITS_LATER.length(), "Expect: 100-continue"))
				.readAnswer();
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
			HttpResponse<String> refused = send(request(path, HttpRequest.BodyPublishers.ofString(FITS_LATER)),
					HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(path).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("3");
			assertThat(refused.body()).as(path).contains("urn:stockcast:problem:memory-saturated");
		}
		// A job's input streams into storage holding a window (unknown-length x expansion, 512 KB here), not its
		// parsed length, so the same body is taken as a job where the room left is less than it would hold whole.
		HttpResponse<String> job = send(request("/forecasts", HttpRequest.BodyPublishers.ofString(FITS_LATER), "Prefer",
				"respond-async"), HttpResponse.BodyHandlers.ofString());
		assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
	}

	@Test
	void refusesABodyOfUnknownLengthAsSoonAsTheBudgetRunsOut() throws Exception {
		othersHoldMostOfTheBudget();
		HttpResponse<String> refused = send(request("/forecasts",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(FITS_LATER.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(refused.body()).contains("urn:stockcast:problem:memory-saturated");
	}

	@Test
	void refusesWith413ABodyThatCouldNeverFitWhetherItsLengthIsKnownOrNot() throws Exception {
		HttpResponse<String> known = send(request("/forecasts", HttpRequest.BodyPublishers.ofString(TOO_LARGE)),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = send(request("/forecasts",
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
		HttpResponse<String> known = send(request("/forecasts", HttpRequest.BodyPublishers.ofString(SMALL)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(known.statusCode()).isEqualTo(200);
		HttpResponse<String> chunked = send(request("/forecasts",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(200);
		assertThat(chunked.body()).isEqualTo(known.body());
	}

	@Test
	void givesBackWhatABadRequestAndAnAbandonedAnswerHeld() throws Exception {
		HttpResponse<String> bad = send(request("/forecasts", HttpRequest.BodyPublishers.ofString(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\nA,x,1,1,1,1\n")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.budget.reserved()).isZero();
		// A long answer (60,000 rows) whose client reads a little of it and goes away.
		try (InputStream answer = send(request("/forecasts",
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
		try (RawHttp raw = RawHttp.connect(this.port)) {
			raw.write(RawHttp.head("POST", "/forecasts", "Content-Type: text/csv", "Content-Length: 1000000"));
			OutputStream out = raw.out();
			Thread trickle = new Thread(() -> {
				try {
					for (int i = 0; i < 1_000_000; i++) {
						out.write('x');
						out.flush();
						// The pace of a slow sender, not a wait for a state.
						Thread.sleep(100);
					}
				}
				catch (Exception closedOrInterrupted) {
					// the service closed the connection, or the test ended
				}
			});
			trickle.start();
			try {
				byte[] all = raw.in().readAllBytes(); // to the end: the connection is closed
				String answer = new String(all, StandardCharsets.UTF_8);
				assertThat(answer).startsWith("HTTP/1.1 401 ");
				assertThat(answer).contains("application/problem+json");
			}
			finally {
				trickle.interrupt();
			}
		}
	}

	private HttpRequest.Builder request(String path, HttpRequest.BodyPublisher body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "text/csv";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return TestHttp.on(this.port).request("POST", path, body, all);
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> answer) {
		return TestHttp.on(this.port).send(request, answer);
	}

}
