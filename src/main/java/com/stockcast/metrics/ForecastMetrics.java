package com.stockcast.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own meters (the README lists them). Tags take few values: outcome, format, view,
 * reason; never a SKU or a request id.
 */
@Component
public class ForecastMetrics {

	private final MeterRegistry registry;

	private final Counter skus;

	private final Counter rows;

	private final Timer chunks;

	public ForecastMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.skus = Counter.builder("stockcast.forecast.skus")
			.description("Products (SKUs) simulated")
			.baseUnit("skus")
			.register(registry);
		this.rows = Counter.builder("stockcast.forecast.rows")
			.description("Output rows (daily rows or summaries) produced")
			.baseUnit("rows")
			.register(registry);
		this.chunks = Timer.builder("stockcast.forecast.chunk")
			.description("Time to simulate and encode one chunk of products")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
	}

	public void chunkDone(int products, long outputRows, long nanos) {
		this.skus.increment(products);
		this.rows.increment(outputRows);
		this.chunks.record(nanos, TimeUnit.NANOSECONDS);
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

}
