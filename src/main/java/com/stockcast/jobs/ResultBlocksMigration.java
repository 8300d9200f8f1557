package com.stockcast.jobs;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Objects;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Schema version 4: every job's results in one storage. Until version 3 a job of the default forecast
 * kept its rows and summaries in typed tables ({@code forecast_row}, {@code forecast_summary}) and a
 * null scenario; this moves them into {@code forecast_output} as the blocks a job stores now (one per
 * product and section, in the recorded form of the default scenario's tables), gives those jobs the
 * default scenario, and drops the two tables. Their totals were blocks already.
 *
 * <p>Written in Java because a block is binary, and frozen: it spells out the record format as it was
 * when it ran ({@code Table.Recorder}: a record count, then per value a UTF string, an int epoch day
 * ({@link Integer#MIN_VALUE} for none) or a double), so that later changes to the code cannot change
 * what it does. Spring Boot hands it to Flyway as a bean, after the SQL migrations V1 to V3.
 */
@Component
class ResultBlocksMigration implements JavaMigration {

	static final String DEFAULT_SCENARIO = "policy=backorder;demand=constant;trials=0;seed=0;orders=false";

	private static final int BATCH = 500;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("4");
	}

	@Override
	public String getDescription() {
		return "default forecast results as blocks";
	}

	@Override
	public Integer getChecksum() {
		return 4;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("update forecast_job set scenario = '" + DEFAULT_SCENARIO + "' where scenario is null");
		}
		try (PreparedStatement insert = connection.prepareStatement("insert into forecast_output (job_id, section, "
				+ "block_no, product_id, record_count, payload) values (?, ?, ?, ?, ?, ?)")) {
			Blocks blocks = new Blocks(insert);
			try (PreparedStatement rows = connection.prepareStatement("select job_id, product_no, product_id, "
					+ "update_date, inventory_level, sales, restocking from forecast_row order by job_id, product_no, period")) {
				rows.setFetchSize(5_000);
				try (ResultSet rs = rows.executeQuery()) {
					while (rs.next()) {
						blocks.record(rs.getObject(1), "rows", rs.getInt(2), rs.getString(3));
						blocks.data.writeInt(epochDay(rs.getString(4)));
						blocks.data.writeDouble(rs.getDouble(5));
						blocks.data.writeDouble(rs.getDouble(6));
						blocks.data.writeDouble(rs.getDouble(7));
					}
				}
			}
			try (PreparedStatement summaries = connection.prepareStatement("select job_id, product_no, product_id, "
					+ "stockout_date, min_level, ending_level from forecast_summary order by job_id, product_no")) {
				summaries.setFetchSize(5_000);
				try (ResultSet rs = summaries.executeQuery()) {
					while (rs.next()) {
						blocks.record(rs.getObject(1), "summary", rs.getInt(2), rs.getString(3));
						String stockout = rs.getString(4);
						blocks.data.writeInt((stockout == null) ? Integer.MIN_VALUE : epochDay(stockout));
						blocks.data.writeDouble(rs.getDouble(5));
						blocks.data.writeDouble(rs.getDouble(6));
					}
				}
			}
			blocks.finish();
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("drop table forecast_row");
			statement.executeUpdate("drop table forecast_summary");
		}
	}

	/**
	 * A date column's ISO text ({@code yyyy-MM-dd}, as both databases give it: pgjdbc fixes DateStyle to
	 * ISO, SQLite keeps the text it was given) as an epoch day.
	 */
	private static int epochDay(String iso) {
		return (int) LocalDate.parse(iso).toEpochDay();
	}

	/** Gathers consecutive records of one job, section and product into a block, and inserts blocks in batches. */
	private static final class Blocks {

		private final PreparedStatement insert;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);

		final DataOutputStream data = new DataOutputStream(this.bytes);

		private Object jobId;

		private String section;

		private int blockNo;

		private String productId;

		private int records;

		private int pending;

		Blocks(PreparedStatement insert) {
			this.insert = insert;
		}

		/** Starts a record of {@code productId}: in the current block, or in a new one. */
		void record(Object jobId, String section, int blockNo, String productId) throws IOException, SQLException {
			if (this.records == 0 || blockNo != this.blockNo || !section.equals(this.section)
					|| !Objects.equals(jobId, this.jobId)) {
				flush();
				this.jobId = jobId;
				this.section = section;
				this.blockNo = blockNo;
				this.productId = productId;
				this.data.writeInt(0); // the record count, set when the block is inserted
			}
			this.records++;
			this.data.writeUTF(productId);
		}

		void flush() throws IOException, SQLException {
			if (this.records > 0) {
				this.data.flush();
				byte[] payload = this.bytes.toByteArray();
				payload[0] = (byte) (this.records >>> 24);
				payload[1] = (byte) (this.records >>> 16);
				payload[2] = (byte) (this.records >>> 8);
				payload[3] = (byte) this.records;
				this.insert.setObject(1, this.jobId);
				this.insert.setString(2, this.section);
				this.insert.setInt(3, this.blockNo);
				this.insert.setString(4, this.productId);
				this.insert.setInt(5, this.records);
				this.insert.setBytes(6, payload);
				this.insert.addBatch();
				this.bytes.reset();
				this.records = 0;
				if (++this.pending == BATCH) {
					this.insert.executeBatch();
					this.pending = 0;
				}
			}
		}

		/** Inserts the last block and what is left of the batch. */
		void finish() throws IOException, SQLException {
			flush();
			if (this.pending > 0) {
				this.insert.executeBatch();
			}
		}

	}

}
