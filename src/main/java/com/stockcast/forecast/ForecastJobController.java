package com.stockcast.forecast;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.stockcast.ApiDescription;
import com.stockcast.intake.IntakeLimits;
import com.stockcast.jobs.JobKind;
import com.stockcast.jobs.JobResources;
import com.stockcast.jobs.JobView;
import com.stockcast.output.View;
import com.stockcast.security.Client;

/**
 * Forecast jobs, made by {@code POST /forecasts} with {@code Prefer: respond-async}: status, results
 * (rows, summaries, totals, planned orders and exceptions; streamed, filterable, pageable), cancel and
 * delete.
 */
@RestController
@RequestMapping("/forecasts")
@Tag(name = ApiDescription.JOBS)
class ForecastJobController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private static final String CSV = ForecastController.CSV;

	private static final String NDJSON = ForecastController.NDJSON;

	private final JobResources jobs;

	private final IntakeLimits limits;

	ForecastJobController(JobResources jobs, IntakeLimits limits) {
		this.jobs = jobs;
		this.limits = limits;
	}

	@Operation(operationId = "getForecastJob", summary = "A job's status and progress",
			description = "Poll it until status is succeeded (then links names the results), failed (problem says why) "
					+ "or cancelled.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@GetMapping(path = "/{id}", produces = JSON)
	JobView status(@Parameter(description = "The job's id, from the 202 answer's Location") @PathVariable String id,
			@AuthenticationPrincipal Client owner) {
		return this.jobs.status(owner, JobKind.FORECAST, id);
	}

	@Operation(operationId = "getForecastJobRows", summary = "A succeeded job's rows",
			description = "The same rows as the synchronous answer with view=rows, in the format named by Accept. "
					+ "Without limit the whole result streams; with limit, a page, and a Link header (rel=next) to "
					+ "the next one.")
	@ApiResponse(responseCode = "200", description = "The rows, or a page of them",
			headers = @Header(name = HttpHeaders.LINK, description = "<...&cursor=...>; rel=\"next\" while rows remain",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.ForecastRow.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One ForecastRow per line")) })
	@ApiResponse(responseCode = "400", description = "A limit or cursor that is not valid")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet)")
	@GetMapping(path = "/{id}/rows", produces = { JSON, CSV, NDJSON })
	void rows(@PathVariable String id,
			@Parameter(description = "Only this product's rows") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size", schema = @Schema(type = "integer", format = "int32", minimum = "1")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.FORECAST, id, View.ROWS, View.ROWS.tag(), productId, limit, cursor, accept,
				response);
	}

	@Operation(operationId = "getForecastJobSummary", summary = "A succeeded job's summaries, one per product",
			description = "The same summaries as the synchronous answer with view=summary, filterable and paged as rows are.")
	@ApiResponse(responseCode = "200", description = "The summaries, or a page of them",
			headers = @Header(name = HttpHeaders.LINK, description = "<...&cursor=...>; rel=\"next\" while summaries remain",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.ForecastSummary.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One ForecastSummary per line")) })
	@ApiResponse(responseCode = "400", description = "A limit or cursor that is not valid")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet)")
	@GetMapping(path = "/{id}/summary", produces = { JSON, CSV, NDJSON })
	void summary(@PathVariable String id,
			@Parameter(description = "Only this product's summary") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size", schema = @Schema(type = "integer", format = "int32", minimum = "1")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.FORECAST, id, View.SUMMARY, View.SUMMARY.tag(), productId, limit,
				cursor, accept, response);
	}

	@Operation(operationId = "getForecastJobTotals", summary = "A succeeded job's portfolio totals, one per date",
			description = "The same totals as the synchronous answer with view=totals: per date, the products' stock, "
					+ "sales and restocking summed, and how many were out of stock. Small, so never paged.")
	@ApiResponse(responseCode = "200", description = "The totals",
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.PortfolioTotal.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One PortfolioTotal per line")) })
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet)")
	@GetMapping(path = "/{id}/totals", produces = { JSON, CSV, NDJSON })
	void totals(@PathVariable String id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) {
		this.jobs.writeTotals(owner, JobKind.FORECAST, id, accept, response);
	}

	@Operation(operationId = "getForecastJobOrders", summary = "A succeeded job's planned orders",
			description = "The same planned orders as the synchronous answer with view=orders: per product in input "
					+ "order, in the order placed; filterable and paged as rows are. Empty when no product has an "
					+ "order policy.")
	@ApiResponse(responseCode = "200", description = "The planned orders, or a page of them",
			headers = @Header(name = HttpHeaders.LINK, description = "<...&cursor=...>; rel=\"next\" while orders remain",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.PlannedOrder.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One PlannedOrder per line")) })
	@ApiResponse(responseCode = "400", description = "A limit or cursor that is not valid")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet), or was computed before plans were stored")
	@GetMapping(path = "/{id}/orders", produces = { JSON, CSV, NDJSON })
	void orders(@PathVariable String id,
			@Parameter(description = "Only this product's orders") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size", schema = @Schema(type = "integer", format = "int32", minimum = "1")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.FORECAST, id, View.ORDERS, View.ORDERS.tag(), productId, limit, cursor,
				accept, response);
	}

	@Operation(operationId = "getForecastJobExceptions", summary = "A succeeded job's exceptions: what needs an order now",
			description = "The same list as the synchronous answer with view=exceptions and the same within_days, sorted "
					+ "by urgency; the job keeps every product's first order, so each reader gives its own horizon. "
					+ "Paged as rows are.")
	@ApiResponse(responseCode = "200", description = "The exceptions, or a page of them",
			headers = @Header(name = HttpHeaders.LINK, description = "<...&cursor=...>; rel=\"next\" while exceptions remain",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.OrderException.class))),
					@Content(mediaType = CSV, schema = @Schema(type = "string")),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string", description = "One OrderException per line")) })
	@ApiResponse(responseCode = "400", description = "A within_days, limit or cursor that is not valid")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet), or was computed before plans were stored")
	@GetMapping(path = "/{id}/exceptions", produces = { JSON, CSV, NDJSON })
	void exceptions(@PathVariable String id,
			@Parameter(name = "within_days", description = "A product whose first planned order is placed at most this many days after its start is due (default 0); late products are listed whatever it is", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0")) @RequestParam(name = "within_days", required = false) String withinDays,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size", schema = @Schema(type = "integer", format = "int32", minimum = "1")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeExceptions(owner, id, ForecastOptions.withinDays(withinDays, this.limits.maxDurationDays()), limit,
				cursor, accept, response);
	}

	@Operation(operationId = "deleteForecastJob",
			summary = "Cancel a queued or running job, or delete a finished one with its results",
			description = "A queued or running job is cancelled (200, its view). A succeeded, failed or cancelled job "
					+ "is deleted with its results (204).")
	@ApiResponse(responseCode = "200", description = "Cancelled: the job, now cancelling or cancelled")
	@ApiResponse(responseCode = "204", description = "Deleted with its results")
	@ApiResponse(responseCode = "404", description = "No forecast job with this id for this client")
	@DeleteMapping(path = "/{id}", produces = JSON)
	ResponseEntity<JobView> delete(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.cancelOrDelete(owner, JobKind.FORECAST, id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
