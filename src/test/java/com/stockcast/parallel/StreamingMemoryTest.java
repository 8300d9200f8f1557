package com.stockcast.parallel;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockcast.ServiceProcess;
import com.stockcast.StockcastApplication;
import com.stockcast.TestHttp;
import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer streams: 200,000 SKUs x 365 days (73 M rows, about 2.5 GB of CSV) pass through a
 * service JVM limited to a 256 MB heap, started as its own process.
 */
class StreamingMemoryTest {

	private static final int SKUS = 200_000;

	private static final int DAYS = 365;

	private ServiceProcess service;

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void streams73MillionRowsThroughA256MegabyteHeap() throws Exception {
		int port = ServiceProcess.freePort();
		this.service = ServiceProcess.start(new ProcessBuilder(ServiceProcess.java(), "-Xmx256m",
				"-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				StockcastApplication.class.getName(), "--server.port=" + port, "--management.server.port=0"), port, this.dir.resolve("service.log"),
				Duration.ofMinutes(5));
		String input = BackpressureApiTest.csv(SKUS, DAYS);
		TestHttp http = this.service.http();
		HttpResponse<InputStream> response = http.send(
				http.request("POST", "/forecasts", HttpRequest.BodyPublishers.ofString(input), "Content-Type", "text/csv"),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);

		long lines = 0;
		String last = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines++;
				last = line;
			}
		}
		assertThat(this.service.process().isAlive()).as("service still running; log: %s", this.service.log()).isTrue();
		assertThat(lines).isEqualTo(1L + (long) SKUS * DAYS);
		String lastProduct = input.substring(input.lastIndexOf('\n', input.length() - 2) + 1);
		String expectedLast = Forecasts.encode(Forecasts.products(input.lines().findFirst().orElseThrow() + "\n"
				+ lastProduct), Format.CSV, View.ROWS).lines().reduce((a, b) -> b).orElseThrow();
		assertThat(last).isEqualTo(expectedLast);
	}

}
