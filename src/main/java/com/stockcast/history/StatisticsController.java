package com.stockcast.history;

import java.io.IOException;
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

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.stockcast.ApiDescription;
import com.stockcast.intake.HistoryReader;
import com.stockcast.intake.InvalidInputException;
import com.stockcast.intake.SalesHistory;
import com.stockcast.jobs.ForecastJobs;
import com.stockcast.jobs.JobResources;
import com.stockcast.jobs.JobView;
import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.metrics.Outcome;
import com.stockcast.output.Format;
import com.stockcast.parallel.ChunkedRun;
import com.stockcast.parallel.ChunkedRuns;
import com.stockcast.security.Client;

/**
 * {@code POST /sales-statistics}: a daily sales history in (CSV, JSON or a CSV upload), one record of
 * statistics per SKU back, in order of first appearance, computed in chunks on the forecast pool.
 */
@RestController
@RequestMapping("/sales-statistics")
@Tag(name = ApiDescription.STATISTICS)
class StatisticsController {

	static final String CSV = "text/csv";

	static final String NDJSON = "application/x-ndjson";

	private final HistoryReader reader;

	private final ChunkedRuns runs;

	private final ForecastMetrics metrics;

	private final ForecastJobs jobs;

	private final JobResources jobResources;

	StatisticsController(HistoryReader reader, ChunkedRuns runs, ForecastMetrics metrics, ForecastJobs jobs,
			JobResources jobResources) {
		this.reader = reader;
		this.jobs = jobs;
		this.jobResources = jobResources;
		this.runs = runs;
		this.metrics = metrics;
	}

	@Operation(operationId = "computeSalesStatistics", summary = "Statistics of a daily sales history",
			description = "Reads daily sales (one row per product and day, in any order, products interleaved) and "
					+ "answers one record per product, in order of first appearance: count of days, mean, sample "
					+ "standard deviation, minimum, quartiles (linear interpolation, R type 7), maximum, first and "
					+ "last date, and the least-squares trend in units per day over the last trend_days days. Days "
					+ "not given are not zeros: send days without sales as rows with units 0. The body is a JSON "
					+ "array or CSV (raw, or a multipart part named 'file'); raw bodies may be gzip-compressed. With "
					+ "Prefer: respond-async the history is stored as a job instead: 202 with Location "
					+ "/sales-statistics/{id}, whose results are served at /sales-statistics/{id}/results.",
			parameters = {
					@Parameter(in = ParameterIn.HEADER, name = "Prefer", example = "respond-async",
							description = "respond-async stores the statistics as a job and answers 202 at once (RFC 7240)",
							schema = @Schema(type = "string")),
					@Parameter(in = ParameterIn.HEADER, name = HttpHeaders.CONTENT_ENCODING,
							description = "gzip when the caller compressed the body (CSV or JSON; not a multipart body)",
							schema = @Schema(type = "string", allowableValues = { "gzip", "identity" })) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = Sale.class)),
							examples = @ExampleObject(name = "two days of one product", value = """
									[{"product_id":"A","date":"2024-03-01","units":4},
									{"product_id":"A","date":"2024-03-02","units":6}]""")),
					@Content(mediaType = CSV, schema = @Schema(type = "string",
							example = "product_id,date,units\nA,2024-03-01,4\nA,2024-03-02,6\nB,3/1/24,0\n")),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = Upload.class)) }))
	@ApiResponse(responseCode = "200", description = "One record per product, in order of first appearance",
			content = { @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = Statistics.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string",
							example = "product_id,count,mean,std,min,q1,median,q3,max,first_date,last_date,trend\n"
									+ "A,2,5,1.4142,4,4.5,5,5.5,6,2024-03-01,2024-03-02,2\n")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One SalesStatistics per line")) })
	@ApiResponse(responseCode = "202", description = "Stored as a job (Prefer: respond-async): its status",
			headers = { @Header(name = HttpHeaders.LOCATION, description = "The job: /sales-statistics/{id}",
					schema = @Schema(type = "string")),
					@Header(name = "Preference-Applied", description = "respond-async", schema = @Schema(type = "string")) },
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JobView.class)))
	@ApiResponse(responseCode = "400",
			description = "Invalid input: every bad value, and every day given twice for a product, with its line (or index) and column")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "408", description = "The body arrived slower than the least upload rate")
	@ApiResponse(responseCode = "413", description = "Body or history rows over the limits")
	@ApiResponse(responseCode = "415", description = "A body that is not JSON, CSV or multipart, or not valid gzip")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void statisticsJson(@Parameter(name = "trend_days",
			description = "Days the trend covers, ending on each product's last date: 2..3660, default 28",
			schema = @Schema(type = "integer", minimum = "2", maximum = "3660", defaultValue = "28"))
			@RequestParam(name = "trend_days", required = false) String trendDays,
			@AuthenticationPrincipal Client owner, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var body = request.getInputStream();
		respond(trendDays, request, response, owner, () -> this.reader.readJson(body,
				request.getHeader(HttpHeaders.CONTENT_ENCODING), request.getContentLengthLong()));
	}

	@Operation(hidden = true) // described with the JSON operation: one path, one operation
	@PostMapping(consumes = CSV, produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void statisticsCsv(@RequestParam(name = "trend_days", required = false) String trendDays,
			@AuthenticationPrincipal Client owner, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var body = request.getInputStream();
		respond(trendDays, request, response, owner, () -> this.reader.readCsv(body,
				request.getHeader(HttpHeaders.CONTENT_ENCODING), request.getContentLengthLong()));
	}

	@Operation(hidden = true)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, CSV, NDJSON })
	void statisticsUpload(@RequestParam(name = "trend_days", required = false) String trendDays,
			@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Client owner, HttpServletRequest request,
			HttpServletResponse response) {
		respond(trendDays, request, response, owner, () -> this.reader.readUpload(file));
	}

	private void respond(String trendDaysParameter, HttpServletRequest request, HttpServletResponse response,
			Client owner, Supplier<SalesHistory> read) {
		Timer.Sample sample = this.metrics.startRequest();
		Format format = Format.negotiate(request.getHeader(HttpHeaders.ACCEPT));
		Outcome.record(() -> {
			int trendDays = trendDays(trendDaysParameter);
			SalesHistory history = read.get();
			if (ForecastJobs.prefersAsync(request.getHeader("Prefer"))) {
				// Stored as a job: 202 with where to follow it (RFC 7240 respond-async).
				this.jobResources.accepted(this.jobs.submitStatistics(owner, history, trendDays), response);
				return Outcome.ACCEPTED;
			}
			try (ChunkedRun run = this.runs.start(new StatisticsWork(history, trendDays, new StatisticsEncoder(format),
					this.metrics))) {
				return Outcome.stream(response, format.mediaType().toString(), run::writeTo);
			}
		}, outcome -> this.metrics.statisticsDone(sample, outcome, format.tag()));
	}

	static int trendDays(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return SalesStatistics.DEFAULT_TREND_DAYS;
		}
		String text = parameter.strip();
		int value;
		try {
			value = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			value = -1;
		}
		if (value < SalesStatistics.MIN_TREND_DAYS || value > SalesStatistics.MAX_TREND_DAYS
				|| !text.chars().allMatch(Character::isDigit)) {
			throw InvalidInputException.forHistoryParameter("trend_days", parameter, "must be a whole number from "
					+ SalesStatistics.MIN_TREND_DAYS + " to " + SalesStatistics.MAX_TREND_DAYS);
		}
		return value;
	}

	/** One sale, for the OpenAPI description. */
	@Schema(name = "Sale", description = "Units of one product sold on one day; the CSV columns have the same names")
	record Sale(
			@Schema(name = "product_id", description = "1..128 characters, kept exactly", example = "A", requiredMode = Schema.RequiredMode.REQUIRED) String productId,
			@Schema(name = "date", description = "2023-01-31, 1/31/23 or 1/31/2023; one row per product and day", example = "2024-03-01", requiredMode = Schema.RequiredMode.REQUIRED) String date,
			@Schema(name = "units", description = "Units sold that day: 0 to 10^15", minimum = "0", example = "4", requiredMode = Schema.RequiredMode.REQUIRED) double units) {
	}

	/** One product's statistics, for the OpenAPI description. */
	@Schema(name = "SalesStatistics", description = "One product's statistics; CSV has the same columns in this order, an empty cell for null")
	record Statistics(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, name = "product_id") String productId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Days given") int count,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Mean units per day given, 2 decimals") double mean,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Sample standard deviation (n - 1), 4 decimals; null below 2 days", nullable = true) Double std,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Fewest units") double min,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "First quartile (linear interpolation, R type 7), 2 decimals") double q1,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Median, 2 decimals") double median,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Third quartile, 2 decimals") double q3,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Most units") double max,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, name = "first_date", format = "date", description = "First day given, yyyy-MM-dd") String firstDate,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, name = "last_date", format = "date", description = "Last day given, yyyy-MM-dd") String lastDate,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Least-squares slope in units per day over the days within the last trend_days days, 4 decimals; null below 2 such days", nullable = true) Double trend) {
	}

	/** The multipart form, for the OpenAPI description. */
	@Schema(name = "SalesHistoryUpload", description = "A sales history uploaded as a form")
	record Upload(@Schema(description = "The sales history as CSV, as curl -F file=@sales.csv sends it",
			type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
	}

}
