package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.Format;
import com.stockcast.output.Table;
import com.stockcast.output.View;
import com.stockcast.problem.ProblemException;
import com.stockcast.security.Client;

/**
 * What the resources of every kind of job share, for the controller of each kind: a client's job
 * found by id under its kind's path, its results written page by page with a link to the next (and
 * a forecast's totals), and its cancellation or deletion.
 */
@Component
public class JobResources {

	private final JobStore store;

	private final StoredResults results;

	private final HistoryRecords historyRecords;

	private final JobSettings settings;

	private final JsonMapper json;

	JobResources(JobStore store, StoredResults results, HistoryRecords historyRecords, JobSettings settings,
			JsonMapper json) {
		this.json = json;
		this.store = store;
		this.results = results;
		this.historyRecords = historyRecords;
		this.settings = settings;
	}

	/**
	 * Answers a submission {@code 202 Accepted} with the job's status and where to follow it (RFC 7240
	 * respond-async), for the controller of its kind.
	 */
	public void accepted(ForecastJobs.Submission submission, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_ACCEPTED);
		response.setHeader(HttpHeaders.LOCATION, submission.job().location());
		response.setHeader("Preference-Applied", "respond-async");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		try {
			this.json.writeValue(response.getOutputStream(), submission.job());
		}
		catch (IOException | UncheckedIOException ex) {
			// The client went away; the job is stored all the same.
		}
	}

	/**
	 * {@code owner}'s job {@code id} of {@code kind}, as callers see it.
	 * @throws ProblemException 404 when there is no such job of {@code owner} and {@code kind}
	 */
	public JobView status(Client owner, JobKind kind, String id) {
		return JobView.of(job(owner, kind, id));
	}

	/**
	 * Cancels {@code owner}'s job {@code id} while it is queued or running, or deletes it once finished.
	 * @return the cancelled job's status, or empty when the job was deleted
	 * @throws ProblemException 404 when there is no such job of {@code owner} and {@code kind}
	 */
	public Optional<JobView> cancelOrDelete(Client owner, JobKind kind, String id) {
		Job job = job(owner, kind, id);
		if (!job.status().isFinished()) {
			// A cancel never deletes: if the job finished meanwhile, its status says so.
			this.store.move(job.cancel());
			return Optional.of(JobView.of(this.store.find(owner, job.id()).orElseThrow(() -> notFound(id))));
		}
		this.store.delete(job.id());
		return Optional.empty();
	}

	/**
	 * Writes the records of {@code owner}'s succeeded job {@code id} in the format {@code accept} names:
	 * all of them without {@code limit}; with it, a page, and a {@code Link} to the next page's
	 * {@code resource} when more follow.
	 * @throws ProblemException 404 when there is no such job, 409 when it has not succeeded, 400 for a
	 * bad limit or cursor
	 */
	public void writeResults(Client owner, JobKind kind, String id, View view, String resource, String productId,
			Integer limit, String cursor, String accept, HttpServletResponse response) throws IOException {
		Job job = succeeded(owner, kind, id);
		if (view == View.ORDERS) {
			checkPlanStored(job);
		}
		if (view == View.ROWS && !job.scenario().rows()) {
			throw new ProblemException(HttpStatus.CONFLICT, "job-rows-not-stored", "The job has no stored rows",
					"Job " + job.id() + " was submitted with store_rows=false: it keeps its summaries, totals and plan, "
							+ "not its daily rows; submit it again without store_rows=false to get them.");
		}
		Format format = Format.negotiate(accept);
		int size = (limit == null) ? StoredResults.Query.UNLIMITED : pageSize(limit, limit, this.settings.maxPageSize());
		StoredResults.Query query = new StoredResults.Query(job.id(), view, productId, Cursor.decode(cursor), size,
				view == View.SUMMARY && job.scenario().chunkSummaries());
		Table table = job.scenario().table(view, this.historyRecords);
		writePage(job, resource, size, response, format, out -> this.results.write(query, table, format, out),
				link -> {
					if (productId != null) {
						link.queryParam("product_id", UriUtils.encodeQueryParam(productId, StandardCharsets.UTF_8)
							.replace("+", "%2B"));
					}
				});
	}

	/**
	 * Writes the exceptions of {@code owner}'s succeeded forecast job {@code id} with the horizon
	 * {@code withinDays}, sorted by urgency, all of them or a page as {@link #writeResults} does.
	 * @throws ProblemException 404 when there is no such job, 409 when it has not succeeded or was
	 * computed before plans were stored, 400 for a bad limit or cursor
	 */
	public void writeExceptions(Client owner, String id, int withinDays, Integer limit, String cursor, String accept,
			HttpServletResponse response) throws IOException {
		Job job = succeeded(owner, JobKind.FORECAST, id);
		checkPlanStored(job);
		Format format = Format.negotiate(accept);
		int size = (limit == null) ? StoredResults.Query.UNLIMITED : pageSize(limit, limit, this.settings.maxPageSize());
		Cursor after = Cursor.decode(cursor);
		writePage(job, "exceptions", size, response, format,
				out -> this.results.writeExceptions(job.id(), job.scenario().projection(), withinDays, after, size, format,
						out),
				link -> link.queryParam("within_days", withinDays));
	}

	/**
	 * Writes what {@code write} writes, straight to the client when unlimited; a page is written first
	 * in memory, so that its {@code Link} to the next page ({@code resource} with the query parameters
	 * {@code parameters} adds, the limit and the cursor) can head it.
	 */
	private void writePage(Job job, String resource, int size, HttpServletResponse response, Format format,
			Function<OutputStream, Cursor> write, Consumer<UriComponentsBuilder> parameters) throws IOException {
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		try {
			if (size == StoredResults.Query.UNLIMITED) {
				write.apply(response.getOutputStream());
				return;
			}
			ByteArrayOutputStream page = new ByteArrayOutputStream();
			Cursor next = write.apply(page);
			if (next != null) {
				UriComponentsBuilder link = UriComponentsBuilder.fromPath(JobView.of(job).location() + "/" + resource);
				parameters.accept(link);
				link.queryParam("limit", size).queryParam("cursor", next.encode());
				response.setHeader(HttpHeaders.LINK, "<" + link.build(true).toUriString() + ">; rel=\"next\"");
			}
			page.writeTo(response.getOutputStream());
		}
		catch (UncheckedIOException ex) {
			// The client went away mid-answer; nothing to tell it.
		}
	}

	/**
	 * A job with an order policy that finished before plans were stored has none: a 409 saying so, not
	 * an empty plan that would read as "nothing to order".
	 */
	private static void checkPlanStored(Job job) {
		if (job.scenario().features().orders() && !job.scenario().plans()) {
			throw new ProblemException(HttpStatus.CONFLICT, "job-plan-not-stored", "The job has no stored plan",
					"Job " + job.id() + " was computed before planned orders were stored with jobs; submit it again "
							+ "to get its orders and exceptions.");
		}
	}

	/**
	 * Writes the portfolio totals of {@code owner}'s succeeded job {@code id}, in the format
	 * {@code accept} names; small, so never paged.
	 * @throws ProblemException 404 when there is no such job, 409 when it has not succeeded
	 */
	public void writeTotals(Client owner, JobKind kind, String id, String accept, HttpServletResponse response) {
		Job job = succeeded(owner, kind, id);
		Format format = Format.negotiate(accept);
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		try {
			this.results.writeTotals(job.id(), job.scenario().projection(), format, response.getOutputStream());
		}
		catch (IOException | UncheckedIOException ex) {
			// The client went away mid-answer; nothing to tell it.
		}
	}

	/** {@code owner}'s job {@code id} of {@code kind}, which must have succeeded. */
	private Job succeeded(Client owner, JobKind kind, String id) {
		Job job = job(owner, kind, id);
		if (job.status() != JobStatus.SUCCEEDED) {
			throw new ProblemException(HttpStatus.CONFLICT, "job-not-succeeded", "The job has no results to serve",
					"Job " + job.id() + " is " + job.status().text() + "; results are served once it has succeeded.");
		}
		return job;
	}

	/** {@code owner}'s job {@code id}; another client's job answers 404 like a missing one, so ids reveal nothing. */
	private Job job(Client owner, JobKind kind, String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(id);
		}
		// A job of one kind is not one of another: each kind has its own resources.
		return this.store.find(owner, uuid).filter(job -> job.kind() == kind).orElseThrow(() -> notFound(id));
	}

	private static ProblemException notFound(String id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "job-not-found", "No such forecast job",
				"There is no job " + id + "; it may have expired or been deleted.");
	}

	static int pageSize(Integer limit, int fallback, int max) {
		int size = (limit == null) ? fallback : limit;
		if (size < 1 || size > max) {
			throw InvalidInputException.forParameter("limit", String.valueOf(limit), "must be between 1 and " + max);
		}
		return size;
	}

}
