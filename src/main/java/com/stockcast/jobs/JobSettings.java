package com.stockcast.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Asynchronous forecast jobs ({@code stockcast.jobs.*}).
 *
 * @param retention how long a finished job and its results are kept
 * @param cleanupInterval how often expired jobs are looked for
 * @param lease how long a claimed chunk stays with its worker without news; renewed every third of
 * it while the worker is busy, so only a dead worker's chunk is claimed again
 * @param pollInterval how often idle workers look for chunks (a submission wakes them at once)
 * @param maxAttempts attempts at a chunk before its job fails
 * @param maxTakeovers times a chunk may be claimed again after its worker's lease ran out (the process
 * died or stalled while computing it) before its job fails: a chunk that kills the process every time
 * is not tried for ever
 * @param concurrency most chunks of jobs computed at once; 0 means one per pool thread. Set it below
 * the thread count to reserve workers for synchronous requests
 * @param maxPageSize largest {@code limit} for a page of stored results
 * @param maxActivePerClient most jobs one client may have queued or running; past it a submission
 * gets 429 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("stockcast.jobs")
public record JobSettings(@NotNull @DefaultValue("7d") Duration retention,
		@NotNull @DefaultValue("1h") Duration cleanupInterval, @NotNull @DefaultValue("2m") Duration lease,
		@NotNull @DefaultValue("1s") Duration pollInterval, @Min(1) @DefaultValue("3") int maxAttempts,
		@Min(1) @DefaultValue("10") int maxTakeovers,
		@Min(0) @DefaultValue("0") int concurrency, @Min(1) @DefaultValue("100000") int maxPageSize,
		@Min(1) @DefaultValue("10") int maxActivePerClient) {
}
