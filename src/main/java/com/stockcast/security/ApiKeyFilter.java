package com.stockcast.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries an {@code X-API-Key}: a known key makes its client the
 * principal; an unknown one is refused at once with 401, even where the path would be open.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
		this.keys = keys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(ApiKeys.HEADER);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Client> client = this.keys.client(key);
		if (client.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ClientAuthentication(client.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
