package com.stockcast.security;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.stockcast.problem.Problems;

/**
 * Refuses an authenticated client's request with 429 and {@code Retry-After} once its bucket is
 * empty, before its body is read. Anonymous requests (health, the API description) are not counted.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final Counter refused;

	RateLimitFilter(RateLimiter limiter, MeterRegistry registry) {
		this.limiter = limiter;
		this.refused = registry.counter("stockcast.forecast.refused", "reason", "rate_limited");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (this.limiter.enabled() && authentication != null && authentication.getPrincipal() instanceof Client client) {
			long retryAfter = this.limiter.acquire(client);
			if (retryAfter > 0) {
				this.refused.increment();
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
				Problems.write(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
						"This client has used up its request rate; retry after " + retryAfter + " s."), request,
						response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
