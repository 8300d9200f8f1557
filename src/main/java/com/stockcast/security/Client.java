package com.stockcast.security;

import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The store system behind a request: whoever an API key is bound to, or a JWT names. Jobs belong to
 * the client that created them, and limits are counted per client.
 *
 * @param id the client id, 1..128 characters of letters, digits and {@code . _ - : @ /}
 */
public record Client(String id) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");

	public Client {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A client id is 1..128 letters, digits or . _ - : @ /, not: " + id);
		}
	}

	/** Whether {@code id} may name a client. */
	public static boolean isValid(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/**
	 * The client of the request being handled on this thread.
	 * @throws IllegalStateException when no client is authenticated: the security filter chain lets
	 * no such request reach the API, so this is a fault of the service, not of the caller
	 */
	public static Client current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Client client) {
			return client;
		}
		throw new IllegalStateException("No authenticated client on this request");
	}

}
