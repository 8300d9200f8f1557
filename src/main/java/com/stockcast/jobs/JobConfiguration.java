package com.stockcast.jobs;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JobConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
