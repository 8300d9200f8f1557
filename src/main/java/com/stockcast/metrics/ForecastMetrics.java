package com.stockcast.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own meters (docs/operations.md#metrics lists them). Tags take few values: mode, outcome, format,
 * view, reason; never a SKU, a job or a request id.
 */
@Component
public class ForecastMetrics {

	private final MeterRegistry registry;

	private final Counter skus;

	private final Counter rows;

	private final Timer chunks;

	private final Counter jobSkus;

	private final Counter jobRows;

	private final Timer jobChunks;

	private final Counter statisticsSkus;

	private final Counter statisticsRows;

	public ForecastMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.skus = skus(registry, "sync");
		this.rows = rows(registry, "sync");
		this.chunks = chunks(registry, "sync");
		this.jobSkus = skus(registry, "async");
		this.jobRows = rows(registry, "async");
		this.jobChunks = chunks(registry, "async");
		this.statisticsSkus = Counter.builder("stockcast.statistics.skus")
			.description("SKUs whose sales statistics were computed")
			.baseUnit("skus")
			.register(registry);
		this.statisticsRows = Counter.builder("stockcast.statistics.history.rows")
			.description("Sales history rows (SKU-days) the statistics were computed from")
			.baseUnit("rows")
			.register(registry);
		// Registered up front so that the refusals graph reads 0 rather than "no data" until the first 503.
		registry.counter("stockcast.forecast.refused", "reason", "pool_saturated");
	}

	/** A chunk of a synchronous request simulated and encoded. */
	public void chunkDone(int products, long outputRows, long nanos) {
		this.skus.increment(products);
		this.rows.increment(outputRows);
		this.chunks.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** A chunk of a job simulated and stored. */
	public void jobChunkStored(int products, long outputRows, long nanos) {
		this.jobSkus.increment(products);
		this.jobRows.increment(outputRows);
		this.jobChunks.record(nanos, TimeUnit.NANOSECONDS);
	}

	private static Counter skus(MeterRegistry registry, String mode) {
		return Counter.builder("stockcast.forecast.skus")
			.description("Products (SKUs) simulated")
			.baseUnit("skus")
			.tag("mode", mode)
			.register(registry);
	}

	private static Counter rows(MeterRegistry registry, String mode) {
		return Counter.builder("stockcast.forecast.rows")
			.description("Output rows produced (sync: daily rows or summaries sent; async: daily rows stored)")
			.baseUnit("rows")
			.tag("mode", mode)
			.register(registry);
	}

	private static Timer chunks(MeterRegistry registry, String mode) {
		return Timer.builder("stockcast.forecast.chunk")
			.description("Time to simulate one chunk of products and encode (sync) or store (async) it")
			.tag("mode", mode)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(registry);
	}

	public void refused(String reason) {
		this.registry.counter("stockcast.forecast.refused", "reason", reason).increment();
	}

	public Timer.Sample startRequest() {
		return Timer.start(this.registry);
	}

	/**
	 * Records a finished request.
	 * @param outcome success, invalid, refused, aborted or error
	 */
	public void requestDone(Timer.Sample sample, String outcome, String format, String view) {
		sample.stop(Timer.builder("stockcast.forecast.requests")
			.description("Forecast requests from arrival to the last byte, by outcome")
			.tag("outcome", outcome)
			.tag("format", format)
			.tag("view", view)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(this.registry));
	}

	/** A chunk of a sales statistics request computed and encoded. */
	public void statisticsChunkDone(int skus, long historyRows) {
		this.statisticsSkus.increment(skus);
		this.statisticsRows.increment(historyRows);
	}

	/**
	 * Records a finished {@code POST /sales-statistics}.
	 * @param outcome success, invalid, refused, aborted or error
	 */
	public void statisticsDone(Timer.Sample sample, String outcome, String format) {
		sample.stop(Timer.builder("stockcast.statistics.requests")
			.description("Sales statistics requests from arrival to the last byte, by outcome")
			.tag("outcome", outcome)
			.tag("format", format)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(this.registry));
	}

}
