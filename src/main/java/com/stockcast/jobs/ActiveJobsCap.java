package com.stockcast.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.stockcast.problem.ProblemException;
import com.stockcast.security.Client;

/**
 * Refuses a client's new job while it has {@code stockcast.jobs.max-active-per-client} jobs queued or
 * running, so that one client cannot fill the queue for all. The count is read at submission:
 * submissions that arrive at the same moment may pass it together, by at most their number.
 */
@Component
class ActiveJobsCap {

	/** Jobs take seconds to minutes; polling sooner than this would only be refused again. */
	static final int RETRY_AFTER_SECONDS = 10;

	private final JobStore store;

	private final JobSettings settings;

	private final Counter refused;

	ActiveJobsCap(JobStore store, JobSettings settings, MeterRegistry registry) {
		this.store = store;
		this.settings = settings;
		this.refused = registry.counter("stockcast.forecast.refused", "reason", "active_jobs");
	}

	void check(Client owner) {
		int active = this.store.countActive(owner);
		if (active >= this.settings.maxActivePerClient()) {
			this.refused.increment();
			ProblemException tooMany = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-jobs",
					"Too many jobs at once", "This client has " + active + " jobs queued or running, the most it may "
							+ "have; retry after " + RETRY_AFTER_SECONDS + " s, or cancel one.");
			tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
			throw tooMany;
		}
	}

}
