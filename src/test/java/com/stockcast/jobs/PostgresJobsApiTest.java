package com.stockcast.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The job lifecycle on PostgreSQL: a Testcontainers server where a Docker engine runs, or the server
 * named by {@code STOCKCAST_TEST_POSTGRES_URL} (set by {@code .ci/run}) where none does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContract.PROPERTIES_CHUNKS, JobsApiContract.PROPERTIES_POLL })
@Import(PostgresJobsApiTest.Container.class)
class PostgresJobsApiTest extends JobsApiContract {

	static final String URL = "STOCKCAST_TEST_POSTGRES_URL";

	@DynamicPropertySource
	static void localServer(DynamicPropertyRegistry registry) {
		String url = System.getenv(URL);
		if (url != null && !url.isBlank()) {
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", () -> env("STOCKCAST_TEST_POSTGRES_USER", "postgres"));
			registry.add("spring.datasource.password", () -> env("STOCKCAST_TEST_POSTGRES_PASSWORD", ""));
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null) ? fallback : value;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = URL, havingValue = "none", matchIfMissing = true)
	static class Container {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer("postgres:16.4-alpine");
		}

	}

}
