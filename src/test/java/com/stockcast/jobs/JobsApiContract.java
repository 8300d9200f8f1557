package com.stockcast.jobs;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.stockcast.TestKeys;
import com.stockcast.TestResources;
import com.stockcast.metrics.Scrapes;
import com.stockcast.parallel.PoolBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

/**
 * The job lifecycle over HTTP on a real port; run against each database by a subclass. Every
 * stored answer is compared with the synchronous answer for the same input.
 */
abstract class JobsApiContract extends JobsApiContractSupport {

	@Autowired
	@Qualifier("forecastExecutor")
	ThreadPoolTaskExecutor pool;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoSpyBean
	JobStore store;

	@Test
	void storesAJobWhoseResultsEqualTheSynchronousAnswerInEveryFormat() throws Exception {
		HttpResponse<String> accepted = submit(FRACTIONAL, "text/csv");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode queued = JSON.readTree(accepted.body());
		assertThat(location).isEqualTo("/forecasts/" + queued.get("id").asString());
		assertThat(queued.get("status").asString()).isIn("queued", "running", "succeeded");
		assertThat(queued.get("progress").get("products_total").asInt()).isEqualTo(1000);

		JsonNode done = awaitStatus(location, "succeeded");
		assertThat(done.get("progress").get("products_done").asInt()).isEqualTo(1000);
		assertThat(done.get("progress").get("percent").asDouble()).isEqualTo(100.0);
		assertThat(done.get("progress").get("chunks_total").asInt()).isEqualTo(10);
		assertThat(done.get("rows_total").asLong()).isEqualTo(60_000);
		assertThat(done.get("started_at").isNull()).isFalse();
		assertThat(done.get("finished_at").isNull()).isFalse();
		assertThat(done.get("links").get("rows").asString()).isEqualTo(location + "/rows");
		assertThat(done.get("settings").get("chunk_size").asInt()).isEqualTo(100);

		for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
			assertThat(get(location + "/rows", accept).body()).as(accept).isEqualTo(sync("", accept));
			assertThat(get(location + "/summary", accept).body()).as(accept).isEqualTo(sync("?view=summary", accept));
		}
	}

	@Test
	void acceptsJsonBodiesAndRequestDefaultsAsJobSettings() throws Exception {
		String json = "[{\"product_id\":\"A\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":10,"
				+ "\"sales_rate\":5,\"restocking_rate\":3}]";
		HttpResponse<String> accepted = submitTo("/forecasts?duration_days=30&forecast_frequency=7", json, "application/json");
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode done = awaitStatus(location, "succeeded");
		assertThat(done.get("settings").get("defaults").get("duration_days").asString()).isEqualTo("30");
		assertThat(get(location + "/summary", "text/csv").body())
			.isEqualTo("product_id,stockout_date,min_inventory_level,ending_inventory_level\nA,2024-01-05,-50,-50\n");
		assertThat(get(location + "/rows", "text/csv").body().lines()).hasSize(1 + 5);
	}

	@Test
	void filtersByProduct() throws Exception {
		String location = submitAndAwait(FRACTIONAL);
		String rows = get(location + "/rows?product_id=7", "text/csv").body();
		String expected = sync("", "text/csv").lines()
			.filter(line -> line.startsWith("7,") || line.startsWith("product_id"))
			.reduce("", (a, b) -> a + b + "\n");
		assertThat(rows).isEqualTo(expected);
		assertThat(get(location + "/summary?product_id=7", "application/x-ndjson").body().lines()).hasSize(1);
		assertThat(get(location + "/rows?product_id=no-such-sku", "application/json").body()).isEqualTo("[]\n");
	}

	@Test
	void pagesJsonResultsByKeysetCursor() throws Exception {
		String location = submitAndAwait(FRACTIONAL);
		List<JsonNode> all = new ArrayList<>();
		String next = location + "/rows?limit=7000";
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = get(next, "application/json");
			assertThat(page.statusCode()).isEqualTo(200);
			JSON.readTree(page.body()).forEach(all::add);
			pages++;
			next = nextLink(page);
		}
		assertThat(pages).isEqualTo(9);
		JsonNode expected = JSON.readTree(sync("", "application/json"));
		assertThat(all).hasSize(expected.size());
		for (int i = 0; i < all.size(); i += 1_111) {
			assertThat(all.get(i)).isEqualTo(expected.get(i));
		}
		assertThat(all.get(all.size() - 1)).isEqualTo(expected.get(expected.size() - 1));
	}

	@Test
	void pagesAProductWhoseIdNeedsEncodingInTheLink() throws Exception {
		String csv = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
				+ "C+D & E,2024-01-01,10,1,0,3\nother,2024-01-01,10,1,0,3\n";
		String location = submitAndAwait(csv);
		List<String> rows = new ArrayList<>();
		String next = location + "/rows?limit=1&product_id=" + java.net.URLEncoder.encode("C+D & E", StandardCharsets.UTF_8);
		while (next != null) {
			HttpResponse<String> page = get(next, "application/x-ndjson");
			rows.addAll(page.body().lines().toList());
			next = nextLink(page);
		}
		assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).contains("\"product_id\":\"C+D & E\""));
	}

	@Test
	void aJobThatKeepsNoRowsServesItsSummariesPagedAndFilteredAsTheSynchronousAnswer() throws Exception {
		// 250 products in chunks of 100: summaries stored a block a chunk; "dup" in three of them.
		StringBuilder csv = new StringBuilder(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n");
		for (int i = 0; i < 250; i++) {
			csv.append((i == 5 || i == 150 || i == 249) ? "dup" : "P" + i).append(",2024-01-01,").append(i % 40)
				.append(",2,1,").append(10 + i % 7).append('\n');
		}
		String location = submitTo("/forecasts?store_rows=false", csv.toString(), "text/csv").headers()
			.firstValue("Location").orElseThrow();
		JsonNode done = awaitStatus(location, "succeeded");
		assertThat(done.get("links").has("rows")).isFalse();
		assertThat(done.get("links").get("summary").asString()).isEqualTo(location + "/summary");
		assertThat(done.get("settings").get("scenario").get("store_rows").asBoolean(true)).isFalse();
		HttpResponse<String> rows = get(location + "/rows", "text/csv");
		assertThat(rows.statusCode()).isEqualTo(409);
		assertThat(rows.body()).contains("job-rows-not-stored");

		String expected = http().post("/forecasts?view=summary", "text/csv", csv.toString(), "Accept", "text/csv").body();
		assertThat(get(location + "/summary", "text/csv").body()).isEqualTo(expected);
		List<String> paged = new ArrayList<>();
		String next = location + "/summary?limit=37";
		while (next != null) {
			HttpResponse<String> page = get(next, "text/csv");
			paged.addAll(page.body().lines().skip(1).toList());
			next = nextLink(page);
		}
		assertThat(paged).containsExactlyElementsOf(expected.lines().skip(1).toList());
		List<String> dups = new ArrayList<>();
		int pages = 0;
		next = location + "/summary?limit=1&product_id=dup";
		while (next != null) {
			HttpResponse<String> page = get(next, "text/csv");
			dups.addAll(page.body().lines().skip(1).toList());
			pages++;
			next = nextLink(page);
		}
		assertThat(dups).hasSize(3).containsExactlyElementsOf(expected.lines().filter(line -> line.startsWith("dup,")).toList());
		assertThat(pages).isEqualTo(3);
		assertThat(get(location + "/summary?product_id=P7", "application/x-ndjson").body().lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("\"product_id\":\"P7\""));
		assertThat(get(location + "/summary?product_id=none", "application/json").body()).isEqualTo("[]\n");
	}

	@Test
	void storeRowsIsRefusedOnASynchronousRequestOrWithABadValue() throws Exception {
		HttpResponse<String> sync = http().post("/forecasts?store_rows=false", "text/csv", FRACTIONAL);
		assertThat(sync.statusCode()).isEqualTo(400);
		assertThat(sync.body()).contains("store_rows");
		HttpResponse<String> bad = submitTo("/forecasts?store_rows=maybe", FRACTIONAL, "text/csv");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("store_rows").contains("true or false");
	}

	@Test
	void storesDatesBeforeTheGregorianReformUnchanged() throws Exception {
		String csv = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
				+ "A,1500-03-01,10,1,0,3\n";
		String location = submitAndAwait(csv);
		assertThat(get(location + "/rows", "text/csv").body()).contains("A,1500-03-01,9,1,0", "A,1500-03-03,7,1,0");
	}

	@Test
	void cancelsARunningJobAndDeletesAFinishedOne() throws Exception {
		String location;
		// Jobs other tests left behind finish first, so that the runner's slots are free for this one.
		for (String active : new String[] { "queued", "running" }) {
			await().atMost(JOB_DEADLINE).until(
					() -> JSON.readTree(get("/forecasts?status=" + active, "application/json").body()).get("items"),
					JsonNode::isEmpty);
		}
		// Every pool thread is held, so the chunks the job has claimed wait in the pool's queue: the job
		// is running, and cannot finish before it is cancelled, however the machine schedules the threads.
		try (PoolBlock held = PoolBlock.of(this.pool)) {
			location = submit(FRACTIONAL, "text/csv").headers().firstValue("Location").orElseThrow();
			awaitStatus(location, "running");
			HttpResponse<String> cancelled = http().delete(location);
			assertThat(cancelled.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(cancelled.body()).get("status").asString()).isEqualTo("cancelled");
			JsonNode status = JSON.readTree(get(location, "application/json").body());
			assertThat(status.get("status").asString()).isEqualTo("cancelled");
			assertThat(status.get("progress").get("products_done").asInt()).isZero();
		}
		HttpResponse<String> noResults = get(location + "/rows", "text/csv");
		assertThat(noResults.statusCode()).isEqualTo(409);
		assertThat(noResults.body()).contains("urn:stockcast:problem:job-not-succeeded");

		String finished = submitAndAwait(FRACTIONAL);
		assertThat(http().delete(finished).statusCode()).isEqualTo(204);
		assertThat(get(finished, "application/json").statusCode()).isEqualTo(404);
		assertThat(get(finished + "/rows", "text/csv").statusCode()).isEqualTo(404);
		assertThat(http().delete(location).statusCode()).isEqualTo(204);
	}

	@Test
	void sameIdempotencyKeyAndBodyIsTheSameJob() throws Exception {
		String key = "key-" + System.nanoTime();
		HttpResponse<String> first = submit(FRACTIONAL, "text/csv", "Idempotency-Key", key);
		HttpResponse<String> second = submit(FRACTIONAL, "text/csv", "Idempotency-Key", key);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		JsonNode jobs = JSON.readTree(get("/forecasts?limit=500", "application/json").body()).get("items");
		long withThatId = 0;
		for (JsonNode job : jobs) {
			if (first.headers().firstValue("Location").orElseThrow().endsWith(job.get("id").asString())) {
				withThatId++;
			}
		}
		assertThat(withThatId).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
		String key = "key-" + System.nanoTime();
		assertThat(submit(FRACTIONAL, "text/csv", "Idempotency-Key", key).statusCode()).isEqualTo(202);
		String other = FRACTIONAL.replace("432.87", "432.88");
		HttpResponse<String> refused = submit(other, "text/csv", "Idempotency-Key", key);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("urn:stockcast:problem:idempotency-key-reused");
	}

	@Test
	void badInputCreatesNoJob() throws Exception {
		int before = JSON.readTree(get("/forecasts?limit=500", "application/json").body()).get("items").size();
		HttpResponse<String> refused = submit(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n1,2/30/23,1,1,1,5\n",
				"text/csv");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("is not a calendar date");
		int after = JSON.readTree(get("/forecasts?limit=500", "application/json").body()).get("items").size();
		assertThat(after).isEqualTo(before);
	}

	/**
	 * 1,800 products at chunk-size 100: 18 chunks, so the upload writes a batch of 16 while the body is
	 * still arriving. About 2 s a database on a quiet machine.
	 */
	@Test
	void streamsALargeUploadInCsvGzipAndJsonIntoTheSynchronousAnswer() throws Exception {
		String csv = BigInput.csv(1_800, 5);
		String sync = http().post("/forecasts?view=summary", "text/csv", csv, "Accept", "text/csv").body();
		String json = csvAsJson(csv);
		List<HttpResponse<String>> accepted = List.of(submit(csv, "text/csv"),
				submitGzip(csv.getBytes(StandardCharsets.UTF_8)), submit(json, "application/json"));
		for (HttpResponse<String> response : accepted) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			String location = response.headers().firstValue("Location").orElseThrow();
			JsonNode done = awaitStatus(location, "succeeded");
			assertThat(done.get("progress").get("chunks_total").asInt()).isEqualTo(18);
			assertThat(get(location + "/summary", "text/csv").body()).isEqualTo(sync);
		}
	}

	/**
	 * A bad row after 16 chunks were stored: the same problem as the synchronous answer's, no job, and
	 * no chunk left in the database. About 0.5 s a database.
	 */
	@Test
	void aBadRowFarIntoAnUploadLeavesNoJobAndNoChunk() throws Exception {
		String csv = BigInput.csv(1_800, 5);
		int at = csv.indexOf("\nSKU-1700,") + 1;
		String bad = csv.substring(0, at) + csv.substring(at).replaceFirst(",2024-", ",2023-02-30x");
		int jobsBefore = this.jdbc.queryForObject("select count(*) from forecast_job", Integer.class);
		int chunksBefore = this.jdbc.queryForObject("select count(*) from forecast_chunk", Integer.class);
		clearInvocations(this.store);

		HttpResponse<String> refused = submit(bad, "text/csv");
		HttpResponse<String> sync = http().post("/forecasts", "text/csv", bad);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"line\":1701").isEqualTo(sync.body());
		verify(this.store, atLeastOnce()).stageChunks(any(), any());
		verify(this.store).discard(any());
		assertThat(this.jdbc.queryForObject("select count(*) from forecast_job", Integer.class)).isEqualTo(jobsBefore);
		assertThat(this.jdbc.queryForObject("select count(*) from forecast_chunk", Integer.class)).isEqualTo(chunksBefore);
		assertThat(this.jdbc.queryForObject("select count(*) from forecast_job where status = 'staging'", Integer.class))
			.isZero();
	}

	private HttpResponse<String> submitGzip(byte[] csv) {
		return http().post("/forecasts", "text/csv", TestResources.gzip(csv), "Prefer", "respond-async",
				"Content-Encoding", "gzip");
	}

	/** The same products as a JSON array, every value a string as the CSV gave it. */
	private static String csvAsJson(String csv) {
		String[] lines = csv.split("\n");
		String[] names = lines[0].split(",");
		StringBuilder json = new StringBuilder("[");
		for (int l = 1; l < lines.length; l++) {
			String[] values = lines[l].split(",");
			json.append((l > 1) ? ",{" : "{");
			for (int c = 0; c < names.length; c++) {
				json.append((c > 0) ? "," : "").append('"').append(names[c]).append("\":\"").append(values[c]).append('"');
			}
			json.append('}');
		}
		return json.append(']').toString();
	}

	@Test
	void listsRecentJobsNewestFirstByStatusAndPage() throws Exception {
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			mine.add(submitAndAwait(FRACTIONAL.replace("432.87", "43" + i + ".5")));
		}
		JsonNode page1 = JSON.readTree(get("/forecasts?status=succeeded&limit=2", "application/json").body());
		assertThat(page1.get("items")).hasSize(2);
		assertThat("/forecasts/" + page1.get("items").get(0).get("id").asString()).isEqualTo(mine.get(2));
		assertThat("/forecasts/" + page1.get("items").get(1).get("id").asString()).isEqualTo(mine.get(1));
		JsonNode page2 = JSON.readTree(get(page1.get("next").asString(), "application/json").body());
		assertThat("/forecasts/" + page2.get("items").get(0).get("id").asString()).isEqualTo(mine.get(0));
		for (JsonNode job : page2.get("items")) {
			assertThat(job.get("status").asString()).isEqualTo("succeeded");
		}
		assertThat(get("/forecasts?status=lost", "application/json").statusCode()).isEqualTo(400);
	}

	@Test
	void publishesJobCountsByStatusAndChunkProgressAsGauges() throws Exception {
		double succeeded = jobGauge("status", "succeeded");
		assertThat(succeeded).isNotNaN();
		String location = submitAndAwait(FRACTIONAL);
		int chunks = awaitStatus(location, "succeeded").get("progress").get("chunks_total").asInt();
		assertThat(chunks).isGreaterThan(1);
		await().atMost(JOB_DEADLINE).until(() -> jobGauge("status", "succeeded"), counted -> counted >= succeeded + 1);
		// NaN is what a gauge shows when reading the store failed, and NaN passes isNotNegative.
		for (JobStatus status : JobStatus.values()) {
			assertThat(jobGauge("status", status.text())).as(status.text()).isNotNaN().isNotNegative();
		}
		assertThat(jobGauge("state", "done")).isNotNaN().isNotNegative();
		assertThat(jobGauge("state", "left")).isNotNaN().isNotNegative();
	}

	/** A job gauge as Prometheus scrapes it: {@code stockcast_jobs} by status, {@code stockcast_jobs_chunks} by state. */
	private double jobGauge(String tag, String value) throws Exception {
		String name = tag.equals("status") ? "stockcast_jobs" : "stockcast_jobs_chunks";
		return Scrapes.sample(management().get("/actuator/prometheus").body(),
				name + "{application=\"stockcast\"," + tag + "=\"" + value + "\"}");
	}

	@Test
	void unknownJobIsNotFound() throws Exception {
		HttpResponse<String> missing = get("/forecasts/" + java.util.UUID.randomUUID(), "application/json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("urn:stockcast:problem:job-not-found");
		assertThat(get("/forecasts/not-a-uuid/rows", "text/csv").statusCode()).isEqualTo(404);
	}

	@Test
	void storesEveryScenarioWithTheSynchronousAnswerInEveryView() throws Exception {
		String[] queries = { "?policy=lost-sales", "?reorder_point=20&order_quantity=50&lead_time_days=3",
				"?policy=lost-sales&demand=poisson&trials=20&seed=7", "?demand=normal&sales_std=2&trials=10&seed=-3",
				"" };
		for (String query : queries) {
			HttpResponse<String> accepted = submitTo("/forecasts" + query, FRACTIONAL, "text/csv");
			assertThat(accepted.statusCode()).as(query).isEqualTo(202);
			String location = accepted.headers().firstValue("Location").orElseThrow();
			JsonNode done = awaitStatus(location, "succeeded");
			assertThat(done.get("progress").get("chunks_total").asInt()).isEqualTo(10);
			String separator = query.isEmpty() ? "?" : "&";
			for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
				assertThat(get(location + "/rows", accept).body()).as(query + " " + accept)
					.isEqualTo(sync(query, accept));
				assertThat(get(location + "/summary", accept).body()).as(query + " " + accept)
					.isEqualTo(sync(query + separator + "view=summary", accept));
				assertThat(get(location + "/totals", accept).body()).as(query + " " + accept)
					.isEqualTo(sync(query + separator + "view=totals", accept));
				// The plan, stored in its own sections on every database (empty without an order policy).
				assertThat(get(location + "/orders", accept).body()).as(query + " " + accept)
					.isEqualTo(sync(query + separator + "view=orders", accept));
				assertThat(get(location + "/exceptions?within_days=30", accept).body()).as(query + " " + accept)
					.isEqualTo(sync(query + separator + "view=exceptions&within_days=30", accept));
			}
		}
	}

	@Test
	void pagesAScenarioJobsRowsByCursor() throws Exception {
		HttpResponse<String> accepted = submitTo("/forecasts?policy=lost-sales", FRACTIONAL, "text/csv");
		String location = accepted.headers().firstValue("Location").orElseThrow();
		awaitStatus(location, "succeeded");
		String whole = get(location + "/rows", "text/csv").body();
		String[] lines = whole.split("\n");
		StringBuilder paged = new StringBuilder(lines[0]).append('\n');
		String next = location + "/rows?limit=7001";
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = get(next, "text/csv");
			assertThat(page.statusCode()).isEqualTo(200);
			String body = page.body();
			paged.append(body, body.indexOf('\n') + 1, body.length());
			next = nextLink(page);
			pages++;
		}
		assertThat(pages).isEqualTo(9);
		assertThat(paged.toString()).isEqualTo(whole);

		String product = lines[1].substring(0, lines[1].indexOf(','));
		String one = get(location + "/rows?product_id=" + product, "text/csv").body();
		assertThat(one.split("\n")).hasSize(61).allMatch(line -> line.startsWith(product + ",")
				|| line.startsWith("product_id,"));
		String page = get(location + "/rows?product_id=" + product + "&limit=60", "text/csv").body();
		assertThat(page).isEqualTo(one);
	}

	@Test
	void storesSalesStatisticsAsAJobWithTheSynchronousAnswer() throws Exception {
		StringBuilder history = new StringBuilder("product_id,date,units\n");
		for (int day = 0; day < 40; day++) {
			for (int sku = 0; sku < 250; sku++) {
				history.append("S").append(sku).append(',').append(java.time.LocalDate.of(2024, 1, 1).plusDays(day))
					.append(',').append((sku * 7 + day * 3) % 11).append('\n');
			}
		}
		String csv = history.toString();
		HttpResponse<String> accepted = submitTo("/sales-statistics?trend_days=14", csv, "text/csv");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/sales-statistics/");
		JsonNode done = awaitStatus(location, "succeeded");
		assertThat(done.get("progress").get("products_total").asInt()).isEqualTo(250);
		assertThat(done.get("links").get("results").asString()).isEqualTo(location + "/results");
		assertThat(done.get("settings").get("scenario").get("trend_days").asInt()).isEqualTo(14);
		for (String accept : new String[] { "text/csv", "application/json", "application/x-ndjson" }) {
			String synchronous = http().post("/sales-statistics?trend_days=14", "text/csv", csv, "Accept", accept).body();
			assertThat(get(location + "/results", accept).body()).as(accept).isEqualTo(synchronous);
		}
		String whole = get(location + "/results", "text/csv").body();
		StringBuilder paged = new StringBuilder("product_id,count,mean,std,min,q1,median,q3,max,first_date,last_date,trend\n");
		String next = location + "/results?limit=60";
		while (next != null) {
			HttpResponse<String> page = get(next, "text/csv");
			paged.append(page.body(), page.body().indexOf('\n') + 1, page.body().length());
			next = nextLink(page);
		}
		assertThat(paged.toString()).isEqualTo(whole);
		assertThat(get(location + "/results?product_id=S7", "text/csv").body().lines()).hasSize(2);
		// Another client finds nothing there, by any verb.
		for (String path : new String[] { location, location + "/results" }) {
			assertThat(http().as(TestKeys.OTHER_KEY).get(path)
				.statusCode()).isEqualTo(404);
		}
		assertThat(http().as(TestKeys.OTHER_KEY).delete(location)
			.statusCode()).isEqualTo(404);
		// Its resources are its own: not a forecast job's.
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(get("/forecasts/" + id, "application/json").statusCode()).isEqualTo(404);
		assertThat(http().delete(location).statusCode()).isEqualTo(204);
		assertThat(get(location, "application/json").statusCode()).isEqualTo(404);
	}

}
