package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled receipts as jobs: stored with their products' chunks, the job's rows, summaries and
 * totals equal the synchronous answer byte for byte, in every format and scenario; the receipts
 * are part of the request an idempotency key stands for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContractSupport.PROPERTIES_CHUNKS, JobsApiContractSupport.PROPERTIES_POLL })
class ReceiptsJobsApiTest extends JobsApiContractSupport {

	/** 2,500 receipts on random products of {@link #FRACTIONAL} and random days of their projections. */
	private static final String RECEIPTS = receipts(new SplittableRandom(16), 2_500);

	private static String receipts(SplittableRandom random, int count) {
		String[] lines = FRACTIONAL.split("\n");
		DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yy");
		StringBuilder csv = new StringBuilder("product_id,date,units\n");
		for (int r = 0; r < count; r++) {
			String[] product = lines[1 + random.nextInt(lines.length - 1)].split(",");
			LocalDate start = LocalDate.parse(product[1], us);
			LocalDate day = start.plusDays(random.nextInt(Integer.parseInt(product[5])));
			csv.append(product[0]).append(',').append(day).append(',')
				.append(random.nextBoolean() ? Integer.toString(1 + random.nextInt(400)) : (1 + random.nextInt(40_000)) / 100.0)
				.append('\n');
		}
		return csv.toString();
	}

	private HttpResponse<String> upload(String query, String receipts, String... headers) {
		String boundary = "----stockcast-receipts-job-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "file", FRACTIONAL);
		part(body, boundary, "receipts", receipts);
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http().post("/forecasts" + query, "multipart/form-data; boundary=" + boundary, body.toByteArray(),
				headers);
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String csv) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aJobWithReceiptsEqualsTheSynchronousAnswerInEveryViewFormatAndScenario() throws Exception {
		String[] queries = { "", "?policy=lost-sales", "?reorder_point=20&order_quantity=50&lead_time_days=3",
				"?policy=lost-sales&demand=poisson&trials=20&seed=7" };
		for (String query : queries) {
			HttpResponse<String> accepted = upload(query, RECEIPTS, "Prefer", "respond-async");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			JsonNode done = awaitStatus(location, "succeeded");
			assertThat(done.get("progress").get("chunks_total").asInt()).isEqualTo(10);
			assertThat(done.get("settings").get("scenario").get("receipts").asBoolean()).isTrue();
			String separator = query.isEmpty() ? "?" : "&";
			for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
				String rows = upload(query, RECEIPTS, "Accept", accept).body();
				assertThat(rows).contains("receipts");
				assertThat(get(location + "/rows", accept).body()).as(query + " " + accept).isEqualTo(rows);
				assertThat(get(location + "/summary", accept).body()).as(query + " " + accept)
					.isEqualTo(upload(query + separator + "view=summary", RECEIPTS, "Accept", accept).body());
				assertThat(get(location + "/totals", accept).body()).as(query + " " + accept)
					.isEqualTo(upload(query + separator + "view=totals", RECEIPTS, "Accept", accept).body());
			}
		}
		// The receipts do change the answer.
		assertThat(upload("?view=summary", RECEIPTS).body()).isNotEqualTo(sync("?view=summary", "text/csv"));
	}

	@Test
	void aJsonBodyWithReceiptsRunsAsAJob() throws Exception {
		String body = """
				{"products": [{"product_id": "A", "sell_start_date": "2024-01-01", "initial_inventory": 10,
				               "sales_rate": 4, "restocking_rate": 0, "duration_days": 6}],
				 "receipts": [{"product_id": "A", "date": "2024-01-03", "units": 8}]}
				""";
		HttpResponse<String> accepted = submit(body, "application/json");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		awaitStatus(location, "succeeded");
		String sync = http().post("/forecasts", "application/json", body, "Accept", "text/csv").body();
		assertThat(get(location + "/rows", "text/csv").body()).isEqualTo(sync)
			.contains("A,2024-01-03,6,4,0,8,1.5\n");
	}

	@Test
	void theReceiptsArePartOfWhatAnIdempotencyKeyStandsFor() throws Exception {
		HttpResponse<String> first = upload("", RECEIPTS, "Prefer", "respond-async", "Idempotency-Key", "receipts-1");
		assertThat(first.statusCode()).isEqualTo(202);
		HttpResponse<String> again = upload("", RECEIPTS, "Prefer", "respond-async", "Idempotency-Key", "receipts-1");
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		HttpResponse<String> other = upload("", receipts(new SplittableRandom(17), 10), "Prefer", "respond-async",
				"Idempotency-Key", "receipts-1");
		assertThat(other.statusCode()).isEqualTo(422);
		awaitStatus(first.headers().firstValue("Location").orElseThrow(), "succeeded");
	}

}
