package com.stockcast.parallel;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.stockcast.problem.ProblemException;

/** 503: every worker is busy and the queue is full; the caller is told when to retry. */
public class PoolSaturatedException extends ProblemException {

	public PoolSaturatedException(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "pool-saturated", "The forecast workers are all busy",
				"Every worker is busy and the work queue is full; retry after " + seconds(retryAfter) + " s.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	static long seconds(Duration retryAfter) {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
