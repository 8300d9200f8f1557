package com.stockcast.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.security.Client;

/**
 * The list of a client's recent jobs, of every kind, newest first and paged by keyset. Each kind's
 * own resources (status, results, cancel and delete) are served by the feature that submits it.
 */
@RestController
@Tag(name = "Forecast jobs", description = "Forecasts submitted with Prefer: respond-async, stored for later")
class JobController {

	private final JobStore store;

	JobController(JobStore store) {
		this.store = store;
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
