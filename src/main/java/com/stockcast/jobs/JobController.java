package com.stockcast.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.stockcast.ApiDescription;
import com.stockcast.intake.InvalidInputException;
import com.stockcast.security.Client;

/**
 * The list of a client's recent jobs, of every kind, newest first and paged by keyset. Each kind's
 * own resources (status, results, cancel and delete) are served by the feature that submits it.
 */
@RestController
@Tag(name = ApiDescription.JOBS)
class JobController {

	private final JobStore store;

	JobController(JobStore store) {
		this.store = store;
	}

	@Operation(operationId = "listJobs", summary = "The client's recent jobs, newest first",
			description = "Jobs of every kind (forecasts and sales statistics), paged by keyset: follow next until it is null.")
	@ApiResponse(responseCode = "200", description = "A page of jobs")
	@ApiResponse(responseCode = "400", description = "A status, limit or cursor that is not valid")
	@GetMapping(path = "/forecasts", produces = MediaType.APPLICATION_JSON_VALUE)
	JobPage list(
			@Parameter(description = "Only jobs in this status", schema = @Schema(type = "string", allowableValues = { "queued", "running",
					"succeeded", "failed", "cancelled" })) @RequestParam(required = false) String status,
			@Parameter(description = "Page size, 1 to 500; default 50", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500")) @RequestParam(required = false) Integer limit,
			@Parameter(description = "Where the page starts: the cursor in the previous page's next") @RequestParam(required = false) String cursor,
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
		return new JobPage(page.stream().map(JobView::of).toList(), next);
	}

	/** A page of the job list. */
	@Schema(name = "JobPage")
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record JobPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<JobView> items,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
					description = "The next page's path and query, or null on the last page") String next) {
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
