package com.stockcast.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, put forward by however much a test moves it: time that a job waits out (a
 * retention, a lease) passes at the test's word, not while the test hopes the machine keeps up.
 */
final class MovableClock extends Clock {

	private final AtomicReference<Duration> offset;

	private final ZoneId zone;

	MovableClock() {
		this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
	}

	private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
		this.offset = offset;
		this.zone = zone;
	}

	/** Moves this clock (and every clock made from it with {@link #withZone}) forward. */
	void advance(Duration by) {
		this.offset.accumulateAndGet(by, Duration::plus);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.offset, zone);
	}

}
