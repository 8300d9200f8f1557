package com.stockcast.problem;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AbortedAnswersConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> abortedAnswersValve() {
		return factory -> factory.addContextValves(new AbortedAnswers.Valve());
	}

}
