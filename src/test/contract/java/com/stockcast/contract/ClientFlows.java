package com.stockcast.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockcast.contract.api.ForecastJobsApi;
import com.stockcast.contract.api.ForecastsApi;
import com.stockcast.contract.api.SalesStatisticsApi;
import com.stockcast.contract.invoker.ApiClient;
import com.stockcast.contract.invoker.ApiException;
import com.stockcast.contract.invoker.ApiResponse;
import com.stockcast.contract.model.ForecastRecord;
import com.stockcast.contract.model.ForecastRow;
import com.stockcast.contract.model.PortfolioTotal;
import com.stockcast.contract.model.JobView;
import com.stockcast.contract.model.ProblemDetail;
import com.stockcast.contract.model.Product;
import com.stockcast.contract.model.Sale;
import com.stockcast.contract.model.SalesStatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The core flows of issue 15, through the Java client that openapi-generator makes from the service's
 * description. GeneratedClientTest compiles this file with the generated sources (so it names the
 * generated classes and methods, and changes when the description does) and calls
 * {@link #accept(String, String)} with the service's base URI and an API key.
 *
 * <p>
 * A flow uses the generated operation wherever the generated API has one for its exchange. Where it has
 * none, the flow goes through the generated client's own transport (its {@link ApiClient}'s base URI,
 * {@code HttpClient}, request interceptor, which adds the key, and {@code ObjectMapper}, reading into
 * the generated models), and a comment says what forced it.
 *
 * <p>
 * Every flow runs; the failures are reported together. The product of the forecasts: 50 units on
 * 2024-01-01, 10 sold and 8 received a day, 5 days, so the stock falls by 2 a day, from 48 to 40.
 */
public final class ClientFlows implements BiConsumer<String, String> {

	private static final String PRODUCT_CSV = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
			+ "A,2024-01-01,50,10,8,5\n";

	private static final Product PRODUCT = new Product().productId("A")
		.sellStartDate("2024-01-01")
		.initialInventory(50.0)
		.salesRate(10.0)
		.restockingRate(8.0)
		.durationDays(5);

	/** The rows of PRODUCT: product, date, level, sales, restocking. */
	private static final org.assertj.core.groups.Tuple[] FALLS_BY_TWO_A_DAY = {
			tuple("A", LocalDate.parse("2024-01-01"), 48.0, 10.0, 8.0), tuple("A", LocalDate.parse("2024-01-02"), 46.0, 10.0, 8.0),
			tuple("A", LocalDate.parse("2024-01-03"), 44.0, 10.0, 8.0), tuple("A", LocalDate.parse("2024-01-04"), 42.0, 10.0, 8.0),
			tuple("A", LocalDate.parse("2024-01-05"), 40.0, 10.0, 8.0) };

	private static final String[] ROWS_CSV = { "product_id,update_date,inventory_level,sales,restocking",
			"A,2024-01-01,48,10,8", "A,2024-01-02,46,10,8", "A,2024-01-03,44,10,8", "A,2024-01-04,42,10,8",
			"A,2024-01-05,40,10,8" };

	@Override
	public void accept(String baseUri, String apiKey) {
		ApiClient client = new ApiClient();
		client.updateBaseUri(baseUri);
		client.setRequestInterceptor(request -> request.setHeader("X-API-Key", apiKey));
		Map<String, Flow> flows = new LinkedHashMap<>();
		flows.put("(a) sync forecast, JSON products answered as JSON", this::syncForecastFromJsonAnsweredAsJson);
		flows.put("(b) sync forecast, CSV answered as CSV", this::syncForecastFromCsvAnsweredAsCsv);
		flows.put("(c) async job submitted, polled and fetched", this::asyncJobSubmittedPolledAndFetched);
		flows.put("(d) sales statistics", this::salesStatistics);
		flows.put("(e) bad request answered as a typed problem", this::badRequestAnsweredAsTypedProblem);
		List<String> passed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		AssertionError failures = new AssertionError();
		flows.forEach((name, flow) -> {
			try {
				flow.run(client);
				passed.add(name);
			}
			catch (Throwable ex) {
				failed.add(name + ":\n      " + ex.toString().replace("\n", "\n      "));
				failures.addSuppressed(ex);
			}
		});
		if (!failed.isEmpty()) {
			AssertionError error = new AssertionError(failed.size() + " of " + flows.size()
					+ " flows failed through the generated client:\n  - " + String.join("\n  - ", failed)
					+ "\npassed: " + passed);
			for (Throwable ex : failures.getSuppressed()) {
				error.addSuppressed(ex);
			}
			throw error;
		}
	}

	/** (a) POST /forecasts with a JSON product list, answered as JSON records. */
	void syncForecastFromJsonAnsweredAsJson(ApiClient client) throws Exception {
		List<ForecastRecord> records = forecast(new ForecastsApi(client), List.of(PRODUCT), null);
		assertThat(records)
			.extracting(ForecastRecord::getProductId, ForecastRecord::getUpdateDate, ForecastRecord::getInventoryLevel,
					ForecastRecord::getSales, ForecastRecord::getRestocking)
			.containsExactly(FALLS_BY_TWO_A_DAY);
		List<ForecastRecord> summary = forecast(new ForecastsApi(client), List.of(PRODUCT), "summary");
		assertThat(summary).singleElement().satisfies(product -> {
			assertThat(product.getProductId()).isEqualTo("A");
			assertThat(product.getStockoutDate()).isNull();
			assertThat(product.getMinInventoryLevel()).isEqualTo(40.0);
		});
	}

	/** (b) POST /forecasts with a CSV product list, answered as CSV. */
	void syncForecastFromCsvAnsweredAsCsv(ApiClient client) throws Exception {
		// Transport: the generated forecast(...) sends JSON products and reads JSON records, the first of
		// the operation's request and answer types: openapi-generator binds one of each per operation
		// (OpenAPITools/openapi-generator#3990, #144), so a CSV body and a CSV answer have no method.
		HttpResponse<String> answer = send(client, "POST", "/forecasts", "text/csv", PRODUCT_CSV, "Accept", "text/csv");
		assertThat(answer.statusCode()).as("status; body %s", answer.body()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv"));
		assertThat(answer.body().lines()).containsExactly(ROWS_CSV);
	}

	/**
	 * (c) The same forecast as a job: submitted (202, Location), polled until it succeeded, its rows
	 * fetched page by page, its summary and totals, then deleted.
	 */
	void asyncJobSubmittedPolledAndFetched(ApiClient client) throws Exception {
		ObjectMapper json = client.getObjectMapper();
		// Transport: the generated forecast(...) parses every 2xx body as the 200's list of records
		// (OpenAPITools/openapi-generator#144), so the 202's job view is read here, into the generated model.
		HttpResponse<String> submitted = send(client, "POST", "/forecasts", "application/json",
				json.writeValueAsString(List.of(PRODUCT)), "Accept", "application/json", "Prefer", "respond-async");
		assertThat(submitted.statusCode()).as("status; body %s", submitted.body()).isEqualTo(202);
		JobView job = json.readValue(submitted.body(), JobView.class);
		String id = job.getId().toString();
		assertThat(submitted.headers().firstValue("Location")).hasValue("/forecasts/" + id);

		ForecastJobsApi jobs = new ForecastJobsApi(client);
		JobView done = await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jobs.getForecastJob(id), view -> view.getStatus() != JobView.StatusEnum.QUEUED
					&& view.getStatus() != JobView.StatusEnum.RUNNING);
		assertThat(done.getStatus()).as("job %s: %s", id, done).isEqualTo(JobView.StatusEnum.SUCCEEDED);
		assertThat(done.getRowsTotal()).isEqualTo(5L);
		assertThat(done.getProgress().getProductsDone()).isEqualTo(1);
		assertThat(done.getLinks()).containsEntry("rows", "/forecasts/" + id + "/rows");

		// Page by page: three rows, then the Link's cursor to the last two.
		ApiResponse<List<ForecastRow>> first = jobs.getForecastJobRowsWithHttpInfo(id, null, 3, null);
		String link = first.getHeaders().get("link").get(0);
		String cursor = link.substring(link.indexOf("cursor=") + "cursor=".length(), link.indexOf('>'));
		List<ForecastRow> rows = new ArrayList<>(first.getData());
		rows.addAll(jobs.getForecastJobRows(id, null, 3, java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8)));
		assertThat(rows)
			.extracting(ForecastRow::getProductId, ForecastRow::getUpdateDate, ForecastRow::getInventoryLevel,
					ForecastRow::getSales, ForecastRow::getRestocking)
			.containsExactly(FALLS_BY_TWO_A_DAY);
		assertThat(jobs.getForecastJobSummary(id, "A", null, null)).singleElement()
			.satisfies(summary -> assertThat(summary.getEndingInventoryLevel()).isEqualTo(40.0));
		assertThat(jobs.getForecastJobTotals(id)).extracting(PortfolioTotal::getSkus).containsOnly(1);
		assertThat(jobs.deleteForecastJobWithHttpInfo(id).getStatusCode()).isEqualTo(204);
	}

	/** (d) POST /sales-statistics with a JSON sales history, answered as JSON records. */
	void salesStatistics(ApiClient client) throws Exception {
		List<Sale> sales = List.of(sale("A", "2024-01-01", 3), sale("A", "2024-01-02", 5), sale("B", "2024-01-01", 4),
				sale("A", "2024-01-03", 7));
		List<SalesStatistics> statistics = new SalesStatisticsApi(client).computeSalesStatistics(sales, null, null, null);
		// A: 3, 5, 7 on three days in a row. B: one day, so no spread and no trend.
		assertThat(statistics)
			.extracting(SalesStatistics::getProductId, SalesStatistics::getCount, SalesStatistics::getMean,
					SalesStatistics::getStd, SalesStatistics::getMin, SalesStatistics::getQ1,
					SalesStatistics::getMedian, SalesStatistics::getQ3, SalesStatistics::getMax,
					SalesStatistics::getFirstDate, SalesStatistics::getLastDate, SalesStatistics::getTrend)
			.containsExactly(
					tuple("A", 3, 5.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, LocalDate.parse("2024-01-01"),
							LocalDate.parse("2024-01-03"), 2.0),
					tuple("B", 1, 4.0, null, 4.0, 4.0, 4.0, 4.0, 4.0, LocalDate.parse("2024-01-01"),
							LocalDate.parse("2024-01-01"), null));
	}

	/** (e) A negative sales rate: 400, application/problem+json, read as the generated problem model. */
	void badRequestAnsweredAsTypedProblem(ApiClient client) throws Exception {
		Product negative = new Product().productId("A")
			.sellStartDate("2024-01-01")
			.initialInventory(50.0)
			.salesRate(-10.0)
			.restockingRate(8.0)
			.durationDays(5);
		ApiException refused;
		try {
			forecast(new ForecastsApi(client), List.of(PRODUCT, negative), null);
			throw new AssertionError("a negative sales_rate was answered with a success");
		}
		catch (ApiException ex) {
			refused = ex;
		}
		assertThat(refused.getCode()).as("status; body %s", refused.getResponseBody()).isEqualTo(400);
		assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
		ProblemDetail problem = client.getObjectMapper().readValue(refused.getResponseBody(), ProblemDetail.class);
		assertThat(problem.getType()).isEqualTo(URI.create("urn:stockcast:problem:invalid-input"));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getTitle()).isNotBlank();
		assertThat(problem.getInstance()).isEqualTo("/forecasts");
		assertThat(problem.getErrorCount()).isEqualTo(1);
		assertThat(problem.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getIndex()).isEqualTo(1);
			assertThat(error.getColumn()).isEqualTo("sales_rate");
			assertThat(error.getValue()).startsWith("-10");
			assertThat(error.getReason()).isNotBlank();
		});
	}

	/**
	 * The generated forecast operation with only the view given: the other 29 parameters (three headers and
	 * the query parameters) are optional. A new query parameter adds a null here: the generator passes
	 * them by position.
	 */
	private static List<ForecastRecord> forecast(ForecastsApi api, List<Product> products, String view)
			throws ApiException {
		return api.forecast(products, null, null, null, view, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static Sale sale(String product, String date, double units) {
		return new Sale().productId(product).date(date).units(units);
	}

	/**
	 * A request through the generated client's transport: its base URI, HttpClient, read timeout and
	 * request interceptor; {@code headers} are name, value pairs.
	 */
	private static HttpResponse<String> send(ApiClient client, String method, String path, String contentType,
			String body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (client.getReadTimeout() != null) {
			request.timeout(client.getReadTimeout());
		}
		client.getRequestInterceptor().accept(request);
		return client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@FunctionalInterface
	private interface Flow {

		void run(ApiClient client) throws Exception;

	}

}
