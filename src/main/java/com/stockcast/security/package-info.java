/**
 * Security, a feature: who the caller is (an API key or a JWT naming a {@link com.stockcast.security.Client}),
 * the per-client rate limit, CORS, and problem answers for refused credentials. Other modules are
 * handed the client; none reads the security context.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = "problem")
package com.stockcast.security;

import org.springframework.modulith.ApplicationModule;
