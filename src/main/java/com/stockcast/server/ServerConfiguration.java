package com.stockcast.server;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/**
	 * {@code 100 Continue} only once the application reads the body (Tomcat's default sends it at
	 * once): a client that waits for it (curl does for bodies over 1 MB) never sends a body that
	 * admission refuses.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return connector -> connector.setProperty("continueResponseTiming", "onRead");
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionValve() {
		return factory -> factory.addContextValves(new ConnectionValve());
	}

}
