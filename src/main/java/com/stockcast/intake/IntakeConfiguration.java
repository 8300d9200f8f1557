package com.stockcast.intake;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	/** Uploads follow the same body limit as raw bodies; parts past 1 MB spool to disk, not the heap. */
	@Bean
	MultipartConfigElement multipartConfigElement(IntakeLimits limits) {
		long max = limits.maxBodySize().toBytes();
		return new MultipartConfigElement("", max, max + 1024 * 1024, 1024 * 1024);
	}

}
