import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A product list of SKU-store products as fast as the disk takes it (about 2.3 GB for 50 M products),
 * for bench/bigjob.sh: python would take minutes. One row per SKU in each store
 * ({@code SKU-49999-0999}), ISO start dates over two years, two-decimal stock and rates; deterministic.
 *
 *   java bench/GenSkuStores.java PRODUCTS DAYS > products.csv
 */
public final class GenSkuStores {

	public static void main(String[] args) throws IOException {
		long products = Long.parseLong(args[0]);
		int days = Integer.parseInt(args[1]);
		int stores = 1000;
		SplittableRandom random = new SplittableRandom(18);
		byte[][] dates = new byte[730][];
		for (int d = 0; d < dates.length; d++) {
			dates[d] = LocalDate.of(2024, 1, 1).plusDays(d).toString().getBytes();
		}
		byte[] tail = ("," + days + "\n").getBytes();
		byte[] line = new byte[128];
		try (OutputStream out = new BufferedOutputStream(System.out, 1 << 20)) {
			out.write("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n".getBytes());
			for (long i = 0; i < products; i++) {
				int n = 0;
				line[n++] = 'S';
				line[n++] = 'K';
				line[n++] = 'U';
				line[n++] = '-';
				n = digits(line, n, i / stores, 5);
				line[n++] = '-';
				n = digits(line, n, i % stores, 4);
				line[n++] = ',';
				byte[] date = dates[random.nextInt(dates.length)];
				System.arraycopy(date, 0, line, n, date.length);
				n += date.length;
				n = cents(line, n, random.nextInt(50_000));
				n = cents(line, n, random.nextInt(4_000));
				n = cents(line, n, random.nextInt(4_000));
				System.arraycopy(tail, 0, line, n, tail.length);
				out.write(line, 0, n + tail.length);
			}
		}
	}

	private static int digits(byte[] line, int n, long value, int width) {
		for (int p = width - 1; p >= 0; p--) {
			line[n + p] = (byte) ('0' + value % 10);
			value /= 10;
		}
		return n + width;
	}

	/** ",units.cc" for a value in hundredths. */
	private static int cents(byte[] line, int n, int hundredths) {
		line[n++] = ',';
		String whole = Integer.toString(hundredths / 100);
		for (int k = 0; k < whole.length(); k++) {
			line[n++] = (byte) whole.charAt(k);
		}
		line[n++] = '.';
		line[n++] = (byte) ('0' + hundredths / 10 % 10);
		line[n++] = (byte) ('0' + hundredths % 10);
		return n;
	}

}
