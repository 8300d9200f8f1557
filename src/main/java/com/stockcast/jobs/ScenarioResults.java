package com.stockcast.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;
import com.stockcast.output.ScenarioEncoder;
import com.stockcast.output.Table;
import com.stockcast.output.Totals;
import com.stockcast.output.TotalsEncoder;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * The stored answers that are not the default forecast's (docs/forecast-contract.md#rows): a scenario job's rows and summaries, one
 * block of recorded records per product, and every job's totals, one block of partial sums per
 * chunk. A chunk computes each product once for all three. Reading replays the blocks in key order
 * into the same {@link Table} writer as the synchronous answer, so both are byte for byte the same.
 */
@Component
class ScenarioResults {

	static final String ROWS = "rows";

	static final String SUMMARY = "summary";

	static final String TOTALS = "totals";

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final HistoryRecords historyRecords;

	ScenarioResults(JdbcTemplate jdbc, PlatformTransactionManager transactions, HistoryRecords historyRecords) {
		this.jdbc = jdbc;
		this.historyRecords = historyRecords;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Computes a chunk of a scenario job and stores its rows, summaries and totals on the caller's
	 * connection; for a default job, only its totals (its rows go to the typed tables).
	 */
	void write(Connection connection, JobStore.Chunk chunk) throws SQLException {
		if (chunk.history() != null) {
			writeStatistics(connection, chunk);
			return;
		}
		Products products = chunk.products();
		JobScenario stored = chunk.scenario();
		Scenario scenario = (stored == null) ? Scenario.DEFAULT : stored.scenario();
		ScenarioEncoder encoder = new ScenarioEncoder(Format.CSV, View.ROWS, scenario,
				stored != null && stored.orders());
		Totals totals = new Totals();
		try (PreparedStatement insert = connection.prepareStatement("insert into forecast_output (job_id, section, "
				+ "block_no, product_id, record_count, payload) values (?, ?, ?, ?, ?, ?)")) {
			if (stored == null) {
				for (int i = 0; i < products.size(); i++) {
					encoder.record(products, i, chunk.firstProduct() + i, null, null, totals);
				}
			}
			else {
				Table.Recorder rows = encoder.table().recorder();
				Table.Recorder summary = summaryTable(stored).recorder();
				int pending = 0;
				for (int i = 0; i < products.size(); i++) {
					int productNo = chunk.firstProduct() + i;
					encoder.record(products, i, productNo, rows, summary, totals);
					add(insert, chunk.jobId(), ROWS, productNo, products.id(i), rows.records(), rows.toBytes());
					add(insert, chunk.jobId(), SUMMARY, productNo, products.id(i), 1, summary.toBytes());
					if (++pending == BATCH) {
						insert.executeBatch();
						pending = 0;
					}
				}
			}
			add(insert, chunk.jobId(), TOTALS, chunk.chunkNo(), null, totals.length(), totals.toBytes());
			insert.executeBatch();
		}
	}

	/** Computes a statistics job's chunk: one recorded block per SKU, in the summary section. */
	private void writeStatistics(Connection connection, JobStore.Chunk chunk) throws SQLException {
		SalesHistory history = chunk.history();
		HistoryRecords.Recorder records = this.historyRecords.recorder(chunk.scenario().trendDays());
		Table.Recorder recorder = this.historyRecords.table().recorder();
		try (PreparedStatement insert = connection.prepareStatement("insert into forecast_output (job_id, section, "
				+ "block_no, product_id, record_count, payload) values (?, ?, ?, ?, ?, ?)")) {
			int pending = 0;
			for (int sku = 0; sku < history.size(); sku++) {
				records.record(history, sku, recorder);
				add(insert, chunk.jobId(), SUMMARY, chunk.firstProduct() + sku, history.id(sku), 1, recorder.toBytes());
				if (++pending == BATCH) {
					insert.executeBatch();
					pending = 0;
				}
			}
			insert.executeBatch();
		}
	}

	private static void add(PreparedStatement insert, UUID jobId, String section, int blockNo, String productId,
			int records, byte[] payload) throws SQLException {
		insert.setObject(1, jobId);
		insert.setString(2, section);
		insert.setInt(3, blockNo);
		insert.setString(4, productId);
		insert.setInt(5, records);
		insert.setBytes(6, payload);
		insert.addBatch();
	}

	/** The table of a job's rows or summaries: its scenario's columns, or a statistics job's. */
	private Table table(JobScenario stored, View view) {
		if (stored.isStatistics()) {
			return this.historyRecords.table();
		}
		return (view == View.ROWS) ? rowsTable(stored) : summaryTable(stored);
	}

	static Table rowsTable(JobScenario stored) {
		return new Table(ScenarioEncoder.columns(View.ROWS, stored.scenario(), stored.orders()));
	}

	static Table summaryTable(JobScenario stored) {
		return new Table(ScenarioEncoder.columns(View.SUMMARY, stored.scenario(), stored.orders()));
	}

	/**
	 * Writes a scenario job's rows or summaries, as {@link StoredResults#write} does for a default job.
	 * @return the cursor after the last record written when more records follow it, else {@code null}
	 */
	Cursor write(StoredResults.Query query, JobScenario stored, Format format, OutputStream out) {
		Table table = table(stored, query.view());
		String section = (query.view() == View.ROWS) ? ROWS : SUMMARY;
		OutputBuffer buffer = new OutputBuffer(1 << 16);
		Table.Writer writer = table.writer(format, buffer, true);
		long remaining = (query.limit() == StoredResults.Query.UNLIMITED) ? Long.MAX_VALUE : query.limit();
		Cursor position = query.after();
		Cursor next = null;
		try {
			out.write(table.prologue(format));
			boolean none = query.productId() != null && query.productId().indexOf('\0') >= 0;
			while (!none && remaining > 0) {
				Batch batch = blocks(query, section, position);
				List<Block> blocks = batch.blocks();
				for (Block block : blocks) {
					int skip = (position != null && position.major() == block.productNo()) ? (int) position.minor() + 1 : 0;
					int written = table.replay(block.payload(), skip, (int) Math.min(remaining, Integer.MAX_VALUE), writer);
					remaining -= written;
					if (written > 0) {
						position = new Cursor(block.productNo(), skip + written - 1);
					}
					buffer.writeTo(out);
					buffer.clear();
					if (remaining == 0) {
						boolean more = skip + written < block.records() || block != blocks.get(blocks.size() - 1)
								|| anyAfter(query, section, block.productNo());
						next = more ? position : null;
						break;
					}
				}
				if (!batch.full()) {
					break;
				}
			}
			if (!StoredResults.stillSucceeded(this.jdbc, query.jobId())) {
				throw new IllegalStateException("job " + query.jobId() + " went away while its results were read");
			}
			out.write(table.epilogue(format));
			out.flush();
			return next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Block(int productNo, int records, byte[] payload) {
	}

	/** Blocks read in one go; {@code full} when the read was cut at the batch size, so more may follow. */
	private record Batch(List<Block> blocks, boolean full) {
	}

	private boolean anyAfter(StoredResults.Query query, String section, int blockNo) {
		StringBuilder sql = new StringBuilder("select block_no from forecast_output where job_id = ? and section = ? "
				+ "and block_no > ?");
		List<Object> args = new ArrayList<>(List.of(query.jobId(), section, blockNo));
		if (query.productId() != null) {
			sql.append(" and product_id = ?");
			args.add(query.productId());
		}
		sql.append(" order by job_id, section, block_no limit 1");
		return !this.jdbc.queryForList(sql.toString(), Integer.class, args.toArray()).isEmpty();
	}

	/** The next blocks at or after {@code position} (a block partly read is read again and skipped into). */
	private Batch blocks(StoredResults.Query query, String section, Cursor position) {
		StringBuilder sql = new StringBuilder("select block_no, record_count, payload from forecast_output "
				+ "where job_id = ? and section = ?");
		List<Object> args = new ArrayList<>(List.of(query.jobId(), section));
		if (query.productId() != null) {
			sql.append(" and product_id = ?");
			args.add(query.productId());
		}
		if (position != null) {
			sql.append(" and block_no >= ?");
			args.add((int) position.major());
		}
		sql.append(" order by job_id, section, block_no limit ").append(BATCH);
		List<Block> blocks = this.readOnly.execute(status -> this.jdbc.query(sql.toString(),
				(rs, n) -> new Block(rs.getInt(1), rs.getInt(2), rs.getBytes(3)), args.toArray()));
		boolean full = blocks.size() == BATCH;
		// A block whose records were all read already is passed over.
		if (position != null && !blocks.isEmpty() && blocks.get(0).productNo() == position.major()
				&& blocks.get(0).records() <= position.minor() + 1) {
			blocks = blocks.subList(1, blocks.size());
		}
		return new Batch(blocks, full);
	}

	/** Writes a job's totals: its chunks' partial sums merged in chunk order. */
	void writeTotals(UUID jobId, JobScenario stored, Format format, OutputStream out) {
		Totals merged = new Totals();
		int[] next = { 0 };
		while (true) {
			List<byte[]> partials = this.readOnly.execute(status -> this.jdbc.query("select payload from forecast_output "
					+ "where job_id = ? and section = ? and block_no >= ? order by job_id, section, block_no "
					+ "limit 64", (rs, n) -> rs.getBytes(1), jobId, TOTALS, next[0]));
			partials.forEach(partial -> merged.merge(Totals.fromBytes(partial)));
			next[0] += partials.size();
			if (partials.size() < 64) {
				break;
			}
		}
		if (!StoredResults.stillSucceeded(this.jdbc, jobId)) {
			throw new IllegalStateException("job " + jobId + " went away while its results were read");
		}
		Scenario scenario = (stored == null) ? Scenario.DEFAULT : stored.scenario();
		OutputBuffer buffer = new OutputBuffer(64 + merged.length() * 96);
		new TotalsEncoder(format, scenario).render(merged, buffer);
		try {
			buffer.writeTo(out);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
