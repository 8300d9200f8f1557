package com.stockcast.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextStartedEvent;
import org.springframework.context.event.ContextStoppedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The threads the service cannot work without, each of which exists once: the job dispatcher, and
 * Tomcat's acceptor and poller of each port. If one of them dies (an {@code Error} thrown in it),
 * nothing else notices: the process lives on and answers nothing, or never runs a job again. This
 * health indicator, in the liveness and readiness groups, turns both probes DOWN then, and publishes
 * the broken states, so that an orchestrator takes the instance out and restarts it.
 *
 * <p>Threads that are pooled (the workers, Tomcat's request threads) are replaced by their pools
 * and are not watched. The watch starts when the application is ready (or started again) and ends when
 * it stops or closes, when these threads stop on purpose.
 */
@Component("essentialThreads")
class EssentialThreads implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(EssentialThreads.class);

	/** The job dispatcher, and Tomcat's NIO acceptor and poller threads of every connector. */
	static final Predicate<String> ESSENTIAL = Pattern.compile("job-dispatcher|.*-(Acceptor|Poller)(-\\d+)?")
		.asMatchPredicate();

	private final ApplicationEventPublisher events;

	private final List<Thread> watched = new CopyOnWriteArrayList<>();

	/**
	 * The threads alive before this application last started its web servers and job runner: its
	 * essential threads are those started since. Another application in the same JVM (tests keep
	 * several, and stop and start them again) has its own.
	 */
	private volatile Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

	private volatile boolean broken;

	EssentialThreads(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener({ ApplicationReadyEvent.class, ContextStartedEvent.class })
	void watchAll() {
		this.watched.clear();
		this.broken = false;
		Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> ESSENTIAL.test(thread.getName()) && thread.isAlive() && !this.before.contains(thread))
			.forEach(this::watch);
	}

	void watch(Thread thread) {
		this.watched.add(thread);
	}

	/** The threads stop on purpose when the application stops or closes; they are new if it starts again. */
	@EventListener({ ContextStoppedEvent.class, ContextClosedEvent.class })
	void stopWatching() {
		this.watched.clear();
		this.before = Set.copyOf(Thread.getAllStackTraces().keySet());
	}

	List<String> watchedNames() {
		return this.watched.stream().map(Thread::getName).toList();
	}

	@Override
	public Health health() {
		List<String> dead = this.watched.stream().filter(thread -> !thread.isAlive()).map(Thread::getName).toList();
		if (dead.isEmpty()) {
			return Health.up().withDetail("threads", this.watched.size()).build();
		}
		if (!this.broken) {
			this.broken = true;
			log.error("Threads the service needs have died: {}; liveness and readiness are DOWN", dead);
			AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		}
		return Health.down().withDetail("dead", dead).build();
	}

}
