package com.stockcast.parallel;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	/**
	 * After Spring Security's chain (order -100): a request refused for its credentials or its rate is
	 * refused without taking any memory. Before the dispatcher servlet, which reads multipart bodies.
	 */
	@Bean
	FilterRegistrationBean<AdmissionFilter> admissionFilter(MemoryBudget budget) {
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(new AdmissionFilter(budget));
		registration.setOrder(0);
		return registration;
	}

	/**
	 * Before every other filter, Spring Security's among them: every answer, a 401 or 429 too, has its
	 * request's unread body dropped at the least upload rate, or its connection closed.
	 */
	@Bean
	FilterRegistrationBean<UnreadBodyFilter> unreadBodyFilter(AdmissionSettings settings) {
		FilterRegistrationBean<UnreadBodyFilter> registration = new FilterRegistrationBean<>(new UnreadBodyFilter(settings));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
