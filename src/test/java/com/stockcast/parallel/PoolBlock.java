package com.stockcast.parallel;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every thread of a pool held busy until {@link #close()}: work handed to the pool meanwhile waits in
 * its queue. A test holds a job queued or running this way, for as long as it needs, instead of
 * hoping that the job is still unfinished when its next request arrives.
 */
public final class PoolBlock implements AutoCloseable {

	private static final Duration DEADLINE = Duration.ofMinutes(2);

	private final CountDownLatch release = new CountDownLatch(1);

	private PoolBlock() {
	}

	/** Occupies each of {@code pool}'s threads; returns once all of them are held. */
	public static PoolBlock of(ThreadPoolTaskExecutor pool) throws InterruptedException {
		PoolBlock block = new PoolBlock();
		int threads = pool.getMaxPoolSize();
		CountDownLatch held = new CountDownLatch(threads);
		try {
			for (int i = 0; i < threads; i++) {
				pool.execute(() -> {
					held.countDown();
					block.awaitRelease();
				});
			}
			// Work already on the pool finishes first; then every thread is one of ours.
			assertThat(held.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("all %d pool threads held", threads)
				.isTrue();
		}
		catch (RuntimeException | Error | InterruptedException ex) {
			block.close();
			throw ex;
		}
		return block;
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Lets the pool's threads go back to work. */
	@Override
	public void close() {
		this.release.countDown();
	}

}
