package com.stockcast.parallel;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Admission of requests with a body against a memory budget, and the least rate their bodies must
 * arrive at ({@code stockcast.admission.*}).
 *
 * @param memoryBudget heap that admitted requests may hold at once; 0 means {@link #heapShare} of the
 * maximum heap
 * @param heapShare the share of the maximum heap the budget takes when {@link #memoryBudget} is 0
 * @param expansion heap a request holds per byte of its body, parsed (measured: see docs/performance.md)
 * @param unknownLength what a body of unknown length (chunked, or gzip) is counted as before its
 * bytes arrive; it grows as they are read
 * @param minUploadRate the least average rate, per second, a body must arrive at once
 * {@link #uploadGrace} has passed; a slower one is refused with 408
 * @param uploadGrace how long a body may arrive at any rate before {@link #minUploadRate} applies
 * @param maxDrop most of a body the application left unread (a refused request's) that is read and
 * dropped before the answer, so that a client that sends it all before it reads gets the answer; past
 * it, or slower than {@link #minUploadRate}, the connection is closed after the answer instead
 */
@Validated
@ConfigurationProperties("stockcast.admission")
record AdmissionSettings(@NotNull @DefaultValue("0") DataSize memoryBudget,
		@DecimalMin("0.05") @DecimalMax("0.95") @DefaultValue("0.5") double heapShare,
		@DecimalMin("1") @DefaultValue("8") double expansion, @NotNull @DefaultValue("1MB") DataSize unknownLength,
		@NotNull @DefaultValue("16KB") DataSize minUploadRate, @NotNull @DefaultValue("3s") Duration uploadGrace,
		@NotNull @DefaultValue("32MB") DataSize maxDrop) {

	/** The budget in force, in bytes. */
	long budgetBytes(long maxHeap) {
		return (this.memoryBudget.toBytes() > 0) ? this.memoryBudget.toBytes() : (long) (maxHeap * this.heapShare);
	}

	/** Heap held by a request for {@code bodyBytes} bytes of body. */
	long heldFor(long bodyBytes) {
		return (long) Math.ceil(bodyBytes * this.expansion);
	}

	/**
	 * Whether a body of which {@code bytes} arrived while the service waited {@code elapsedNanos} for
	 * them is slower than {@link #minUploadRate} allows, once {@link #uploadGrace} has passed.
	 */
	boolean tooSlow(long bytes, long elapsedNanos) {
		return elapsedNanos > this.uploadGrace.toNanos()
				&& bytes < this.minUploadRate.toBytes() * (elapsedNanos / 1_000_000_000.0);
	}

}
