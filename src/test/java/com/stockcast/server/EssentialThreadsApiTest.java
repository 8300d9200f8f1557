package com.stockcast.server;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service watches its real threads: the job dispatcher, and the acceptor and poller of
 * both ports; the probes include the watch and are UP while they live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EssentialThreadsApiTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	EssentialThreads threads;

	@Test
	void watchesTheDispatcherAndTheAcceptorAndPollerOfBothPorts() throws Exception {
		assertThat(this.threads.watchedNames()).contains("job-dispatcher");
		// One of each per port (on a random port Tomcat names them http-nio-auto-N-...).
		assertThat(this.threads.watchedNames()).filteredOn(name -> name.endsWith("-Acceptor")).hasSize(2);
		assertThat(this.threads.watchedNames()).filteredOn(name -> name.endsWith("-Poller")).hasSize(2);
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> answer = TestHttp.anonymous(this.managementPort).get(probe);
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
		}
	}

}
