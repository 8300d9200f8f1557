import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores chunks of forecast rows the way Stockcast's job store does, to be killed with SIGKILL at any
 * moment: each of two workers takes a chunk, deletes whatever the chunk's product range holds,
 * inserts its rows in batches of 5,000, marks the chunk done and commits, all in one transaction.
 *
 * <p>On every start it first inspects what the database holds: a database that keeps its
 * transactions atomic across a crash shows no row of a chunk that was never marked done, and can
 * always store such a chunk again. It prints what it found, then resumes storing.
 *
 * <p>Usage: java -cp driver.jar KillMidTransaction.java jdbc-url workers products-per-chunk
 */
public class KillMidTransaction {

	static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final int PERIODS = 365, CHUNKS = 2_000;

	static Object id = JOB;

	static int products;

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int workers = Integer.parseInt(args[1]);
		products = Integer.parseInt(args[2]);
		String uuid = "uuid";
		if (url.startsWith("jdbc:sqlite")) {
			id = JOB.toString(); // SQLite keeps a UUID as text
			uuid = "varchar(36)";
		}
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.createStatement().execute("create table if not exists forecast_row (job_id " + uuid + " not null, "
					+ "product_no integer not null, period integer not null, product_id varchar(128) not null, "
					+ "inventory_level double precision not null, primary key (job_id, product_no, period))");
			c.createStatement().execute("create table if not exists chunk_done (chunk_no integer primary key)");
			Set<Integer> done = new HashSet<>();
			try (ResultSet rs = c.createStatement().executeQuery("select chunk_no from chunk_done")) {
				while (rs.next()) {
					done.add(rs.getInt(1));
				}
			}
			long strayRows = 0;
			int strayChunks = 0;
			for (int k = 0; k < CHUNKS; k++) {
				if (!done.contains(k)) {
					long n = rowsOf(c, k);
					strayRows += n;
					strayChunks += (n > 0) ? 1 : 0;
				}
			}
			System.out.println("START chunks-done=" + done.size() + " rows-of-chunks-never-committed=" + strayRows
					+ " in-chunks=" + strayChunks);
			System.out.flush();
			ConcurrentLinkedQueue<Integer> todo = new ConcurrentLinkedQueue<>();
			for (int k = 0; k < CHUNKS; k++) {
				if (!done.contains(k)) {
					todo.add(k);
				}
			}
			ExecutorService pool = Executors.newFixedThreadPool(workers);
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				running.add(pool.submit(() -> {
					store(url, todo);
					return null;
				}));
			}
			for (Future<?> worker : running) {
				try {
					worker.get();
				}
				catch (ExecutionException ex) {
					System.out.println("STORE-FAILED " + ex.getCause());
					System.out.flush();
					System.exit(2);
				}
			}
			System.out.println("ALL-DONE");
			pool.shutdown();
		}
	}

	static long rowsOf(Connection c, int chunk) throws SQLException {
		try (PreparedStatement p = c.prepareStatement(
				"select count(*) from forecast_row where job_id = ? and product_no >= ? and product_no < ?")) {
			p.setObject(1, id);
			p.setInt(2, chunk * products);
			p.setInt(3, (chunk + 1) * products);
			try (ResultSet rs = p.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static void store(String url, Queue<Integer> todo) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			Integer k;
			while ((k = todo.poll()) != null) {
				try (PreparedStatement delete = c.prepareStatement(
						"delete from forecast_row where job_id = ? and product_no >= ? and product_no < ?");
						PreparedStatement insert = c.prepareStatement("insert into forecast_row values (?, ?, ?, ?, ?)");
						PreparedStatement mark = c.prepareStatement("insert into chunk_done values (?)")) {
					delete.setObject(1, id);
					delete.setInt(2, k * products);
					delete.setInt(3, (k + 1) * products);
					delete.executeUpdate();
					int pending = 0;
					for (int i = k * products; i < (k + 1) * products; i++) {
						for (int t = 0; t < PERIODS; t++) {
							insert.setObject(1, id);
							insert.setInt(2, i);
							insert.setInt(3, t);
							insert.setString(4, "SKU-" + i);
							insert.setDouble(5, i * 0.5 - t);
							insert.addBatch();
							if (++pending == 5_000) {
								insert.executeBatch();
								pending = 0;
							}
						}
					}
					insert.executeBatch();
					mark.setInt(1, k);
					mark.executeUpdate();
					c.commit();
				}
				catch (SQLException ex) {
					throw new SQLException("chunk " + k + ": " + ex.getMessage(), ex);
				}
			}
		}
	}

}
