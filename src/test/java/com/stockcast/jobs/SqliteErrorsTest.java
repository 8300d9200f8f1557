package com.stockcast.jobs;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite's errors reach the job runner as Spring's categories (through {@code sql-error-codes.xml}),
 * so that a busy database pauses a chunk without counting an attempt while a real failure counts.
 */
class SqliteErrorsTest {

	@TempDir
	Path dir;

	@Test
	void aDatabaseLockedByAnotherWriterIsTransient() throws Exception {
		String url = "jdbc:sqlite:" + this.dir.resolve("busy.db") + "?journal_mode=WAL&busy_timeout=0";
		SingleConnectionDataSource holder = new SingleConnectionDataSource(url, true);
		SingleConnectionDataSource waiter = new SingleConnectionDataSource(url, true);
		try {
			new JdbcTemplate(holder).execute("create table t (x integer)");
			Connection writing = holder.getConnection();
			writing.createStatement().execute("begin immediate");
			writing.createStatement().execute("insert into t values (1)");
			assertThatThrownBy(() -> new JdbcTemplate(waiter).update("insert into t values (2)"))
				.isInstanceOf(CannotAcquireLockException.class)
				.isInstanceOf(TransientDataAccessException.class);
			writing.createStatement().execute("rollback");
		}
		finally {
			holder.destroy();
			waiter.destroy();
		}
	}

	@Test
	void aDuplicateKeyIsAnIntegrityViolationNotAStorageOutage() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:sqlite:" + this.dir.resolve("keys.db"), true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("create table t (x integer primary key)");
			jdbc.update("insert into t values (1)");
			assertThatThrownBy(() -> jdbc.update("insert into t values (1)"))
				.isInstanceOf(DataIntegrityViolationException.class);
			assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isEqualTo(1);
		}
		finally {
			dataSource.destroy();
		}
	}

}
