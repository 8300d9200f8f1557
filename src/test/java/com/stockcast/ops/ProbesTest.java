package com.stockcast.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import com.stockcast.StockcastApplication;
import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes probes: what each health group depends on, and readiness on shutdown. */
class ProbesTest {

	@Test
	void livenessAndReadinessDependOnTheApplicationsOwnStateOnly() {
		try (ConfigurableApplicationContext context = start(status -> {
		})) {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("liveness").isMember("essentialThreads")).isTrue();
			assertThat(groups.get("readiness").isMember("essentialThreads")).isTrue();
			for (String group : new String[] { "liveness", "readiness" }) {
				assertThat(groups.get(group).isMember("db")).as(group).isFalse();
				assertThat(groups.get(group).isMember("diskSpace")).as(group).isFalse();
			}
		}
	}

	@Test
	void readinessIsOutOfServiceWhileTheServerStillAnswersAtShutdown() {
		List<Integer> readinessAtShutdown = new ArrayList<>();
		ConfigurableApplicationContext context = start(readinessAtShutdown::add);
		assertThat(readiness(context)).isEqualTo(200);
		context.close();
		assertThat(readinessAtShutdown).as("readiness asked as the first components stop").containsExactly(503);
	}

	/**
	 * Starts the service; {@code atShutdown} gets the readiness probe's status asked when the first
	 * components stop on close, before the web server's graceful shutdown.
	 */
	private static ConfigurableApplicationContext start(IntConsumer atShutdown) {
		return new SpringApplicationBuilder(StockcastApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("readinessAtShutdown", new SmartLifecycle() {

				private boolean running;

				@Override
				public void start() {
					this.running = true;
				}

				@Override
				public void stop() {
					atShutdown.accept(readiness(context));
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

			}))
			.run("--server.port=0", "--management.server.port=0", "--stockcast.data-dir=./target/test-data/probes-" + System.nanoTime());
	}

	private static int readiness(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return TestHttp.anonymous(port).get("/readyz").statusCode();
	}

}
