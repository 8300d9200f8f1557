package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.ListFeatures;
import com.stockcast.output.Projection;
import com.stockcast.output.Totals;
import com.stockcast.output.View;
import com.stockcast.security.Client;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A default forecast job stored the way schema version 3 stored it (typed rows in forecast_row and
 * forecast_summary, a null scenario, totals as a block) reads back byte for byte as the synchronous
 * answer once migration 4 has moved it into blocks: every view, every format, and a page that
 * continues from a cursor handed out before the migration. On SQLite, and on the PostgreSQL server
 * named by {@code STOCKCAST_TEST_POSTGRES_URL} when one is.
 */
class ResultBlocksMigrationTest {

	private static final Client OWNER = new Client("test-a");

	@TempDir
	Path dir;

	@Test
	void aDefaultJobStoredByVersion3ReadsBackByteForByteOnSqlite() {
		DataSource sqlite = new SingleConnectionDataSource(
				"jdbc:sqlite:" + this.dir.resolve("jobs.db") + "?foreign_keys=true", true);
		readsBackByteForByte(sqlite, "sqlite");
	}

	@Test
	void aDefaultJobStoredByVersion3ReadsBackByteForByteOnPostgres() {
		String url = System.getenv(PostgresJobsApiTest.URL);
		Assumptions.assumeTrue(url != null && !url.isBlank() && !url.equals("none"),
				"no PostgreSQL server named by " + PostgresJobsApiTest.URL);
		String user = System.getenv().getOrDefault("STOCKCAST_TEST_POSTGRES_USER", "postgres");
		String password = System.getenv().getOrDefault("STOCKCAST_TEST_POSTGRES_PASSWORD", "");
		SingleConnectionDataSource postgres = new SingleConnectionDataSource(url, user, password, true);
		JdbcTemplate jdbc = new JdbcTemplate(postgres);
		jdbc.execute("drop schema if exists migration_test cascade");
		jdbc.execute("create schema migration_test");
		jdbc.execute("set search_path to migration_test");
		try {
			readsBackByteForByte(postgres, "postgresql");
		}
		finally {
			jdbc.execute("set search_path to public");
			jdbc.execute("drop schema migration_test cascade");
		}
	}

	private void readsBackByteForByte(DataSource dataSource, String vendor) {
		Flyway.configure().dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.target("3")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Products daily = Forecasts.products(Forecasts.resource("product_list.csv"));
		Products weekly = Forecasts.products(Forecasts.resource("products-weekly.csv"));
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		UUID dailyJob = tx.execute(status -> storeAsVersion3(jdbc, daily));
		UUID weeklyJob = tx.execute(status -> storeAsVersion3(jdbc, weekly));

		Flyway.configure().dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.javaMigrations(new ResultBlocksMigration())
			.load()
			.migrate();

		assertThat(jdbc.queryForList("select scenario from forecast_job", String.class))
			.containsOnly(ResultBlocksMigration.DEFAULT_SCENARIO);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		StoredResults results = new StoredResults(jdbc, transactions);
		JobStore store = new JobStore(jdbc, new TransactionTemplate(transactions), results, Clock.systemUTC());
		for (UUID id : List.of(dailyJob, weeklyJob)) {
			Products products = id.equals(dailyJob) ? daily : weekly;
			JobScenario scenario = store.find(OWNER, id).orElseThrow().scenario();
			// Migrated jobs keep a summary block a product: they read back as that layout.
			assertThat(scenario).isEqualTo(
					new JobScenario(JobKind.FORECAST, Scenario.DEFAULT, ListFeatures.NONE, false, 0, true, false));
			for (Format format : Format.values()) {
				for (View view : List.of(View.ROWS, View.SUMMARY)) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					results.write(new StoredResults.Query(id, view, null, null, StoredResults.Query.UNLIMITED),
							scenario.projection().table(view), format, out);
					assertThat(out.toString(StandardCharsets.UTF_8)).as("%s %s", view, format)
						.isEqualTo(Forecasts.encode(products, format, view));
				}
				ByteArrayOutputStream totals = new ByteArrayOutputStream();
				results.writeTotals(id, scenario.projection(), format, totals);
				assertThat(totals.toString(StandardCharsets.UTF_8)).as("totals %s", format)
					.isEqualTo(Forecasts.encode(products, format, View.TOTALS));
			}
			// The cursor of a page handed out before: product 0, period 6.
			ByteArrayOutputStream page = new ByteArrayOutputStream();
			Cursor next = results.write(new StoredResults.Query(id, View.ROWS, null, new Cursor(0, 6), 5),
					scenario.projection().table(View.ROWS), Format.CSV, page);
			List<String> lines = Forecasts.encode(products, Format.CSV, View.ROWS).lines().toList();
			assertThat(page.toString(StandardCharsets.UTF_8).lines().toList())
				.isEqualTo(concat(lines.subList(0, 1), lines.subList(8, 13)));
			assertThat(next).isNotNull();
		}
	}

	/** What version 3's JobStore.create and BulkResults left for a succeeded default job. */
	private static UUID storeAsVersion3(JdbcTemplate jdbc, Products products) {
		UUID id = UUID.randomUUID();
		JobDatabase database = JobDatabase.of(jdbc.getDataSource());
		Object now = database.bind(Instant.parse("2026-01-05T10:00:00Z"));
		jdbc.update("insert into forecast_job (id, status, created_at, started_at, finished_at, product_count, "
				+ "row_count, chunk_count, chunks_done, products_done, settings, scenario, idempotency_key, request_hash, "
				+ "owner) values (?, 'succeeded', ?, ?, ?, ?, ?, 1, 1, ?, '{}', null, null, null, ?)", id, now, now, now,
				products.size(), products.periods(0, products.size()), products.size(), OWNER.id());
		jdbc.update("insert into forecast_chunk (job_id, chunk_no, first_product, product_count, input, state, attempts) "
				+ "values (?, 0, 0, ?, ?, 'done', 1)", id, products.size(),
				ChunkCodec.encode(products, 0, products.size()));
		PolicyTrajectory t = new PolicyTrajectory();
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> summaries = new ArrayList<>();
		Totals totals = new Totals();
		Projection projection = new Projection(Scenario.DEFAULT, ListFeatures.NONE);
		for (int i = 0; i < products.size(); i++) {
			t.simulate(products, i, SalesPolicy.BACKORDER, true, false);
			for (int k = 0; k < t.periods(); k++) {
				rows.add(new Object[] { id, i, k, products.id(i),
						LocalDate.ofEpochDay(products.startDay(i) + (long) k * products.frequency(i)), t.level(k),
						t.sales(k), t.restocking(k) });
			}
			summaries.add(new Object[] { id, i, products.id(i),
					(t.stockoutDay() == PolicyTrajectory.NO_STOCKOUT) ? null
							: LocalDate.ofEpochDay(products.startDay(i) + t.stockoutDay()),
					t.minimumLevel(), t.endingLevel() });
			projection.project(products, i, i, null, null, totals);
		}
		jdbc.batchUpdate("insert into forecast_row (job_id, product_no, period, product_id, update_date, "
				+ "inventory_level, sales, restocking) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
		jdbc.batchUpdate("insert into forecast_summary (job_id, product_no, product_id, stockout_date, min_level, "
				+ "ending_level) values (?, ?, ?, ?, ?, ?)", summaries);
		jdbc.update("insert into forecast_output (job_id, section, block_no, product_id, record_count, payload) "
				+ "values (?, 'totals', 0, null, ?, ?)", id, totals.length(), totals.toBytes());
		return id;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> both = new ArrayList<>(a);
		both.addAll(b);
		return both;
	}

}
