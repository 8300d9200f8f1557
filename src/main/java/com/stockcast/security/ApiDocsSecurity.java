package com.stockcast.security;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's credentials in its OpenAPI description: an API key header, or a JWT bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

	@Bean
	OpenApiCustomizer securitySchemes() {
		return api -> {
			api.getComponents()
				.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name(ApiKeys.HEADER)
					.description("An API key bound to a client (stockcast.security.api-keys)"))
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A JWT from the configured issuer, for the configured audience; the client is its "
							+ "client_id (or sub) claim"));
			api.addSecurityItem(new SecurityRequirement().addList("apiKey"));
			api.addSecurityItem(new SecurityRequirement().addList("bearer"));
		};
	}

}
