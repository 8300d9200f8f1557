package com.stockcast.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.stockcast.intake.Histories;
import com.stockcast.intake.SalesHistory;
import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;
import com.stockcast.parallel.ChunkedRun;
import com.stockcast.parallel.ChunkedRuns;
import com.stockcast.parallel.PoolSaturatedException;
import com.stockcast.parallel.PoolSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Sales statistics run on the pool: chunked, in any order, written in order of first appearance. */
class StatisticsWorkTest {

	private static final SalesHistory HISTORY = Histories.build(Histories.random(11, 3_000, 90));

	private ThreadPoolTaskExecutor pool;

	@AfterEach
	void stopPool() {
		if (this.pool != null) {
			this.pool.shutdown();
		}
	}

	@ParameterizedTest(name = "{0} threads, chunks of {1} SKUs / {2} rows, {3}")
	@CsvSource({ "1, 1024, 65536, CSV", "4, 1024, 65536, CSV", "4, 7, 65536, JSON", "2, 1, 65536, NDJSON",
			"3, 5000, 100, CSV", "4, 13, 500, JSON", "2, 100000, 10000000, NDJSON" })
	void writesSkusInOrderOfFirstAppearanceWhateverThePoolAndChunking(int threads, int chunkSize, int chunkMaxRows,
			Format format) throws IOException {
		String expected = sequential(HISTORY, format, 28);
		String actual = stream(pool(threads), settings(threads, chunkSize, chunkMaxRows), format, 28);
		assertThat(actual).isEqualTo(expected);
		assertThat(actual.lines().count()).isEqualTo((format == Format.CSV) ? HISTORY.size() + 1 : HISTORY.size());
	}

	@Test
	void aFullPoolRefusesTheRequestWithRetryAfter() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ForecastMetrics metrics = new ForecastMetrics(registry);
		ChunkedRuns runs = new ChunkedRuns(new Refusing(), settings(2, 100, 65536), metrics);
		assertThatExceptionOfType(PoolSaturatedException.class)
			.isThrownBy(() -> runs.start(new StatisticsWork(HISTORY, 28, new StatisticsEncoder(Format.CSV), metrics)))
			.satisfies(ex -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("3"));
		assertThat(registry.counter("stockcast.forecast.refused", "reason", "pool_saturated").count()).isEqualTo(1);
	}

	@Test
	void aHistoryThatFitsInOneChunkNeverTouchesThePool() throws IOException {
		SalesHistory small = Histories.build(Histories.random(3, 5, 10));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ChunkedRun run = start(small, 28, new StatisticsEncoder(Format.CSV), new Refusing(), settings(2, 100, 65536),
				new ForecastMetrics(new SimpleMeterRegistry()))) {
			run.writeTo(out);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(sequential(small, Format.CSV, 28));
	}

	@Test
	void countsSkusAndHistoryRows() throws IOException {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (ChunkedRun run = start(HISTORY, 28, new StatisticsEncoder(Format.CSV), pool(2), settings(2, 64, 65536),
				new ForecastMetrics(registry))) {
			run.writeTo(new ByteArrayOutputStream());
		}
		assertThat(registry.counter("stockcast.statistics.skus").count()).isEqualTo(HISTORY.size());
		assertThat(registry.counter("stockcast.statistics.history.rows").count()).isEqualTo(HISTORY.rows());
	}

	/** The answer computed on one thread, SKU after SKU: what any pool and chunking must give. */
	static String sequential(SalesHistory history, Format format, int trendDays) {
		StatisticsEncoder encoder = new StatisticsEncoder(format);
		OutputBuffer buffer = new OutputBuffer(1024);
		for (int sku = 0; sku < history.size(); sku++) {
			encoder.encode(history.id(sku), SalesStatistics.of(history, sku, trendDays), sku == 0, buffer);
		}
		return new String(encoder.prologue(), StandardCharsets.UTF_8) + buffer
				+ new String(encoder.epilogue(), StandardCharsets.UTF_8);
	}

	private String stream(AsyncTaskExecutor executor, PoolSettings settings, Format format, int trendDays)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ChunkedRun run = start(HISTORY, trendDays, new StatisticsEncoder(format), executor, settings,
				new ForecastMetrics(new SimpleMeterRegistry()))) {
			run.writeTo(out);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static ChunkedRun start(SalesHistory history, int trendDays, StatisticsEncoder encoder,
			AsyncTaskExecutor executor, PoolSettings settings, ForecastMetrics metrics) {
		return new ChunkedRuns(executor, settings, metrics).start(new StatisticsWork(history, trendDays, encoder, metrics));
	}

	private ThreadPoolTaskExecutor pool(int threads) {
		this.pool = new ThreadPoolTaskExecutor();
		this.pool.setCorePoolSize(threads);
		this.pool.setMaxPoolSize(threads);
		this.pool.setQueueCapacity(1000);
		this.pool.initialize();
		return this.pool;
	}

	private static PoolSettings settings(int threads, int chunkSize, int chunkMaxRows) {
		return new PoolSettings(threads, 1000, chunkSize, chunkMaxRows, Duration.ofSeconds(3));
	}

	/** A pool whose workers are all busy and whose queue is full. */
	private static final class Refusing implements AsyncTaskExecutor {

		@Override
		public void execute(Runnable task) {
			throw new TaskRejectedException("full");
		}

		@Override
		public <T> Future<T> submit(Callable<T> task) {
			throw new TaskRejectedException("full");
		}

	}

}
