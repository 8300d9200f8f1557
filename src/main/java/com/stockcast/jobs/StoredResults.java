package com.stockcast.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.output.ForecastEncoder;
import com.stockcast.output.OutputBuffer;
import com.stockcast.output.View;

/**
 * Reads a job's stored rows or summaries in key order and writes them with the same encoder as the
 * synchronous answer, so both answers are byte for byte the same. Reads in keyset batches, each in
 * a short read-only transaction, and writes to the client between them: a slow client holds no
 * database connection, and an 18 M-row result streams in bounded memory.
 */
@Component
class StoredResults {

	private static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	StoredResults(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What to read: a job's records, optionally of one product id only, after a cursor, up to a limit. */
	record Query(UUID jobId, View view, String productId, Cursor after, int limit) {

		static final int UNLIMITED = -1;

	}

	/**
	 * Writes the records of {@code query} between {@code encoder}'s prologue and epilogue.
	 * @return the cursor after the last record written when more records follow it, else {@code null}
	 * @throws IllegalStateException when the job went away while it was read: the answer is then
	 * broken off, never ended as if complete
	 */
	Cursor write(Query query, ForecastEncoder encoder, OutputStream out) {
		OutputBuffer buffer = new OutputBuffer(BATCH * 64);
		Reader reader = new Reader(query, encoder.writer(buffer, true));
		try {
			out.write(encoder.prologue());
			boolean none = query.productId() != null && query.productId().indexOf('\0') >= 0;
			long remaining = (query.limit() == Query.UNLIMITED) ? Long.MAX_VALUE : query.limit();
			Cursor next = null;
			while (!none) {
				// One record past the room tells whether another page follows.
				int wanted = (remaining >= BATCH) ? BATCH : (int) remaining + 1;
				int read = reader.readBatch(wanted, remaining);
				remaining -= Math.min(read, remaining);
				buffer.writeTo(out);
				buffer.clear();
				if (read > 0 && remaining == 0 && reader.sawMore) {
					next = reader.position;
					break;
				}
				if (read < wanted) {
					break;
				}
			}
			if (!stillSucceeded(this.jdbc, query.jobId())) {
				throw new IllegalStateException("job " + query.jobId() + " went away while its results were read");
			}
			out.write(encoder.epilogue());
			out.flush();
			return next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the job is still there and succeeded, checked after its results were read. */
	static boolean stillSucceeded(JdbcTemplate jdbc, UUID jobId) {
		return jdbc.queryForList("select status from forecast_job where id = ?", String.class, jobId)
			.contains(JobStatus.SUCCEEDED.text());
	}

	/**
	 * A date column's ISO text ({@code yyyy-MM-dd}, as both databases give it: pgjdbc fixes DateStyle to
	 * ISO, SQLite keeps the text it was given) as an epoch day. Read as text, because SQLite's driver
	 * makes a {@code LocalDate} slowly: 730,000 rows read back in 3.5 s this way, 20.7 s through
	 * {@code getObject(column, LocalDate.class)}.
	 */
	static int epochDay(String iso) {
		if (iso.length() != 10) {
			return (int) LocalDate.parse(iso).toEpochDay();
		}
		return (int) LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10)).toEpochDay();
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	/** Reads batches after its position, writing each record, and keeps its place between batches. */
	private final class Reader {

		private final Query query;

		private final ForecastEncoder.RecordWriter writer;

		private final boolean rows;

		private Cursor position;

		private long currentProduct = -1;

		private boolean sawMore;

		Reader(Query query, ForecastEncoder.RecordWriter writer) {
			this.query = query;
			this.writer = writer;
			this.rows = query.view() == View.ROWS;
			this.position = query.after();
		}

		/** Reads up to {@code wanted} records, writing at most {@code room}; returns how many were read. */
		int readBatch(int wanted, long room) {
			List<Object> args = new ArrayList<>();
			String sql = this.rows ? rowsSql(wanted, args) : summarySql(wanted, args);
			int[] read = { 0 };
			StoredResults.this.readOnly.executeWithoutResult(status -> StoredResults.this.jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement(sql);
				statement.setFetchSize(Math.min(wanted, 5_000));
				for (int i = 0; i < args.size(); i++) {
					statement.setObject(i + 1, args.get(i));
				}
				return statement;
			}, rs -> {
				read[0]++;
				if (read[0] > room) {
					this.sawMore = true;
					return;
				}
				record(rs);
			}));
			return read[0];
		}

		private void record(ResultSet rs) throws SQLException {
			int productNo = rs.getInt(1);
			if (productNo != this.currentProduct) {
				this.writer.product(rs.getString(this.rows ? 3 : 2));
				this.currentProduct = productNo;
			}
			if (this.rows) {
				int period = rs.getInt(2);
				this.writer.row(epochDay(rs.getString(4)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
				this.position = new Cursor(productNo, period);
			}
			else {
				String stockout = rs.getString(3);
				this.writer.summary((stockout == null) ? ForecastEncoder.RecordWriter.NO_DATE : epochDay(stockout),
						rs.getDouble(4), rs.getDouble(5));
				this.position = new Cursor(productNo, 0);
			}
		}

		private String rowsSql(int limit, List<Object> args) {
			StringBuilder sql = new StringBuilder("select product_no, period, product_id, update_date, inventory_level, "
					+ "sales, restocking from forecast_row where job_id = ?");
			args.add(this.query.jobId());
			filter(sql, args);
			if (this.position != null) {
				// The leading range on product_no lets both databases seek in the primary key.
				sql.append(" and product_no >= ? and (product_no > ? or period > ?)");
				args.add((int) this.position.major());
				args.add((int) this.position.major());
				args.add((int) this.position.minor());
			}
			// job_id leads the ORDER BY so that every database reads the primary key in order instead of sorting.
			return sql.append(" order by job_id, product_no, period limit ").append(limit).toString();
		}

		private String summarySql(int limit, List<Object> args) {
			StringBuilder sql = new StringBuilder("select product_no, product_id, stockout_date, min_level, ending_level "
					+ "from forecast_summary where job_id = ?");
			args.add(this.query.jobId());
			filter(sql, args);
			if (this.position != null) {
				sql.append(" and product_no > ?");
				args.add((int) this.position.major());
			}
			return sql.append(" order by job_id, product_no limit ").append(limit).toString();
		}

		private void filter(StringBuilder sql, List<Object> args) {
			if (this.query.productId() != null) {
				sql.append(" and product_no in (select product_no from forecast_summary where job_id = ? "
						+ "and product_id = ?)");
				args.add(this.query.jobId());
				args.add(this.query.productId());
			}
		}

	}

}
