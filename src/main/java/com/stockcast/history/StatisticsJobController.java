package com.stockcast.history;

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
import com.stockcast.jobs.JobKind;
import com.stockcast.jobs.JobResources;
import com.stockcast.jobs.JobView;
import com.stockcast.output.View;
import com.stockcast.security.Client;

/**
 * Sales statistics jobs, made by {@code POST /sales-statistics} with {@code Prefer: respond-async}:
 * status, results (paged like a forecast job's rows), cancel and delete.
 */
@RestController
@RequestMapping("/sales-statistics")
@Tag(name = ApiDescription.STATISTICS)
class StatisticsJobController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private final JobResources jobs;

	StatisticsJobController(JobResources jobs) {
		this.jobs = jobs;
	}

	@Operation(operationId = "getSalesStatisticsJob", summary = "A sales statistics job's status and progress",
			description = "A job made by POST /sales-statistics with Prefer: respond-async; poll it until status is "
					+ "succeeded, failed or cancelled.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No sales statistics job with this id for this client")
	@GetMapping(path = "/{id}", produces = JSON)
	JobView status(@Parameter(description = "The job's id, from the 202 answer's Location") @PathVariable String id,
			@AuthenticationPrincipal Client owner) {
		return this.jobs.status(owner, JobKind.SALES_STATISTICS, id);
	}

	@Operation(operationId = "getSalesStatisticsJobResults",
			summary = "A succeeded sales statistics job's results, one record per product",
			description = "The same records as the synchronous answer, in the format named by Accept. Without limit "
					+ "the whole result streams; with limit, a page, and a Link header (rel=next) to the next one.")
	@ApiResponse(responseCode = "200", description = "The records, or a page of them",
			headers = @Header(name = HttpHeaders.LINK, description = "<...&cursor=...>; rel=\"next\" while records remain",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = StatisticsController.Statistics.class))),
					@Content(mediaType = StatisticsController.CSV, schema = @Schema(type = "string")),
					@Content(mediaType = StatisticsController.NDJSON, schema = @Schema(type = "string", description = "One SalesStatistics per line")) })
	@ApiResponse(responseCode = "400", description = "A limit or cursor that is not valid")
	@ApiResponse(responseCode = "404", description = "No sales statistics job with this id for this client")
	@ApiResponse(responseCode = "406", description = "Accept names none of JSON, CSV and NDJSON")
	@ApiResponse(responseCode = "409", description = "The job has not succeeded (yet)")
	@GetMapping(path = "/{id}/results", produces = { JSON, StatisticsController.CSV, StatisticsController.NDJSON })
	void results(@PathVariable String id,
			@Parameter(description = "Only this product's record") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size", schema = @Schema(type = "integer", format = "int32", minimum = "1")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.SALES_STATISTICS, id, View.SUMMARY, "results", productId, limit, cursor,
				accept, response);
	}

	@Operation(operationId = "deleteSalesStatisticsJob",
			summary = "Cancel a queued or running sales statistics job, or delete a finished one",
			description = "A queued or running job is cancelled (200, its view). A succeeded, failed or cancelled job "
					+ "is deleted with its results (204).")
	@ApiResponse(responseCode = "200", description = "Cancelled: the job, now cancelling or cancelled")
	@ApiResponse(responseCode = "204", description = "Deleted with its results")
	@ApiResponse(responseCode = "404", description = "No sales statistics job with this id for this client")
	@DeleteMapping(path = "/{id}", produces = JSON)
	ResponseEntity<JobView> delete(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.cancelOrDelete(owner, JobKind.SALES_STATISTICS, id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
