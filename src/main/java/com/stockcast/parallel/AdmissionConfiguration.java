package com.stockcast.parallel;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

	/**
	 * After Spring Security's chain (order -100): a request refused for its credentials or its rate is
	 * refused without taking any memory. Before the dispatcher servlet, which reads multipart bodies.
	 */
	@Bean
	FilterRegistrationBean<AdmissionFilter> admissionFilter(MemoryBudget budget, TomcatServerProperties tomcat) {
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(
				new AdmissionFilter(budget, tomcat.getMaxSwallowSize().toBytes()));
		registration.setOrder(0);
		return registration;
	}

}
