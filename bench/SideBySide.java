import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of MonteCarloBenchmark in one JVM, each in its own class loader, run in alternation many
 * times over, so that the load of a shared machine falls on both alike: prints each build's median
 * ns per SKU-trial-day and the median of the per-round ratios new / old. JMH's forks one after the
 * other vary by more than the difference on a loaded machine; this does not replace JMH, it compares.
 *
 *   java bench/SideBySide.java OLD_CLASSPATH_FILE NEW_CLASSPATH_FILE DEMAND REORDER [ROUNDS] [name=value...]
 *
 * A classpath file holds one line (test-classes:classes:dependencies, as dependency:build-classpath
 * writes them); name=value pairs set further benchmark fields of the new build (leadTimeStd=2).
 */
public class SideBySide {

	public static void main(String[] args) throws Exception {
		Object old = bench(args[0], args[2], args[3], new String[0]);
		Object neu = bench(args[1], args[2], args[3], Arrays.copyOfRange(args, Math.min(args.length, 5), args.length));
		int rounds = (args.length > 4) ? Integer.parseInt(args[4]) : 30;
		long ops = 8L * 365 * 1000;
		for (int w = 0; w < 5; w++) {
			time(old);
			time(neu);
		}
		double[] o = new double[rounds];
		double[] n = new double[rounds];
		double[] ratio = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			boolean oldFirst = r % 2 == 0;
			double a = time(oldFirst ? old : neu) / (double) ops;
			double b = time(oldFirst ? neu : old) / (double) ops;
			o[r] = oldFirst ? a : b;
			n[r] = oldFirst ? b : a;
			ratio[r] = n[r] / o[r];
		}
		System.out.printf("%s reorder=%s %s: old %.2f ns, new %.2f ns per SKU-trial-day (medians of %d), new/old %.3f (quartiles %.3f to %.3f)%n",
				args[2], args[3], String.join(" ", Arrays.copyOfRange(args, Math.min(args.length, 5), args.length)),
				median(o), median(n), rounds, median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
	}

	private static Object bench(String classpathFile, String demand, String reorder, String[] extra) throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String entry : Files.readString(Path.of(classpathFile)).trim().split(File.pathSeparator)) {
			urls.add(new File(entry).toURI().toURL());
		}
		ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
		Class<?> type = loader.loadClass("com.stockcast.simulation.MonteCarloBenchmark");
		Object bench = type.getConstructor().newInstance();
		Class<?> demandType = loader.loadClass("com.stockcast.simulation.Demand");
		type.getField("demand").set(bench, demandType.getMethod("valueOf", String.class).invoke(null, demand));
		type.getField("rate").setDouble(bench, 5);
		type.getField("reorder").setBoolean(bench, Boolean.parseBoolean(reorder));
		for (String pair : extra) {
			String[] nv = pair.split("=");
			Field field = type.getField(nv[0]);
			field.setDouble(bench, Double.parseDouble(nv[1]));
		}
		type.getMethod("setUp").invoke(bench);
		return bench;
	}

	private static long time(Object bench) throws Exception {
		Method summary = bench.getClass().getMethod("summary");
		long start = System.nanoTime();
		summary.invoke(bench);
		return System.nanoTime() - start;
	}

	private static double median(double[] values) {
		return quantile(values, 0.5);
	}

	private static double quantile(double[] values, double q) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
	}

}
