package com.stockcast.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** A watched thread that dies turns the indicator DOWN and the application broken and refusing traffic. */
class EssentialThreadsTest {

	@Test
	void aDeadEssentialThreadMakesTheServiceNotLiveAndNotReady() throws Exception {
		List<Object> published = new ArrayList<>();
		EssentialThreads threads = new EssentialThreads(published::add);
		CountDownLatch fail = new CountDownLatch(1);
		Thread dispatcher = new Thread(() -> {
			awaitQuietly(fail);
			throw new StackOverflowError("as an Error that nothing catches would");
		}, "job-dispatcher");
		dispatcher.setUncaughtExceptionHandler((thread, error) -> {
		});
		dispatcher.start();
		threads.watch(Thread.currentThread());
		threads.watch(dispatcher);
		assertThat(threads.health().getStatus()).isEqualTo(Status.UP);

		fail.countDown();
		dispatcher.join();

		assertThat(threads.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(threads.health().getDetails()).containsEntry("dead", List.of("job-dispatcher"));
		assertThat(published).<Object>map(event -> ((AvailabilityChangeEvent<?>) event).getState())
			.containsExactly(LivenessState.BROKEN, ReadinessState.REFUSING_TRAFFIC);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void leavesAloneTheThreadsOfAnApplicationThatStartedBeforeIt() throws Exception {
		CountDownLatch end = new CountDownLatch(1);
		Thread earlier = new Thread(() -> awaitQuietly(end), "http-nio-earlier-Poller");
		earlier.start();
		EssentialThreads threads = new EssentialThreads(event -> {
		});
		Thread own = new Thread(() -> awaitQuietly(end), "http-nio-own-Poller");
		own.start();
		threads.watchAll();
		assertThat(threads.watchedNames()).contains("http-nio-own-Poller").doesNotContain("http-nio-earlier-Poller");
		end.countDown();
		earlier.join();
		own.join();
	}

	@Test
	void watchesTheDispatcherAndTomcatsAcceptorsAndPollersByName() {
		assertThat(EssentialThreads.ESSENTIAL).accepts("job-dispatcher", "http-nio-8080-Acceptor",
				"http-nio-8081-Poller", "http-nio-auto-1-Poller");
		assertThat(EssentialThreads.ESSENTIAL).rejects("http-nio-8080-exec-1", "forecast-1", "job-metrics");
	}

}
