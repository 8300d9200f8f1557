package com.stockcast.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.Format;
import com.stockcast.output.View;
import com.stockcast.security.Client;

/**
 * Stored forecast jobs: status, results (streamed, filterable, pageable by keyset), cancel and
 * delete, and the list of recent jobs of every kind. Jobs are submitted with {@code POST /forecasts}
 * and {@code Prefer: respond-async}.
 */
@RestController
@Tag(name = "Forecast jobs", description = "Forecasts submitted with Prefer: respond-async, stored for later")
class JobController {

	private static final String NDJSON = "application/x-ndjson";

	private final JobStore store;

	private final JobResources resources;

	private final ScenarioResults scenarioResults;

	JobController(JobStore store, JobResources resources, ScenarioResults scenarioResults) {
		this.store = store;
		this.resources = resources;
		this.scenarioResults = scenarioResults;
	}

	@Operation(summary = "A job's status and progress")
	@GetMapping(path = "/forecasts/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	JobView status(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.resources.status(owner, JobKind.FORECAST, id);
	}

	@Operation(summary = "A succeeded job's rows",
			description = "The same rows as the synchronous answer, in the format named by Accept. Without limit "
					+ "the whole result streams; with limit, a page, and a Link header (rel=next) to the next one.")
	@GetMapping(path = "/forecasts/{id}/rows", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void rows(@PathVariable String id,
			@Parameter(description = "Only this product's rows") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size") @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.resources.writeResults(owner, JobKind.FORECAST, id, View.ROWS, View.ROWS.tag(), productId, limit, cursor,
				accept, response);
	}

	@Operation(summary = "A succeeded job's summaries, one per product")
	@GetMapping(path = "/forecasts/{id}/summary", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void summary(@PathVariable String id,
			@RequestParam(name = "product_id", required = false) String productId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) throws IOException {
		this.resources.writeResults(owner, JobKind.FORECAST, id, View.SUMMARY, View.SUMMARY.tag(), productId, limit,
				cursor, accept, response);
	}

	@Operation(summary = "A succeeded job's portfolio totals, one row per date",
			description = "The same totals as the synchronous answer with view=totals: per date, the products' stock, "
					+ "sales and restocking summed, and how many were out of stock. Small, so never paged.")
	@GetMapping(path = "/forecasts/{id}/totals", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void totals(@PathVariable String id, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@AuthenticationPrincipal Client owner, HttpServletResponse response) {
		Job job = this.resources.succeeded(owner, JobKind.FORECAST, id);
		Format format = Format.negotiate(accept);
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		try {
			this.scenarioResults.writeTotals(job.id(), job.scenario(), format, response.getOutputStream());
		}
		catch (IOException | UncheckedIOException ex) {
			// The client went away mid-answer; nothing to tell it.
		}
	}

	@Operation(summary = "Cancel a queued or running job, or delete a finished one with its results")
	@DeleteMapping("/forecasts/{id}")
	ResponseEntity<JobView> delete(@PathVariable String id, @AuthenticationPrincipal Client owner) {
		return this.resources.cancelOrDelete(owner, JobKind.FORECAST, id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@Operation(summary = "Recent jobs, newest first", description = "Paginated by keyset: follow next.")
	@GetMapping(path = "/forecasts", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@AuthenticationPrincipal Client owner) {
		JobStatus wanted = null;
		if (status != null && !status.isBlank()) {
			wanted = JobStatus.parse(status);
			if (wanted == null) {
				throw InvalidInputException.forParameter("status", status,
						"must be queued, running, succeeded, failed or cancelled");
			}
		}
		int size = JobResources.pageSize(limit, 50, 500);
		Object[] after = decodeListCursor(cursor);
		List<Job> page = this.store.list(owner, wanted, (Instant) after[0], (UUID) after[1], size + 1);
		String next = null;
		if (page.size() > size) {
			page = page.subList(0, size);
			Job last = page.get(size - 1);
			next = UriComponentsBuilder.fromPath("/forecasts")
				.queryParamIfPresent("status", java.util.Optional.ofNullable(wanted).map(JobStatus::text))
				.queryParam("limit", size)
				.queryParam("cursor", encodeListCursor(last))
				.build()
				.toUriString();
		}
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("items", page.stream().map(JobView::of).toList());
		answer.put("next", next);
		return answer;
	}

	/** The job list's keyset position: the last job's creation time and id. */
	private static String encodeListCursor(Job last) {
		String plain = last.createdAt().getEpochSecond() + "." + last.createdAt().getNano() + "." + last.id();
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	private static Object[] decodeListCursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return new Object[2];
		}
		try {
			String[] parts = new String(java.util.Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII)
				.split("\\.", 3);
			Instant created = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
			if (created.isBefore(Instant.EPOCH) || created.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
				throw new IllegalArgumentException("out of range");
			}
			return new Object[] { created, UUID.fromString(parts[2]) };
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.forParameter("cursor", cursor, "is not a cursor this service gave out");
		}
	}

}
