package com.stockcast.security;

import java.util.regex.Pattern;

/**
 * The store system behind a request: whoever an API key is bound to, or a JWT names. It is the
 * principal of the request's authentication, which controllers take as an argument
 * ({@code @AuthenticationPrincipal}) and hand to what they call. Jobs belong to the client that
 * created them, and limits are counted per client.
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

}
