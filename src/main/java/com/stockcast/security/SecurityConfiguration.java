package com.stockcast.security;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. The API needs an API key ({@code X-API-Key}) or, where an issuer is configured, a
 * JWT bearer token; either names the {@link Client}. Health, the probes and the API description are
 * open. The other actuator endpoints (Prometheus) are served only on the management port, which is
 * kept off the public network; on the API port they are refused. Every refusal is a problem answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String[] OPEN = { "/livez", "/readyz", "/actuator/health", "/actuator/health/**",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	private static final String[] DOCS = { "/swagger-ui.html", "/swagger-ui/**" };

	/** Nothing but the answer itself: API answers are data, never pages. */
	private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Bean
	ApiKeys apiKeys(SecuritySettings settings, ObjectProvider<JwtDecoder> jwt, Environment environment) {
		ApiKeys keys = ApiKeys.of(settings.apiKeys());
		if (!keys.isEmpty() || jwt.getIfAvailable() != null) {
			return keys;
		}
		if (!settings.firstKey()) {
			throw new IllegalStateException("No credentials are configured: set stockcast.security.api-keys, or "
					+ "spring.security.oauth2.resourceserver.jwt.* for bearer tokens (see the README, Security)");
		}
		return ApiKeys.first(Path.of(environment.getProperty("stockcast.data-dir", "./data"), "first-api-key.sha256"));
	}

	@Bean
	RateLimiter rateLimiter(SecuritySettings settings, DataSource dataSource) {
		LocalBuckets local = new LocalBuckets(settings.rateLimit(), TimeMeter.SYSTEM_NANOTIME);
		return new RateLimiter(settings.rateLimit(),
				SharedBuckets.supported(dataSource) ? new SharedBuckets(settings.rateLimit(), dataSource, local) : local);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings, ApiKeys keys,
			RateLimiter limiter, ObjectProvider<JwtDecoder> jwt, MeterRegistry registry, ServletContext api)
			throws Exception {
		JwtDecoder decoder = jwt.getIfAvailable();
		ProblemEntryPoint refusals = new ProblemEntryPoint(decoder != null);
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers(OPEN).permitAll()
				// Served by the management server only; the same paths on the API port are refused.
				.requestMatchers("/actuator", "/actuator/**")
				.access((authentication, context) -> new AuthorizationDecision(
						context.getRequest().getServletContext() != api))
				.anyRequest().authenticated())
			.addFilterBefore(new ApiKeyFilter(keys, refusals), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(limiter, registry), AuthorizationFilter.class)
			.headers(headers -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs(), csp(DOCS_CSP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs()), csp(API_CSP)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		if (decoder != null) {
			ClientClaims claims = new ClientClaims(settings.clientClaims());
			http.oauth2ResourceServer(resourceServer -> resourceServer
				.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals)
				.jwt(token -> token.decoder(decoder).jwtAuthenticationConverter(claims)));
		}
		if (settings.corsAllowedOrigins().isEmpty()) {
			http.cors(cors -> cors.disable());
		}
		else {
			http.cors(cors -> cors.configurationSource(cors(settings.corsAllowedOrigins())));
		}
		return http.build();
	}

	private static RequestMatcher docs() {
		return new OrRequestMatcher(List.of(DOCS).stream()
			.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
			.toList());
	}

	private static StaticHeadersWriter csp(String policy) {
		return new StaticHeadersWriter("Content-Security-Policy", policy);
	}

	private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
		cors.setAllowedHeaders(List.of(ApiKeys.HEADER, HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.CONTENT_ENCODING, HttpHeaders.ACCEPT, "Prefer", "Idempotency-Key"));
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
				"Preference-Applied"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/forecasts/**", cors);
		source.registerCorsConfiguration("/forecasts", cors);
		return source;
	}

}
