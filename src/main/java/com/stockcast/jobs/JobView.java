package com.stockcast.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A job's status as callers see it ({@code GET /forecasts/{id}}, the 202 answer, the job list). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JobView", description = "A stored job: forecast or sales statistics")
public record JobView(@Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "queued", "running", "succeeded", "failed",
				"cancelled" }, description = "queued, then running, then succeeded, failed or cancelled") String status,
		@Schema(requiredMode = RequiredMode.REQUIRED) Progress progress,
		@Schema(requiredMode = RequiredMode.REQUIRED, description = "Result rows stored so far") @JsonProperty("rows_total") long rowsTotal,
		@Schema(requiredMode = RequiredMode.REQUIRED) @JsonProperty("created_at") Instant createdAt,
		@Schema(description = "Absent until a worker starts it") @JsonProperty("started_at") Instant startedAt,
		@Schema(description = "Absent until it succeeds, fails or is cancelled") @JsonProperty("finished_at") Instant finishedAt,
		@Schema(implementation = Settings.class) @JsonRawValue String settings,
		@Schema(requiredMode = RequiredMode.REQUIRED, description = "self, and once succeeded each result's path "
				+ "(rows, summary, totals, and orders and exceptions with an order policy; or results)") Map<String, String> links,
		@Schema(ref = "#/components/schemas/ProblemDetail", description = "Why a failed job failed") @JsonRawValue String problem) {

	/** How far a job is: products (SKUs) done of all, and the same in chunks. */
	@Schema(name = "JobProgress")
	public record Progress(@Schema(requiredMode = RequiredMode.REQUIRED) @JsonProperty("products_done") int productsDone,
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonProperty("products_total") int productsTotal,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "0 to 100") double percent,
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonProperty("chunks_done") int chunksDone,
			@Schema(requiredMode = RequiredMode.REQUIRED) @JsonProperty("chunks_total") int chunksTotal) {
	}

	/** The settings a job runs with, as stored at submission ({@link ForecastJobs}): for the description. */
	@Schema(name = "JobSettings", description = "What the job was asked with")
	record Settings(
			@Schema(description = "Forecasts: the request-level column values given as query parameters") Map<String, String> defaults,
			@Schema(description = "The scenario: policy, reorder_policy, receipts (true when the request gave scheduled "
					+ "receipts) and for a probabilistic forecast demand, trials, seed and quantiles (when chosen, as "
					+ "0.05,0.5,0.95); for sales statistics kind and "
					+ "trend_days") Map<String, Object> scenario,
			@Schema(name = "chunk_size", description = "Products per chunk, the unit of work and progress") Integer chunkSize,
			@Schema(name = "chunk_max_rows", description = "Most rows a chunk holds") Integer chunkMaxRows) {
	}

	static JobView of(Job job) {
		String self = job.kind().path() + "/" + job.id();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", self);
		if (job.status() == JobStatus.SUCCEEDED) {
			job.scenario().results().forEach(results -> links.put(results, self + "/" + results));
		}
		return new JobView(job.id(), job.status().text(),
				new Progress(job.productsDone(), job.productCount(), job.percentDone(), job.chunksDone(), job.chunkCount()),
				job.rowCount(), job.createdAt(), job.startedAt(), job.finishedAt(), job.settings(), links, job.problem());
	}

	/** Where the job's status is read. */
	public String location() {
		return this.links.get("self");
	}

}
