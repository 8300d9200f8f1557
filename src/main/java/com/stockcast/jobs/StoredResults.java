package com.stockcast.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
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
 * synchronous answer, so both answers are byte for byte the same. Reads with a database cursor
 * (fetch size), so an 18 M-row result streams in bounded memory.
 */
@Component
class StoredResults {

	private static final int FLUSH_AT = 1 << 16;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	StoredResults(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What to read: a job's records, optionally only some products, after a cursor, up to a limit. */
	record Query(UUID jobId, View view, List<Integer> productNumbers, Cursor after, int limit) {

		static final int UNLIMITED = -1;

	}

	/**
	 * Writes the records of {@code query} between {@code encoder}'s prologue and epilogue.
	 * @return the cursor after the last record written when more records follow it, else {@code null}
	 */
	Cursor write(Query query, ForecastEncoder encoder, OutputStream out) {
		OutputBuffer buffer = new OutputBuffer(FLUSH_AT + 4096);
		ForecastEncoder.RecordWriter writer = encoder.writer(buffer, true);
		boolean rows = query.view() == View.ROWS;
		List<Object> args = new ArrayList<>();
		String sql = rows ? rowsSql(query, args) : summarySql(query, args);
		long[] seen = { 0 };
		long[] last = { -1, -1, -1 };
		Cursor[] next = { null };
		try {
			out.write(encoder.prologue());
			if (query.productNumbers() != null && query.productNumbers().isEmpty()) {
				out.write(encoder.epilogue());
				return null;
			}
			this.readOnly.executeWithoutResult(status -> this.jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement(sql);
				statement.setFetchSize(5_000);
				for (int i = 0; i < args.size(); i++) {
					statement.setObject(i + 1, args.get(i));
				}
				return statement;
			}, rs -> {
				if (query.limit() != Query.UNLIMITED && seen[0] == query.limit()) {
					next[0] = new Cursor(last[0], last[1]);
					return;
				}
				seen[0]++;
				int productNo = rs.getInt(1);
				if (productNo != last[2]) {
					writer.product(rs.getString(rows ? 3 : 2));
					last[2] = productNo;
				}
				if (rows) {
					last[0] = productNo;
					last[1] = rs.getInt(2);
					writer.row((int) rs.getObject(4, LocalDate.class).toEpochDay(), rs.getDouble(5), rs.getDouble(6),
							rs.getDouble(7));
				}
				else {
					last[0] = productNo;
					last[1] = 0;
					LocalDate stockout = rs.getObject(3, LocalDate.class);
					writer.summary((stockout == null) ? ForecastEncoder.RecordWriter.NO_DATE : (int) stockout.toEpochDay(),
							rs.getDouble(4), rs.getDouble(5));
				}
				if (buffer.length() >= FLUSH_AT) {
					flush(buffer, out);
				}
			}));
			flush(buffer, out);
			out.write(encoder.epilogue());
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return next[0];
	}

	private static String rowsSql(Query query, List<Object> args) {
		StringBuilder sql = new StringBuilder("select product_no, period, product_id, update_date, inventory_level, "
				+ "sales, restocking from forecast_row where job_id = ?");
		args.add(query.jobId());
		filter(query, sql, args);
		if (query.after() != null) {
			sql.append(" and (product_no > ? or (product_no = ? and period > ?))");
			args.add((int) query.after().major());
			args.add((int) query.after().major());
			args.add((int) query.after().minor());
		}
		sql.append(" order by product_no, period");
		return limit(query, sql);
	}

	private static String summarySql(Query query, List<Object> args) {
		StringBuilder sql = new StringBuilder("select product_no, product_id, stockout_date, min_level, ending_level "
				+ "from forecast_summary where job_id = ?");
		args.add(query.jobId());
		filter(query, sql, args);
		if (query.after() != null) {
			sql.append(" and product_no > ?");
			args.add((int) query.after().major());
		}
		sql.append(" order by product_no");
		return limit(query, sql);
	}

	private static void filter(Query query, StringBuilder sql, List<Object> args) {
		if (query.productNumbers() != null) {
			sql.append(" and product_no in (");
			for (int i = 0; i < query.productNumbers().size(); i++) {
				sql.append(i == 0 ? "?" : ", ?");
				args.add(query.productNumbers().get(i));
			}
			sql.append(')');
		}
	}

	/** One record past the limit is read, to tell whether a next page exists. */
	private static String limit(Query query, StringBuilder sql) {
		if (query.limit() != Query.UNLIMITED) {
			sql.append(" fetch first ").append(query.limit() + 1).append(" rows only");
		}
		return sql.toString();
	}

	private static void flush(OutputBuffer buffer, OutputStream out) {
		try {
			buffer.writeTo(out);
			buffer.clear();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
