package com.stockcast.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: its principal is the {@link Client}, whichever credential proved it. */
final class ClientAuthentication extends AbstractAuthenticationToken {

	private final Client client;

	ClientAuthentication(Client client) {
		super(List.of(new SimpleGrantedAuthority("ROLE_CLIENT")));
		this.client = client;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Client getPrincipal() {
		return this.client;
	}

	@Override
	public String getName() {
		return this.client.id();
	}

}
