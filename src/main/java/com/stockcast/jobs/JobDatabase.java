package com.stockcast.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database the jobs are kept in, and the one thing the job store spells differently on each:
 * how an instant is bound and read. Everything else (schema, statements) is common.
 */
enum JobDatabase {

	/** Production: {@code timestamp with time zone}, bound as an {@link OffsetDateTime}. */
	POSTGRESQL {
		@Override
		Object bind(Instant instant) {
			return instant.atOffset(ZoneOffset.UTC);
		}

		@Override
		Instant instant(ResultSet rs, String column) throws SQLException {
			OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
			return (value == null) ? null : value.toInstant();
		}
	},

	/**
	 * The embedded default. SQLite keeps an instant as text, and its driver reads no
	 * {@code OffsetDateTime}: fixed-width UTC text in microseconds (PostgreSQL's precision) sorts and
	 * compares like the instants themselves.
	 */
	SQLITE {
		private static final DateTimeFormatter TEXT = DateTimeFormatter
			.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

		@Override
		Object bind(Instant instant) {
			return TEXT.format(instant.truncatedTo(ChronoUnit.MICROS));
		}

		@Override
		Instant instant(ResultSet rs, String column) throws SQLException {
			String value = rs.getString(column);
			return (value == null) ? null : Instant.parse(value);
		}
	};

	/** An instant as a statement parameter. */
	abstract Object bind(Instant instant);

	/** An instant column of the current row, null when the column is. */
	abstract Instant instant(ResultSet rs, String column) throws SQLException;

	static JobDatabase of(DataSource dataSource) {
		String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) connection -> connection
			.getMetaData()
			.getDatabaseProductName());
		String name = (product == null) ? "" : product.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("sqlite")) {
			return SQLITE;
		}
		throw new IllegalStateException("Jobs are kept in SQLite (the embedded default) or PostgreSQL, not in "
				+ product);
	}

}
