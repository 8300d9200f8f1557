package com.stockcast.parallel;

import com.stockcast.problem.ProblemException;

/**
 * What one request has taken from the {@link MemoryBudget}. It is opened when the request is admitted
 * and closed, giving everything back, when the request ends, however it ends. It belongs to the
 * request's thread: everything that reads the body or plans the answer on that thread (the intake, the
 * streamer) finds it with {@link #current()} rather than having it passed through every signature.
 */
public final class Reservation implements AutoCloseable {

	private static final ThreadLocal<Reservation> CURRENT = new ThreadLocal<>();

	private final MemoryBudget budget;

	private long taken;

	private long bodyBytes;

	private long coveredBodyBytes;

	/** Whether the body is handed on as it is read, so that what is read is not what is held. */
	private boolean streamed;

	Reservation(MemoryBudget budget) {
		this.budget = budget;
	}

	/** The reservation of the request on this thread, or {@code null} outside an admitted request. */
	public static Reservation current() {
		return CURRENT.get();
	}

	/**
	 * Counts {@code bytes} more of body read (inflated, when it was compressed), and takes what they
	 * will hold once parsed when the reservation does not cover them yet.
	 * @throws MemorySaturatedException when the budget has no room for them now (a
	 * {@code ProblemException} 413 when it never could)
	 */
	public void bodyRead(long bytes) {
		this.bodyBytes += bytes;
		if (!this.streamed && this.bodyBytes > this.coveredBodyBytes) {
			// Ahead by a quarter of what has arrived (at least unknown-length), so that the shared counter
			// is touched a few dozen times per body; exactly what is needed when that much does not fit.
			long ahead = this.bodyBytes
					+ Math.max(this.budget.settings().unknownLength().toBytes(), this.bodyBytes / 4);
			AdmissionSettings settings = this.budget.settings();
			if (this.budget.tryTake(settings.heldFor(ahead) - settings.heldFor(this.coveredBodyBytes))) {
				this.taken += settings.heldFor(ahead) - settings.heldFor(this.coveredBodyBytes);
				this.coveredBodyBytes = ahead;
				return;
			}
			take(settings.heldFor(this.bodyBytes) - settings.heldFor(this.coveredBodyBytes));
			this.coveredBodyBytes = this.bodyBytes;
		}
	}

	/**
	 * Takes {@code bytes} for something the request will hold beside its parsed body (its answer's
	 * buffers in flight).
	 * @throws MemorySaturatedException when the budget has no room for them
	 */
	public void hold(long bytes) {
		take(bytes);
	}

	/**
	 * Says that the body is handed on chunk by chunk as it is read (a job's input stored as it arrives),
	 * so that it holds about the same whatever its length: what was taken for it is given back, the
	 * body's window is taken instead, and the body read from here on is not counted.
	 * @throws MemorySaturatedException when the budget has no room for the window now
	 */
	public void streamBody() {
		this.budget.give(this.taken);
		this.taken = 0;
		this.coveredBodyBytes = 0;
		this.streamed = true;
		take(this.budget.settings().heldFor(this.budget.settings().unknownLength().toBytes()));
	}

	/**
	 * Says that a body taken for streamed will be held whole after all (it turned out to carry input
	 * that must be matched against the rest): it is counted again, from its first byte.
	 */
	public void holdBody() {
		this.streamed = false;
		bodyRead(0);
	}

	/** Bytes taken from the budget so far. */
	public long taken() {
		return this.taken;
	}

	/**
	 * Covers {@code bodyBytes} of body before any is read.
	 * @throws ProblemException 503 when they do not fit now, 413 when they never could
	 */
	void coverBody(long bodyBytes) {
		take(this.budget.settings().heldFor(bodyBytes));
		this.coveredBodyBytes += bodyBytes;
	}

	private void take(long bytes) {
		if (!this.budget.tryTake(bytes)) {
			throw this.budget.refusal(this.taken, bytes);
		}
		this.taken += bytes;
	}

	void bind() {
		CURRENT.set(this);
	}

	@Override
	public void close() {
		CURRENT.remove();
		this.budget.give(this.taken);
		this.taken = 0;
	}

}
