package com.stockcast.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.stockcast.ApiDescription;
import com.stockcast.history.HistoryRates;
import com.stockcast.intake.HistoryReader;
import com.stockcast.intake.IntakeLimits;
import com.stockcast.intake.InvalidInputException;
import com.stockcast.intake.ProductChunks;
import com.stockcast.intake.ProductListReader;
import com.stockcast.intake.RequestDefaults;
import com.stockcast.jobs.ForecastJobs;
import com.stockcast.jobs.JobResources;
import com.stockcast.jobs.JobView;
import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.metrics.Outcome;
import com.stockcast.output.Answer;
import com.stockcast.output.Format;
import com.stockcast.output.ListFeatures;
import com.stockcast.output.View;
import com.stockcast.parallel.ChunkedRun;
import com.stockcast.parallel.ChunkedRuns;
import com.stockcast.security.Client;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * {@code POST /forecasts}: a product list in (CSV, JSON or a CSV upload), its forecast streamed back
 * in the format the caller accepts. The whole input is validated before anything is computed.
 */
@RestController
@RequestMapping("/forecasts")
@Tag(name = ApiDescription.FORECASTS)
class ForecastController {

	static final String NDJSON = "application/x-ndjson";

	static final String CSV = "text/csv";

	private static final String CSV_EXAMPLE = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days
			SKU-1,2024-01-01,50,10,8,30
			SKU-2,1/1/24,5,1,0,30
			""";

	static final String PREFER = "Prefer";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ProductListReader reader;

	private final ChunkedRuns runs;

	private final ForecastMetrics metrics;

	private final ForecastJobs jobs;

	private final JobResources jobResources;

	private final IntakeLimits limits;

	private final HistoryReader histories;

	ForecastController(ProductListReader reader, ChunkedRuns runs, ForecastMetrics metrics, ForecastJobs jobs,
			JobResources jobResources, IntakeLimits limits, HistoryReader histories) {
		this.reader = reader;
		this.histories = histories;
		this.runs = runs;
		this.metrics = metrics;
		this.jobs = jobs;
		this.jobResources = jobResources;
		this.limits = limits;
	}

	@Operation(operationId = "forecast", summary = "Forecast a product list",
			description = "Simulates every product day by day and streams the answer back in the format Accept names: "
					+ "one row per period (view=rows), one summary per product (view=summary), one total per date "
					+ "(view=totals) or one row per planned order (view=orders), grouped by product in input order; "
					+ "or one row per product that needs an order now (view=exceptions), sorted by urgency. The body is a JSON array of products, CSV "
					+ "(raw, or a multipart part named 'file', with an optional 'history' part and an optional "
					+ "'receipts' part), and may be gzip-compressed (Content-Encoding: gzip). Scheduled receipts "
					+ "(open orders: product_id, date, units) come in the 'receipts' part as CSV, or in a JSON body "
					+ "that is an object in place of the array: {\"products\": [Product, ...], \"receipts\": "
					+ "[{\"product_id\": ..., \"date\": ..., \"units\": ...}, ...]}; each is added to its product's "
					+ "stock on its date, and the rows then show a receipts column. The whole input is validated "
					+ "before anything is computed. Query parameters named like input columns fill in what rows leave out. With Prefer: "
					+ "respond-async the forecast is stored as a job instead: 202 with its status and Location.",
			parameters = {
					@Parameter(in = ParameterIn.HEADER, name = PREFER, example = "respond-async",
							description = "respond-async stores the forecast as a job and answers 202 at once (RFC 7240)",
							schema = @Schema(type = "string")),
					@Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY,
							description = "With respond-async: a key of the caller's; the same key with the same request "
									+ "answers the job it created, with another request 422",
							schema = @Schema(type = "string", minLength = 1, maxLength = 255)),
					@Parameter(in = ParameterIn.HEADER, name = HttpHeaders.CONTENT_ENCODING,
							description = "gzip when the caller compressed the body (CSV or JSON; not a multipart body)",
							schema = @Schema(type = "string", allowableValues = { "gzip", "identity" })) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.Product.class)),
							examples = @ExampleObject(name = "two products", value = """
									[{"product_id":"SKU-1","sell_start_date":"2024-01-01","initial_inventory":50,\
									"sales_rate":10,"restocking_rate":8,"duration_days":30},
									{"product_id":"SKU-2","sell_start_date":"2024-01-01","initial_inventory":5,\
									"sales_rate":1,"restocking_rate":0,"duration_days":30}]""")),
					@Content(mediaType = CSV, schema = @Schema(type = "string", example = CSV_EXAMPLE)),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = Upload.class)) }))
	@ApiResponse(responseCode = "200", description = "The forecast, streamed: rows, summaries or totals as view asks",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(ref = "#/components/schemas/" + ApiSchemas.RECORD))),
					@Content(mediaType = CSV, schema = @Schema(type = "string",
							example = "product_id,update_date,inventory_level,sales,restocking\nSKU-1,2024-01-01,48,10,8\n")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string",
							description = "One ForecastRecord per line")) })
	@ApiResponse(responseCode = "202", description = "Stored as a job (Prefer: respond-async): its status",
			headers = { @Header(name = HttpHeaders.LOCATION, description = "The job: /forecasts/{id}",
					schema = @Schema(type = "string")),
					@Header(name = "Preference-Applied", description = "respond-async", schema = @Schema(type = "string")) },
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JobView.class)))
	@ApiResponse(responseCode = "400", description = "Invalid input: every bad value with its line (or index) and column")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "408", description = "The body arrived slower than the least upload rate")
	@ApiResponse(responseCode = "413", description = "Body, product count or trials over the limits")
	@ApiResponse(responseCode = "415", description = "A body that is not JSON, CSV or multipart, or not valid gzip")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key reused for a different request")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void forecastJson(@ParameterObject ForecastOptions options, @AuthenticationPrincipal Client owner,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Fingerprint fingerprint = fingerprint("application/json", request, options);
		InputStream body = fingerprint.tee(request.getInputStream());
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		long length = request.getContentLengthLong();
		respond(options, request, response, owner, fingerprint,
				new Source(() -> this.reader.readJson(body, encoding, length, defaults(options)),
						chunks -> this.reader.streamJson(body, encoding, length, defaults(options), chunks)));
	}

	@Operation(hidden = true) // described with the JSON operation: one path, one operation
	@PostMapping(consumes = CSV, produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void forecastCsv(@ParameterObject ForecastOptions options, @AuthenticationPrincipal Client owner,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Fingerprint fingerprint = fingerprint("text/csv", request, options);
		InputStream body = fingerprint.tee(request.getInputStream());
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		long length = request.getContentLengthLong();
		respond(options, request, response, owner, fingerprint,
				new Source(() -> this.reader.readCsv(body, encoding, length, defaults(options)),
						chunks -> this.reader.streamCsv(body, encoding, length, defaults(options), chunks)));
	}

	@Operation(hidden = true)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void forecastUpload(@ParameterObject ForecastOptions options,
			@RequestPart("file") MultipartFile file,
			@RequestPart(name = "history", required = false) MultipartFile history,
			@RequestPart(name = "receipts", required = false) MultipartFile receipts,
			@AuthenticationPrincipal Client owner, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Fingerprint fingerprint = fingerprint("upload", request, options);
		try (InputStream in = file.getInputStream()) {
			fingerprint.readAll(in);
		}
		if (history != null) {
			try (InputStream in = history.getInputStream()) {
				fingerprint.readAll(in);
			}
		}
		if (receipts != null) {
			fingerprint.part("receipts");
			try (InputStream in = receipts.getInputStream()) {
				fingerprint.readAll(in);
			}
		}
		Supplier<RequestDefaults> defaults = () -> (history == null) ? defaults(options) : withHistory(options, history);
		respond(options, request, response, owner, fingerprint,
				new Source(() -> this.reader.readUpload(file, receipts, defaults.get()),
						chunks -> this.reader.streamUpload(file, receipts, defaults.get(), chunks)));
	}

	/**
	 * A request's product list, read whole for an answer, or handed on chunk by chunk as it streams in
	 * for a job.
	 */
	private record Source(Supplier<Products> whole, Consumer<ProductChunks> streamed) {
	}

	private void respond(ForecastOptions options, HttpServletRequest request, HttpServletResponse response,
			Client owner, Fingerprint fingerprint, Source read) {
		Timer.Sample sample = this.metrics.startRequest();
		Format format = Format.negotiate(request.getHeader(HttpHeaders.ACCEPT));
		String[] view = { "unknown" };
		Outcome.record(() -> {
			View parsedView = options.parsedView();
			view[0] = parsedView.tag();
			Scenario scenario = options.scenario(this.limits.maxTrials());
			boolean async = ForecastJobs.prefersAsync(request.getHeader(PREFER));
			int withinDays = options.withinDays(parsedView, async, this.limits.maxDurationDays());
			boolean storeRows = options.storeRows(async);
			if (async) {
				submit(owner, read, options, scenario, storeRows, request.getHeader(IDEMPOTENCY_KEY), fingerprint,
						response);
				return Outcome.ACCEPTED;
			}
			Products products = read.whole().get();
			this.limits.checkTrialDays(products.days(0, products.size()), scenario.trials());
			Answer answer = new Answer(format, parsedView, scenario, ListFeatures.of(products), withinDays);
			try (ChunkedRun run = this.runs.start(new ForecastWork(products, answer, this.metrics))) {
				return Outcome.stream(response, format.mediaType().toString(), run::writeTo);
			}
		}, outcome -> this.metrics.requestDone(sample, outcome, format.tag(), view[0]));
	}

	/**
	 * Stores the forecast as a job, its input chunk by chunk as it streams in, and answers 202 with where
	 * to follow it (RFC 7240 respond-async). A bad row, or a body that breaks off, leaves nothing stored.
	 */
	private void submit(Client owner, Source read, ForecastOptions options, Scenario scenario, boolean storeRows,
			String idempotencyKey, Fingerprint fingerprint, HttpServletResponse response) {
		String key = (idempotencyKey == null || idempotencyKey.isBlank()) ? null : idempotencyKey.strip();
		if (key != null && key.length() > 255) {
			throw InvalidInputException.forParameter(IDEMPOTENCY_KEY, key, "must be at most 255 characters");
		}
		try (ForecastJobs.Upload upload = this.jobs.upload(owner, scenario, storeRows, key)) {
			read.streamed().accept(upload);
			this.limits.checkTrialDays(upload.days(), scenario.trials());
			this.jobResources.accepted(upload.publish(options.defaults().asMap(), fingerprint.hex()), response);
		}
	}

	/** The request's defaults without a sales history, which demand_profile=weekday needs. */
	private static RequestDefaults defaults(ForecastOptions options) {
		options.weekdayProfile(false);
		return options.defaults();
	}

	/** The request's defaults with the sales history's rates, and its weekday profiles when asked for. */
	private RequestDefaults withHistory(ForecastOptions options, MultipartFile history) {
		boolean weekday = options.weekdayProfile(true);
		RequestDefaults defaults = options.defaults().withHistory(HistoryRates.of(this.histories.readUpload(history)));
		return weekday ? defaults.withWeekdayProfiles() : defaults;
	}

	/** A digest of the request where an idempotency key will be checked against it; none otherwise. */
	private static Fingerprint fingerprint(String kind, HttpServletRequest request, ForecastOptions options) {
		String key = request.getHeader(IDEMPOTENCY_KEY);
		if (key == null || key.isBlank() || !ForecastJobs.prefersAsync(request.getHeader(PREFER))) {
			return Fingerprint.NONE;
		}
		java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(options.defaults().asMap());
		parameters.putAll(options.scenarioParameters());
		return Fingerprint.of(kind, request.getHeader(HttpHeaders.CONTENT_ENCODING), parameters);
	}

	/** The multipart form, for the OpenAPI description. */
	@Schema(name = "ForecastUpload",
			description = "A product list uploaded as a form, with an optional sales history and optional scheduled receipts")
	record Upload(@Schema(description = "The product list as CSV, as curl -F file=@products.csv sends it",
			type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
			@Schema(description = "Optional daily sales history as CSV (product_id,date,units), as POST "
					+ "/sales-statistics takes it: a product whose row gives no sales_rate takes its mean daily "
					+ "sales, and unless the row gives one, their standard deviation as sales_std",
					type = "string", format = "binary") String history,
			@Schema(description = "Optional scheduled receipts (open purchase orders and transfers) as CSV "
					+ "product_id,date,units: units > 0 reach the product on that date, which must fall within its "
					+ "projection; several receipts of one product and day are added up",
					type = "string", format = "binary") String receipts) {
	}

}
