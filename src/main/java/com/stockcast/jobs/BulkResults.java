package com.stockcast.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.stereotype.Component;

import com.stockcast.simulation.Products;
import com.stockcast.simulation.Trajectory;

/**
 * Simulates a chunk and writes its rows and summaries on the caller's connection (so inside the
 * caller's transaction): PostgreSQL's {@code COPY} where the connection is PostgreSQL's, JDBC batches
 * elsewhere. Doubles are stored unrounded, so stored results format exactly as the synchronous answer.
 */
@Component
class BulkResults {

	private static final int BATCH = 5_000;

	void write(Connection connection, JobStore.Chunk chunk) throws SQLException {
		if (connection.isWrapperFor(PGConnection.class)) {
			copy(connection.unwrap(PGConnection.class), chunk);
		}
		else {
			batch(connection, chunk);
		}
	}

	private void batch(Connection connection, JobStore.Chunk chunk) throws SQLException {
		Products products = chunk.products();
		Trajectory t = new Trajectory();
		try (PreparedStatement rows = connection.prepareStatement("insert into forecast_row (job_id, product_no, "
				+ "period, product_id, update_date, inventory_level, sales, restocking) values (?, ?, ?, ?, ?, ?, ?, ?)");
				PreparedStatement summaries = connection.prepareStatement("insert into forecast_summary (job_id, "
						+ "product_no, product_id, stockout_date, min_level, ending_level) values (?, ?, ?, ?, ?, ?)")) {
			int pending = 0;
			for (int i = 0; i < products.size(); i++) {
				t.simulate(products, i, true);
				int productNo = chunk.firstProduct() + i;
				String id = products.id(i);
				for (int k = 0; k < t.periods(); k++) {
					rows.setObject(1, chunk.jobId());
					rows.setInt(2, productNo);
					rows.setInt(3, k);
					rows.setString(4, id);
					rows.setObject(5, LocalDate.ofEpochDay(products.startDay(i) + (long) k * products.frequency(i)));
					rows.setDouble(6, t.level(k));
					rows.setDouble(7, t.sales(k));
					rows.setDouble(8, t.restocking(k));
					rows.addBatch();
					if (++pending == BATCH) {
						rows.executeBatch();
						pending = 0;
					}
				}
				summaries.setObject(1, chunk.jobId());
				summaries.setInt(2, productNo);
				summaries.setString(3, id);
				if (t.stockoutDay() == Trajectory.NO_STOCKOUT) {
					summaries.setNull(4, Types.DATE);
				}
				else {
					summaries.setObject(4, LocalDate.ofEpochDay(products.startDay(i) + t.stockoutDay()));
				}
				summaries.setDouble(5, t.minimumLevel());
				summaries.setDouble(6, t.endingLevel());
				summaries.addBatch();
			}
			if (pending > 0) {
				rows.executeBatch();
			}
			summaries.executeBatch();
		}
	}

	private void copy(PGConnection connection, JobStore.Chunk chunk) throws SQLException {
		Products products = chunk.products();
		Trajectory t = new Trajectory();
		String job = chunk.jobId().toString();
		StringBuilder summaries = new StringBuilder(products.size() * 64);
		CopyIn rows = connection.getCopyAPI()
			.copyIn("copy forecast_row (job_id, product_no, period, product_id, update_date, inventory_level, sales, "
					+ "restocking) from stdin (format csv)");
		try {
			StringBuilder line = new StringBuilder(1 << 16);
			for (int i = 0; i < products.size(); i++) {
				t.simulate(products, i, true);
				int productNo = chunk.firstProduct() + i;
				String id = csv(products.id(i));
				for (int k = 0; k < t.periods(); k++) {
					line.append(job).append(',').append(productNo).append(',').append(k).append(',').append(id)
						.append(',').append(LocalDate.ofEpochDay(products.startDay(i) + (long) k * products.frequency(i)))
						.append(',').append(t.level(k)).append(',').append(t.sales(k)).append(',')
						.append(t.restocking(k)).append('\n');
					if (line.length() > (1 << 16) - 512) {
						send(rows, line);
					}
				}
				summaries.append(job).append(',').append(productNo).append(',').append(id).append(',');
				if (t.stockoutDay() != Trajectory.NO_STOCKOUT) {
					summaries.append(LocalDate.ofEpochDay(products.startDay(i) + t.stockoutDay()));
				}
				summaries.append(',').append(t.minimumLevel()).append(',').append(t.endingLevel()).append('\n');
			}
			send(rows, line);
			rows.endCopy();
		}
		finally {
			if (rows.isActive()) {
				rows.cancelCopy();
			}
		}
		CopyIn summaryCopy = connection.getCopyAPI()
			.copyIn("copy forecast_summary (job_id, product_no, product_id, stockout_date, min_level, ending_level) "
					+ "from stdin (format csv)");
		try {
			send(summaryCopy, summaries);
			summaryCopy.endCopy();
		}
		finally {
			if (summaryCopy.isActive()) {
				summaryCopy.cancelCopy();
			}
		}
	}

	private static void send(CopyIn copy, StringBuilder text) throws SQLException {
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		text.setLength(0);
	}

	/** A CSV field for COPY: always quoted, so commas, quotes and an empty-looking id survive. */
	private static String csv(String value) {
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
