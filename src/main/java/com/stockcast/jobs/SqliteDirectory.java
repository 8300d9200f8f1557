package com.stockcast.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the folder of the embedded SQLite database before its first connection: SQLite creates a
 * missing database file, but not a missing folder ({@code stockcast.data-dir} on a fresh clone).
 */
class SqliteDirectory implements BeanPostProcessor {

	private static final String PREFIX = "jdbc:sqlite:";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
			folderOf(dataSource.getJdbcUrl()).ifPresent(SqliteDirectory::create);
		}
		return bean;
	}

	/** The folder of a SQLite file URL; none for other databases and in-memory SQLite. */
	static Optional<Path> folderOf(String url) {
		if (!url.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String file = url.substring(PREFIX.length());
		int query = file.indexOf('?');
		file = (query < 0) ? file : file.substring(0, query);
		if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
			return Optional.empty();
		}
		return Optional.ofNullable(Path.of(file).toAbsolutePath().getParent());
	}

	private static void create(Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the job database's folder " + folder, ex);
		}
	}

}
