package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.Format;
import com.stockcast.output.View;
import com.stockcast.problem.ProblemException;
import com.stockcast.security.Client;

/**
 * Stored forecast jobs: status, results (streamed, filterable, pageable by keyset), cancel and
 * delete, and the list of recent jobs. Jobs are submitted with {@code POST /forecasts} and
 * {@code Prefer: respond-async}.
 */
@RestController
@Tag(name = "Forecast jobs", description = "Forecasts submitted with Prefer: respond-async, stored for later")
class JobController {

	private static final String NDJSON = "application/x-ndjson";

	private final JobStore store;

	private final StoredResults results;

	private final JobSettings settings;

	JobController(JobStore store, StoredResults results, JobSettings settings) {
		this.store = store;
		this.results = results;
		this.settings = settings;
	}

	@Operation(summary = "A job's status and progress")
	@GetMapping(path = "/forecasts/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	JobView status(@PathVariable String id) {
		return JobView.of(job(id, false));
	}

	@Operation(summary = "A succeeded job's rows",
			description = "The same rows as the synchronous answer, in the format named by Accept. Without limit "
					+ "the whole result streams; with limit, a page, and a Link header (rel=next) to the next one.")
	@GetMapping(path = "/forecasts/{id}/rows", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void rows(@PathVariable String id,
			@Parameter(description = "Only this product's rows") @RequestParam(name = "product_id", required = false) String productId,
			@Parameter(description = "Page size, up to stockcast.jobs.max-page-size") @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor of the previous page's Link") @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
			throws IOException {
		writeResults(succeeded(id, false), View.ROWS, productId, limit, cursor, accept, response);
	}

	@Operation(summary = "A succeeded job's summaries, one per product")
	@GetMapping(path = "/forecasts/{id}/summary", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void summary(@PathVariable String id,
			@RequestParam(name = "product_id", required = false) String productId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
			throws IOException {
		writeResults(succeeded(id, false), View.SUMMARY, productId, limit, cursor, accept, response);
	}

	@Operation(summary = "A succeeded job's portfolio totals, one row per date",
			description = "The same totals as the synchronous answer with view=totals: per date, the products' stock, "
					+ "sales and restocking summed, and how many were out of stock. Small, so never paged.")
	@GetMapping(path = "/forecasts/{id}/totals", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON })
	void totals(@PathVariable String id, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			HttpServletResponse response) {
		Job job = succeeded(id, false);
		Format format = Format.negotiate(accept);
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		try {
			this.results.writeTotals(job.id(), job.scenario().projection(), format, response.getOutputStream());
		}
		catch (IOException | UncheckedIOException ex) {
			// The client went away mid-answer; nothing to tell it.
		}
	}

	@Operation(summary = "A sales statistics job's status and progress",
			description = "A job made by POST /sales-statistics with Prefer: respond-async.")
	@GetMapping(path = "/sales-statistics/{id}",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	JobView statisticsStatus(@PathVariable String id) {
		return JobView.of(job(id, true));
	}

	@Operation(summary = "A succeeded sales statistics job's results, one record per product",
			description = "The same records as the synchronous answer, in the format named by Accept; paged like a "
					+ "forecast job's rows.")
	@GetMapping(path = "/sales-statistics/{id}/results", produces = { "text/csv", MediaType.APPLICATION_JSON_VALUE,
			NDJSON })
	void statisticsResults(@PathVariable String id,
			@RequestParam(name = "product_id", required = false) String productId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
			throws IOException {
		writeResults(succeeded(id, true), View.SUMMARY, productId, limit, cursor, accept, response);
	}

	@Operation(summary = "Cancel a queued or running sales statistics job, or delete a finished one")
	@DeleteMapping("/sales-statistics/{id}")
	ResponseEntity<JobView> deleteStatistics(@PathVariable String id) {
		return delete(job(id, true));
	}

	@Operation(summary = "Cancel a queued or running job, or delete a finished one with its results")
	@DeleteMapping("/forecasts/{id}")
	ResponseEntity<JobView> delete(@PathVariable String id) {
		return delete(job(id, false));
	}

	private ResponseEntity<JobView> delete(Job job) {
		String id = job.id().toString();
		if (!job.status().isFinished()) {
			// A cancel never deletes: if the job finished meanwhile, its status says so.
			this.store.transition(job.id(), JobStatus.CANCELLED, null);
			return ResponseEntity.ok(JobView.of(this.store.find(Client.current(), job.id()).orElseThrow(() -> notFound(id))));
		}
		this.store.delete(job.id());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Recent jobs, newest first", description = "Paginated by keyset: follow next.")
	@GetMapping(path = "/forecasts", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		JobStatus wanted = null;
		if (status != null && !status.isBlank()) {
			wanted = JobStatus.parse(status);
			if (wanted == null) {
				throw InvalidInputException.forParameter("status", status,
						"must be queued, running, succeeded, failed or cancelled");
			}
		}
		int size = pageSize(limit, 50, 500);
		Object[] after = decodeListCursor(cursor);
		List<Job> page = this.store.list(Client.current(), wanted, (Instant) after[0], (UUID) after[1], size + 1);
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

	private void writeResults(Job job, View view, String productId, Integer limit, String cursor, String accept,
			HttpServletResponse response) throws IOException {
		Format format = Format.negotiate(accept);
		int size = (limit == null) ? StoredResults.Query.UNLIMITED : pageSize(limit, limit, this.settings.maxPageSize());
		StoredResults.Query query = new StoredResults.Query(job.id(), view, productId, Cursor.decode(cursor), size);
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		try {
			if (size == StoredResults.Query.UNLIMITED) {
				this.results.write(query, job.scenario().table(view), format, response.getOutputStream());
				return;
			}
			ByteArrayOutputStream page = new ByteArrayOutputStream();
			Cursor next = this.results.write(query, job.scenario().table(view), format, page);
			if (next != null) {
				String results = isStatistics(job) ? "/results" : "/" + view.tag();
				UriComponentsBuilder link = UriComponentsBuilder.fromPath(JobView.of(job).location() + results);
				if (productId != null) {
					link.queryParam("product_id", UriUtils.encodeQueryParam(productId, StandardCharsets.UTF_8)
						.replace("+", "%2B"));
				}
				link.queryParam("limit", size).queryParam("cursor", next.encode());
				response.setHeader(HttpHeaders.LINK, "<" + link.build(true).toUriString() + ">; rel=\"next\"");
			}
			page.writeTo(response.getOutputStream());
		}
		catch (UncheckedIOException ex) {
			// The client went away mid-answer; nothing to tell it.
		}
	}

	private Job succeeded(String id, boolean statistics) {
		Job job = job(id, statistics);
		if (job.status() != JobStatus.SUCCEEDED) {
			throw new ProblemException(HttpStatus.CONFLICT, "job-not-succeeded", "The job has no results to serve",
					"Job " + job.id() + " is " + job.status().text() + "; results are served once it has succeeded.");
		}
		return job;
	}

	/** The caller's job {@code id}; another client's job answers 404 like a missing one, so ids reveal nothing. */
	private Job job(String id, boolean statistics) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(id);
		}
		// A statistics job is not a forecast job, nor the other way round: each has its own resources.
		return this.store.find(Client.current(), uuid)
			.filter(job -> isStatistics(job) == statistics)
			.orElseThrow(() -> notFound(id));
	}

	private static boolean isStatistics(Job job) {
		return job.scenario().isStatistics();
	}

	private static ProblemException notFound(String id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "job-not-found", "No such forecast job",
				"There is no job " + id + "; it may have expired or been deleted.");
	}

	private static int pageSize(Integer limit, int fallback, int max) {
		int size = (limit == null) ? fallback : limit;
		if (size < 1 || size > max) {
			throw InvalidInputException.forParameter("limit", String.valueOf(limit), "must be between 1 and " + max);
		}
		return size;
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
