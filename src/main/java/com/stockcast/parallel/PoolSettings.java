package com.stockcast.parallel;

import java.time.Duration;
import java.util.function.IntToLongFunction;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;


/**
 * The simulation pool and how work is cut for it ({@code stockcast.pool.*}).
 *
 * @param threads worker threads; 0 means one per available core
 * @param queueCapacity chunks that may wait for a worker; past that, new requests are refused with 503
 * @param chunkSize most products in one chunk, the unit of dispatch
 * @param chunkMaxRows most output rows in one chunk, so long projections make smaller chunks and a
 * request's memory stays bounded by a few chunks
 * @param retryAfter what a refused caller is told to wait before trying again
 */
@Validated
@ConfigurationProperties("stockcast.pool")
public record PoolSettings(@Min(0) @DefaultValue("0") int threads, @Min(1) @DefaultValue("64") int queueCapacity,
		@Min(1) @DefaultValue("1024") int chunkSize, @Min(1) @DefaultValue("65536") int chunkMaxRows,
		@NotNull @DefaultValue("2s") Duration retryAfter) {

	/** The worker count in force: {@link #threads()} or, when 0, the available cores. */
	public int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Where the chunk that starts at item {@code from} of {@code size} ends (exclusive): after
	 * {@link #chunkSize()} items, or sooner once their rows ({@code rowsOfItem}: written by a forecast,
	 * read by sales statistics) reach {@link #chunkMaxRows()}; never empty. The one place chunks are
	 * cut, for answers and jobs alike.
	 */
	public int chunkEnd(int size, int from, IntToLongFunction rowsOfItem) {
		int to = from;
		long rows = 0;
		while (to < size && !chunkFull(to - from, rows)) {
			rows += rowsOfItem.applyAsLong(to++);
		}
		return to;
	}

	/**
	 * Whether a chunk of {@code items} whose rows add up to {@code rows} is whole: the rule of
	 * {@link #chunkEnd}, for a list cut as it streams in, item by item, whose size is not known yet.
	 */
	public boolean chunkFull(int items, long rows) {
		return items >= this.chunkSize || rows >= this.chunkMaxRows;
	}

	/** Chunks one request keeps submitted ahead of the one being written: enough to keep every worker busy. */
	public int inFlightChunks() {
		return 2 * effectiveThreads();
	}

}
