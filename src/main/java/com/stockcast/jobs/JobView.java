package com.stockcast.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** A job's status as callers see it ({@code GET /forecasts/{id}}, the 202 answer, the job list). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(UUID id, String status, Progress progress, @JsonProperty("rows_total") long rowsTotal,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("started_at") Instant startedAt,
		@JsonProperty("finished_at") Instant finishedAt, @JsonRawValue String settings, Map<String, String> links,
		@JsonRawValue String problem) {

	/** How far a job is: products (SKUs) done of all, and the same in chunks. */
	public record Progress(@JsonProperty("products_done") int productsDone,
			@JsonProperty("products_total") int productsTotal, double percent,
			@JsonProperty("chunks_done") int chunksDone, @JsonProperty("chunks_total") int chunksTotal) {
	}

	static JobView of(Job job) {
		boolean statistics = job.scenario().isStatistics();
		String self = (statistics ? "/sales-statistics/" : "/forecasts/") + job.id();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", self);
		if (job.status() == JobStatus.SUCCEEDED) {
			if (statistics) {
				links.put("results", self + "/results");
			}
			else {
				links.put("rows", self + "/rows");
				links.put("summary", self + "/summary");
				links.put("totals", self + "/totals");
			}
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
