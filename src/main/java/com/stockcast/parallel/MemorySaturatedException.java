package com.stockcast.parallel;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.stockcast.problem.ProblemException;

/** 503: the requests admitted already hold the memory budget; the caller is told when to retry. */
class MemorySaturatedException extends ProblemException {

	MemorySaturatedException(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "memory-saturated", "The service is holding all the input it can",
				"The requests being served hold the memory this service sets aside for input; retry after "
						+ PoolSaturatedException.seconds(retryAfter) + " s.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(PoolSaturatedException.seconds(retryAfter)));
	}

}
