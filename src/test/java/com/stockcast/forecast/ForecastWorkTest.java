package com.stockcast.forecast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.Answer;
import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.ListFeatures;
import com.stockcast.output.View;
import com.stockcast.parallel.ChunkedRun;
import com.stockcast.parallel.ChunkedRuns;
import com.stockcast.parallel.PoolSaturatedException;
import com.stockcast.parallel.PoolSettings;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A forecast run on the pool: chunked, in any order, written in input order. */
class ForecastWorkTest {

	private static final Products PRODUCTS = Forecasts.randomProducts(5_000);

	private ThreadPoolTaskExecutor pool;

	@AfterEach
	void stopPool() {
		if (this.pool != null) {
			this.pool.shutdown();
		}
	}

	@ParameterizedTest(name = "{0} threads, chunks of {1} products / {2} rows, {3}")
	@CsvSource({ "1, 1000, 65536, CSV", "4, 1000, 65536, CSV", "4, 7, 65536, CSV", "2, 1, 65536, JSON",
			"3, 5000, 100, NDJSON", "4, 13, 500, JSON" })
	void streamsRowsInInputOrderWhateverThePoolAndChunking(int threads, int chunkSize, int chunkMaxRows,
			Format format) throws IOException {
		String expected = Forecasts.encode(PRODUCTS, format, View.ROWS);
		assertThat(stream(pool(threads, 1000), settings(threads, chunkSize, chunkMaxRows), format, View.ROWS))
			.isEqualTo(expected);
	}

	@Test
	void summariesComeInInputOrderToo() throws IOException {
		String expected = Forecasts.encode(PRODUCTS, Format.JSON, View.SUMMARY);
		assertThat(stream(pool(4, 100), settings(4, 9, 65536), Format.JSON, View.SUMMARY)).isEqualTo(expected);
	}

	@Test
	void runsOnADirectExecutor() throws IOException {
		String expected = Forecasts.encode(PRODUCTS, Format.CSV, View.ROWS);
		AsyncTaskExecutor direct = new TaskExecutorAdapter(Runnable::run);
		assertThat(stream(direct, settings(2, 100, 65536), Format.CSV, View.ROWS)).isEqualTo(expected);
	}

	@Test
	void smallInputRunsInlineWithoutThePool() throws IOException {
		AsyncTaskExecutor refusing = new TaskExecutorAdapter(task -> {
			throw new org.springframework.core.task.TaskRejectedException("pool must not be used");
		});
		Products small = Forecasts.randomProducts(10);
		assertThat(stream(refusing, settings(2, 1000, 65536), small, Format.CSV, View.ROWS))
			.isEqualTo(Forecasts.encode(small, Format.CSV, View.ROWS));
	}

	@Test
	void refusesAtOnceWhenThePoolIsFull() {
		AsyncTaskExecutor refusing = new TaskExecutorAdapter(task -> {
			throw new org.springframework.core.task.TaskRejectedException("full");
		});
		ForecastMetrics metrics = new ForecastMetrics(new SimpleMeterRegistry());
		ChunkedRuns runs = new ChunkedRuns(refusing, settings(2, 10, 65536), metrics);
		assertThatThrownBy(() -> runs.start(
				new ForecastWork(PRODUCTS, new Answer(Format.CSV, View.ROWS, Scenario.DEFAULT, ListFeatures.NONE), metrics)))
			.isInstanceOf(PoolSaturatedException.class)
			.satisfies(ex -> assertThat(((PoolSaturatedException) ex).getHeaders().getFirst("Retry-After"))
				.isEqualTo("2"));
	}

	@Test
	void anAdmittedRequestCompletesEvenWhenLaterChunksAreRefused() throws IOException {
		// The first chunk is accepted, every later one refused: the writer computes those itself.
		int[] calls = { 0 };
		AsyncTaskExecutor firstOnly = new TaskExecutorAdapter(task -> {
			if (calls[0]++ > 0) {
				throw new org.springframework.core.task.TaskRejectedException("full");
			}
			task.run();
		});
		assertThat(stream(firstOnly, settings(2, 50, 65536), Format.CSV, View.ROWS))
			.isEqualTo(Forecasts.encode(PRODUCTS, Format.CSV, View.ROWS));
	}

	private String stream(AsyncTaskExecutor executor, PoolSettings settings, Format format, View view)
			throws IOException {
		return stream(executor, settings, PRODUCTS, format, view);
	}

	private String stream(AsyncTaskExecutor executor, PoolSettings settings, Products products, Format format,
			View view) throws IOException {
		ForecastMetrics metrics = new ForecastMetrics(new SimpleMeterRegistry());
		ChunkedRuns runs = new ChunkedRuns(executor, settings, metrics);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ChunkedRun run = runs.start(new ForecastWork(products, new Answer(format, view, Scenario.DEFAULT, ListFeatures.NONE),
				metrics))) {
			run.writeTo(out);
		}
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private ThreadPoolTaskExecutor pool(int threads, int queue) {
		this.pool = new ThreadPoolTaskExecutor();
		this.pool.setCorePoolSize(threads);
		this.pool.setMaxPoolSize(threads);
		this.pool.setQueueCapacity(queue);
		this.pool.initialize();
		return this.pool;
	}

	private static PoolSettings settings(int threads, int chunkSize, int chunkMaxRows) {
		return new PoolSettings(threads, 1000, chunkSize, chunkMaxRows, Duration.ofSeconds(2));
	}

}
