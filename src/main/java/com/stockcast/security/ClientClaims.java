package com.stockcast.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Names the client of a verified JWT by the first of the configured claims it holds (by default
 * {@code client_id}, then {@code sub}). A token that names no valid client is refused like a bad one.
 */
final class ClientClaims implements Converter<Jwt, AbstractAuthenticationToken> {

	private final List<String> claims;

	ClientClaims(List<String> claims) {
		this.claims = List.copyOf(claims);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		for (String claim : this.claims) {
			Object value = jwt.getClaims().get(claim);
			if (value instanceof String id && !id.isEmpty()) {
				if (!Client.isValid(id)) {
					throw new InvalidBearerTokenException("The token's " + claim + " is not a valid client id");
				}
				return new ClientAuthentication(new Client(id));
			}
		}
		throw new InvalidBearerTokenException("The token names no client (claims " + this.claims + ")");
	}

}
