package com.stockcast.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.Exceptions;
import com.stockcast.output.Format;
import com.stockcast.output.OutputBuffer;
import com.stockcast.output.Projection;
import com.stockcast.output.Table;
import com.stockcast.output.Totals;
import com.stockcast.output.View;

/**
 * Every job's results, one way: blocks of recorded records ({@link ChunkResults}) in
 * {@code forecast_output}, a block per product for rows (block_no = product_no, as the input numbers
 * them), a block per chunk for summaries (block_no = the chunk's first product_no; a block per product
 * in a job from before) and a block of partial sums per chunk for the totals (block_no = chunk_no). Reading replays the blocks in key order into the same {@link Table} writer as the
 * synchronous answer, so both are byte for byte the same. It reads in batches, each in a short
 * read-only transaction, and writes to the client between them: a slow client holds no database
 * connection, and an 18 M-row result streams in bounded memory: the batch being written and the
 * next, read meanwhile.
 */
@Component
class StoredResults implements DisposableBean {

	/** Blocks a read takes at most: 500 blocks of rows (about 6 MB at 365 days a product) or of orders. */
	private static final int BATCH = 500;

	/** Summaries are one small record a block: a read takes more of them, so that it is not mostly a round trip. */
	private static final int SUMMARY_BATCH = 5000;

	/** Blocks of a chunk's summaries a read takes: about 64,000 summaries (a few MB) at the default chunk size. */
	private static final int CHUNK_BATCH = 64;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	/** Reads the next batch of blocks while the current one is written: one thread a read-back at most. */
	private final ExecutorService reader = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "stored-results-reader");
		thread.setDaemon(true);
		return thread;
	});

	StoredResults(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * What to read: a job's records, optionally of one product id only, after a cursor, up to a limit.
	 * A cursor is the last record written: (product_no, its record's place in the product's block), or
	 * with {@code chunkBlocks}, where a block holds one record a product from block_no on, (product_no, 0).
	 * @param chunkBlocks whether the records are a job's summaries stored one block a chunk
	 */
	record Query(UUID jobId, View view, String productId, Cursor after, int limit, boolean chunkBlocks) {

		static final int UNLIMITED = -1;

		Query(UUID jobId, View view, String productId, Cursor after, int limit) {
			this(jobId, view, productId, after, limit, false);
		}

		/** Records of {@code block} at or before {@code position}, written already: to be skipped. */
		int consumed(Block block, Cursor position) {
			if (position == null) {
				return 0;
			}
			if (!this.chunkBlocks) {
				return (position.major() == block.productNo()) ? (int) position.minor() + 1 : 0;
			}
			// (n, -1) is a position to start from, product n not written; (n, 0) has written it.
			long consumed = position.major() - block.productNo() + ((position.minor() >= 0) ? 1 : 0);
			return (int) Math.max(0, Math.min(consumed, block.records()));
		}

		/** The cursor of {@code block}'s record {@code index}. */
		Cursor position(Block block, int index) {
			return this.chunkBlocks ? new Cursor(block.productNo() + index, 0) : new Cursor(block.productNo(), index);
		}

	}

	/** Stores a chunk's results, in the caller's transaction. */
	void insert(UUID jobId, ChunkResults results) {
		this.jdbc.execute("insert into forecast_output (job_id, section, block_no, product_id, record_count, payload) "
				+ "values (?, ?, ?, ?, ?, ?)", (PreparedStatement insert) -> {
					int pending = 0;
					for (ChunkResults.Block block : results.blocks()) {
						insert.setObject(1, jobId);
						insert.setString(2, block.section());
						insert.setInt(3, block.blockNo());
						insert.setString(4, block.productId());
						insert.setInt(5, block.records());
						insert.setBytes(6, block.payload());
						insert.addBatch();
						if (++pending == BATCH) {
							insert.executeBatch();
							pending = 0;
						}
					}
					if (pending > 0) {
						insert.executeBatch();
					}
					return null;
				});
	}

	/**
	 * Writes the records of {@code query} in {@code table}'s shape, between its prologue and epilogue.
	 * While one batch is written to the client, the next is read on another thread: the database
	 * detoasts and sends on one core while this one formats on the other, and at most two batches
	 * are held.
	 * @return the cursor after the last record written when more records follow it, else {@code null}
	 * @throws IllegalStateException when the job went away while it was read: the answer is then
	 * broken off, never ended as if complete
	 */
	Cursor write(Query query, Table table, Format format, OutputStream out) {
		String section = switch (query.view()) {
			case ROWS -> ChunkResults.ROWS;
			case ORDERS -> ChunkResults.ORDERS;
			default -> ChunkResults.SUMMARY;
		};
		OutputBuffer buffer = new OutputBuffer(1 << 16);
		Table.Writer writer = table.writer(format, buffer, true);
		long remaining = (query.limit() == Query.UNLIMITED) ? Long.MAX_VALUE : query.limit();
		Cursor position = query.after();
		Cursor next = null;
		Future<Batch> ahead = null;
		try {
			out.write(table.prologue(format));
			boolean none = query.productId() != null && query.productId().indexOf('\0') >= 0;
			Batch batch = none ? null : blocks(query, section, table, position);
			while (batch != null && remaining > 0) {
				List<Block> blocks = batch.blocks();
				if (batch.full()) {
					Cursor from = new Cursor(batch.next(), -1);
					ahead = this.reader.submit(() -> blocks(query, section, table, from));
				}
				for (Block block : blocks) {
					int skip = query.consumed(block, position);
					int written = table.replay(block.payload(), skip, (int) Math.min(remaining, Integer.MAX_VALUE), writer);
					remaining -= written;
					if (written > 0) {
						position = query.position(block, skip + written - 1);
					}
					if (buffer.length() >= 1 << 16) {
						buffer.writeTo(out);
						buffer.clear();
					}
					if (remaining == 0) {
						boolean more = skip + written < block.records() || block != blocks.get(blocks.size() - 1)
								|| anyAfter(query, section, table, block.productNo());
						next = more ? position : null;
						break;
					}
				}
				buffer.writeTo(out);
				buffer.clear();
				batch = (ahead != null && remaining > 0) ? ahead.get() : null;
				ahead = null;
			}
			if (!stillSucceeded(query.jobId())) {
				throw new IllegalStateException("job " + query.jobId() + " went away while its results were read");
			}
			out.write(table.epilogue(format));
			out.flush();
			return next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the results of job " + query.jobId() + " were read", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		finally {
			if (ahead != null) {
				// The client went away or the page is full: the batch read ahead is not wanted.
				ahead.cancel(false);
			}
		}
	}

	/** Stops the threads that read ahead. */
	@Override
	public void destroy() {
		this.reader.shutdownNow();
	}

	/** Writes a job's totals: its chunks' partial sums merged in chunk order, written as {@code projection} writes them. */
	void writeTotals(UUID jobId, Projection projection, Format format, OutputStream out) {
		Totals merged = new Totals();
		forEachChunkBlock(jobId, ChunkResults.TOTALS, partial -> merged.merge(Totals.fromBytes(partial)));
		Table table = projection.table(View.TOTALS);
		OutputBuffer buffer = new OutputBuffer(64 + merged.length() * 96);
		projection.totals(merged, table.writer(format, buffer, true));
		writeWhole(table, format, buffer, out);
	}

	/**
	 * Writes a page of a job's exceptions with the horizon {@code withinDays}: its chunks' exceptions,
	 * whatever their horizon, filtered and sorted by urgency as the synchronous answer sorts them, then
	 * the records after {@code after} (the position of the last product of the previous page) up to
	 * {@code limit}. They are held in memory to be sorted, as the synchronous answer holds them: at
	 * most one small record per product.
	 * @return the cursor after the last record written when more follow it, else {@code null}
	 */
	Cursor writeExceptions(UUID jobId, Projection projection, int withinDays, Cursor after, int limit, Format format,
			OutputStream out) {
		Exceptions stored = Exceptions.all();
		forEachChunkBlock(jobId, ChunkResults.EXCEPTIONS, stored::merge);
		List<Exceptions.Row> sorted = stored.within(withinDays).sorted();
		int from = 0;
		if (after != null) {
			while (from < sorted.size() && sorted.get(from).position() != after.major()) {
				from++;
			}
			if (from == sorted.size()) {
				throw InvalidInputException.forParameter("cursor", after.encode(),
						"is not a position in these exceptions: keep within_days as the Link gave it");
			}
			from++;
		}
		int to = (limit == Query.UNLIMITED) ? sorted.size() : (int) Math.min((long) from + limit, sorted.size());
		List<Exceptions.Row> page = sorted.subList(from, to);
		Table table = projection.table(View.EXCEPTIONS);
		OutputBuffer buffer = new OutputBuffer(64 + page.size() * 128);
		projection.exceptions(page, table.writer(format, buffer, true));
		writeWhole(table, format, buffer, out);
		return (to < sorted.size()) ? new Cursor(sorted.get(to - 1).position(), 0) : null;
	}

	/** Hands each of the job's blocks of {@code section} kept per chunk to {@code action}, in chunk order. */
	private void forEachChunkBlock(UUID jobId, String section, Consumer<byte[]> action) {
		int[] next = { 0 };
		while (true) {
			List<byte[]> partials = this.readOnly.execute(status -> this.jdbc.query("select payload from forecast_output "
					+ "where job_id = ? and section = ? and block_no >= ? order by job_id, section, block_no "
					+ "limit 64", (rs, n) -> rs.getBytes(1), jobId, section, next[0]));
			partials.forEach(action);
			next[0] += partials.size();
			if (partials.size() < 64) {
				break;
			}
		}
		if (!stillSucceeded(jobId)) {
			throw new IllegalStateException("job " + jobId + " went away while its results were read");
		}
	}

	/** Writes {@code table}'s prologue, the records in {@code buffer}, and its epilogue. */
	private static void writeWhole(Table table, Format format, OutputBuffer buffer, OutputStream out) {
		try {
			out.write(table.prologue(format));
			buffer.writeTo(out);
			out.write(table.epilogue(format));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the job is still there and succeeded, checked after its results were read. */
	private boolean stillSucceeded(UUID jobId) {
		return this.jdbc.queryForList("select status from forecast_job where id = ?", String.class, jobId)
			.contains(JobStatus.SUCCEEDED.text());
	}

	/** A stored block: its records are product {@code productNo}'s, or with a chunk's summaries, one a product from it on. */
	private record Block(int productNo, int records, byte[] payload) {
	}

	/**
	 * Blocks read in one go; {@code full} when the read was cut at the batch size, so more may follow
	 * from product_no {@code next} on.
	 */
	private record Batch(List<Block> blocks, boolean full, int next) {
	}

	private boolean anyAfter(Query query, String section, Table table, int blockNo) {
		if (query.chunkBlocks() && query.productId() != null) {
			// A product's summary is found only by reading its chunk's block: the rest of the job is scanned.
			Batch batch = blocks(query, section, table, new Cursor(blockNo, 0));
			while (batch.blocks().isEmpty() && batch.full()) {
				batch = blocks(query, section, table, new Cursor(batch.next(), -1));
			}
			return !batch.blocks().isEmpty();
		}
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

	/**
	 * The next blocks at or after {@code position} (a block partly read is read again and skipped into).
	 * A chunk's block of summaries read for one product id is cut into a block a matching product.
	 */
	private Batch blocks(Query query, String section, Table table, Cursor position) {
		StringBuilder sql = new StringBuilder("select block_no, record_count, payload from forecast_output "
				+ "where job_id = ? and section = ?");
		List<Object> args = new ArrayList<>(List.of(query.jobId(), section));
		if (query.productId() != null && !query.chunkBlocks()) {
			sql.append(" and product_id = ?");
			args.add(query.productId());
		}
		if (position != null && query.chunkBlocks()) {
			// The block that holds the position's product: the last one starting at or before it.
			sql.append(" and block_no >= coalesce((select max(block_no) from forecast_output "
					+ "where job_id = ? and section = ? and block_no <= ?), 0)");
			args.addAll(List.of(query.jobId(), section, (int) position.major()));
		}
		else if (position != null) {
			sql.append(" and block_no >= ?");
			args.add((int) position.major());
		}
		int batch = query.chunkBlocks() ? CHUNK_BATCH : section.equals(ChunkResults.SUMMARY) ? SUMMARY_BATCH : BATCH;
		sql.append(" order by job_id, section, block_no limit ").append(batch);
		List<Block> blocks = this.readOnly.execute(status -> this.jdbc.query(sql.toString(),
				(rs, n) -> new Block(rs.getInt(1), rs.getInt(2), rs.getBytes(3)), args.toArray()));
		boolean full = blocks.size() == batch;
		int next = 0;
		if (!blocks.isEmpty()) {
			Block last = blocks.get(blocks.size() - 1);
			next = last.productNo() + (query.chunkBlocks() ? last.records() : 1);
		}
		if (query.chunkBlocks() && query.productId() != null) {
			blocks = matching(blocks, query.productId(), table);
		}
		// Blocks whose records were all read already are passed over.
		int from = 0;
		while (from < blocks.size() && blocks.get(from).records() > 0
				&& query.consumed(blocks.get(from), position) >= blocks.get(from).records()) {
			from++;
		}
		return new Batch(blocks.subList(from, blocks.size()), full, next);
	}

	/** The summaries of {@code productId} in chunks' blocks, a block each, numbered by their product. */
	private static List<Block> matching(List<Block> chunkBlocks, String productId, Table table) {
		List<Block> matching = new ArrayList<>();
		for (Block block : chunkBlocks) {
			int[] index = { 0 };
			table.split(block.payload(), (id, record) -> {
				if (productId.equals(id)) {
					matching.add(new Block(block.productNo() + index[0], 1, record));
				}
				index[0]++;
			});
		}
		return matching;
	}

}
