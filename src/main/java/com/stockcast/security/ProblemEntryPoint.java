package com.stockcast.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.stockcast.problem.Problems;

/**
 * The filter chain's refusals as problem answers, like every other error: 401 with the
 * {@code WWW-Authenticate} challenges the service accepts, and 403. The detail never says which part
 * of a credential was wrong, nor how the token failed to verify.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final boolean jwt;

	ProblemEntryPoint(boolean jwt) {
		this.jwt = jwt;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean badToken = ex instanceof OAuth2AuthenticationException || ex instanceof InvalidBearerTokenException;
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"stockcast\", header=\"" + ApiKeys.HEADER + "\"");
		if (this.jwt) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
					badToken ? "Bearer realm=\"stockcast\", error=\"invalid_token\"" : "Bearer realm=\"stockcast\"");
		}
		boolean presented = request.getHeader(ApiKeys.HEADER) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				presented ? "The credentials sent are not valid; send a valid API key (" + ApiKeys.HEADER
						+ ") or bearer token." : "Send an API key (" + ApiKeys.HEADER + ") or a bearer token."),
				request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Problems.write(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
				"These credentials may not use this endpoint."), request, response);
	}

}
