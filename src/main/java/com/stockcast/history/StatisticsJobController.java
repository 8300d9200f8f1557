package com.stockcast.history;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
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
 * Sales statistics jobs, made by {@code POST /sales-statistics} with {@code Prefer: respond-async}:
 * status, results (paged like a forecast job's rows), cancel and delete.
 */
@RestController
@RequestMapping("/sales-statistics")
@Tag(name = "Sales statistics", description = "Per-SKU statistics of a daily sales history")
class StatisticsJobController {

	private final JobResources jobs;

	StatisticsJobController(JobResources jobs) {
		this.jobs = jobs;
	}

	@Operation(summary = "A sales statistics job's status and progress",
			description = "A job made by POST /sales-statistics with Prefer: respond-async.")
	@GetMapping(path = "/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	JobView status(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.status(owner, JobKind.SALES_STATISTICS, id);
	}

	@Operation(summary = "A succeeded sales statistics job's results, one record per product",
			description = "The same records as the synchronous answer, in the format named by Accept; paged like a "
					+ "forecast job's rows.")
	@GetMapping(path = "/{id}/results", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE,
			StatisticsController.NDJSON })
	void results(@PathVariable String id, @RequestParam(name = "product_id", required = false) String productId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.jobs.writeResults(owner, JobKind.SALES_STATISTICS, id, View.SUMMARY, "results", productId, limit, cursor,
				accept, response);
	}

	@Operation(summary = "Cancel a queued or running sales statistics job, or delete a finished one")
	@DeleteMapping("/{id}")
	ResponseEntity<JobView> delete(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.jobs.cancelOrDelete(owner, JobKind.SALES_STATISTICS, id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
