package com.stockcast.jobs;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JobConfiguration {

	@Bean
	static SqliteDirectory sqliteDirectory() {
		return new SqliteDirectory();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
