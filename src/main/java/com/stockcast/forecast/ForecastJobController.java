package com.stockcast.forecast;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

import com.stockcast.jobs.JobKind;
import com.stockcast.jobs.JobResources;
import com.stockcast.jobs.JobView;
import com.stockcast.output.View;
import com.stockcast.security.Client;

/**
 * Forecast jobs, made by {@code POST /forecasts} with {@code Prefer: respond-async}: status, results
 * (streamed, filterable, pageable by keyset), cancel and delete.
 */
@RestController
@RequestMapping("/forecasts")
@Tag(name = "Forecast jobs", description = "Forecasts submitted with Prefer: respond-async, stored for later")
class ForecastJobController {

	private final JobResources jobs;

	ForecastJobController(JobResources jobs) {
		this.jobs = jobs;
	}

	@Operation(summary = "A job's status and progress")
	@GetMapping(path = "/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	JobView status(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.status(owner, JobKind.FORECAST, id);
	}

	@Operation(summary = "A succeeded job's rows",
			description = "The same rows as the synchronous answer, in the format named by Accept. Without limit "
					+ "the whole result streams; with limit, a page, and a Link header (rel=next) to the next one.")
	@GetMapping(path = "/{id}/rows", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE,
			ForecastController.NDJSON })
	void rows(@PathVariable String id,
			@Parameter(description = "Only this product's rows") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size") @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.FORECAST, id, View.ROWS, View.ROWS.tag(), productId, limit, cursor, accept,
				response);
	}

	@Operation(summary = "A succeeded job's summaries, one per product")
	@GetMapping(path = "/{id}/summary", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE,
			ForecastController.NDJSON })
	void summary(@PathVariable String id, @RequestParam(name = "product_id", required = false) String productId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.FORECAST, id, View.SUMMARY, View.SUMMARY.tag(), productId, limit,
				cursor, accept, response);
	}

	@Operation(summary = "A succeeded job's portfolio totals, one row per date",
			description = "The same totals as the synchronous answer with view=totals: per date, the products' stock, "
					+ "sales and restocking summed, and how many were out of stock. Small, so never paged.")
	@GetMapping(path = "/{id}/totals", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE,
			ForecastController.NDJSON })
	void totals(@PathVariable String id, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) {
		this.jobs.writeTotals(owner, JobKind.FORECAST, id, accept, response);
	}

	@Operation(summary = "Cancel a queued or running job, or delete a finished one with its results")
	@DeleteMapping("/{id}")
	ResponseEntity<JobView> delete(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.cancelOrDelete(owner, JobKind.FORECAST, id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
