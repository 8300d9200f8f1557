package com.stockcast.parallel;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.problem.ProblemException;

/**
 * The heap that requests in progress may hold, shared by all of them: a request reserves what it will
 * hold (its body parsed, its answer's buffers) before it holds it, and is refused with 503 when the
 * reservation does not fit. The pool bounds the CPU a request takes; this bounds its memory, which the
 * pool alone cannot, since a request's whole input is read before any of it reaches the pool.
 */
@Component
class MemoryBudget {

	private final long capacity;

	private final AtomicLong reserved = new AtomicLong();

	private final AdmissionSettings settings;

	private final PoolSettings pool;

	private final ForecastMetrics metrics;

	@Autowired
	MemoryBudget(AdmissionSettings settings, PoolSettings pool, ForecastMetrics metrics, MeterRegistry registry) {
		this(settings.budgetBytes(Runtime.getRuntime().maxMemory()), settings, pool, metrics);
		Gauge.builder("stockcast.admission.memory.reserved", this.reserved, AtomicLong::get)
			.description("Heap reserved by the requests being served")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("stockcast.admission.memory.budget", this, MemoryBudget::capacity)
			.description("Heap that requests being served may reserve at once")
			.baseUnit("bytes")
			.register(registry);
	}

	MemoryBudget(long capacity, AdmissionSettings settings, PoolSettings pool, ForecastMetrics metrics) {
		this.capacity = capacity;
		this.settings = settings;
		this.pool = pool;
		this.metrics = metrics;
	}

	/** The whole budget, in bytes. */
	public long capacity() {
		return this.capacity;
	}

	/** Bytes reserved now by the requests in progress. */
	public long reserved() {
		return this.reserved.get();
	}

	AdmissionSettings settings() {
		return this.settings;
	}

	/** Takes {@code bytes} from the budget, or nothing and false when they do not fit. */
	boolean tryTake(long bytes) {
		long now;
		do {
			now = this.reserved.get();
			if (now + bytes > this.capacity) {
				return false;
			}
		}
		while (!this.reserved.compareAndSet(now, now + bytes));
		return true;
	}

	void give(long bytes) {
		this.reserved.addAndGet(-bytes);
	}

	/** Whether {@code bytes} would fit now, without taking them. */
	boolean fits(long bytes) {
		return this.reserved.get() + bytes <= this.capacity;
	}

	/**
	 * The refusal of a request that holds {@code held} and wants {@code wanted} more: 503 when it would
	 * fit once others are done, counted; 413 when it could never fit, since retrying would not help.
	 */
	ProblemException refusal(long held, long wanted) {
		if (held + wanted > this.capacity) {
			return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
					"Parsed, this body would hold more memory than the service sets aside for all requests at once "
							+ "(stockcast.admission.memory-budget, " + this.capacity + " bytes; about "
							+ (long) (this.capacity / this.settings.expansion()) + " bytes of body); send it in parts.");
		}
		this.metrics.refused("memory_saturated");
		return new MemorySaturatedException(this.pool.retryAfter());
	}

}
