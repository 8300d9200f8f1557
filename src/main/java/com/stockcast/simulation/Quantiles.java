package com.stockcast.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantiles a probabilistic forecast reports (docs/forecast-contract.md#quantiles): today's P10,
 * P50 and P90 unless the caller chose others with {@code quantiles=0.05,0.5,0.95}. Levels are held in
 * ten-thousandths (0.05 is 500): at most {@value #MAX_DECIMALS} decimals keep the column names short,
 * and integer levels make the nearest rank {@code ceil(q * T)} exact, with no floating point.
 *
 * <p><b>Column names</b>: {@code p10}, {@code p50}, {@code p90} for the default; for chosen quantiles
 * {@code q} and the digits after "0." without trailing zeros but at least two: 0.5 is {@code q50},
 * 0.05 {@code q05}, 0.025 {@code q025}, 0.975 {@code q975}. Distinct levels give distinct names (a name
 * reads back as one level), and each is a valid identifier in SQL, pandas and R.
 *
 * @param levels the quantiles in ten-thousandths, ascending and distinct, each in 1..9999
 * @param chosen whether the caller chose them: columns are then named {@code qXX} and the ending
 * inventory is reported at each; the default reports it at the median only, as it always has
 */
public record Quantiles(List<Integer> levels, boolean chosen) {

	/** Most quantiles a request may ask for: enough for a fan chart's bands, few enough for a readable table. */
	public static final int MAX = 9;

	/** Most decimals of a quantile, so that its column name stays short. */
	public static final int MAX_DECIMALS = 4;

	private static final int SCALE = 10_000;

	private static final int MEDIAN = SCALE / 2;

	/** The default: nearest-rank P10, P50 and P90, named {@code p10}, {@code p50}, {@code p90}. */
	public static final Quantiles PERCENTILES = new Quantiles(List.of(1000, 5000, 9000), false);

	public Quantiles {
		levels = List.copyOf(levels);
		if (levels.isEmpty() || levels.size() > MAX) {
			throw new IllegalArgumentException("1 to " + MAX + " quantiles, not " + levels.size());
		}
		int previous = 0;
		for (int level : levels) {
			if (level <= previous || level >= SCALE) {
				throw new IllegalArgumentException("levels must ascend within 1.." + (SCALE - 1) + ": " + levels);
			}
			previous = level;
		}
	}

	/**
	 * Reads a caller's {@code quantiles}: numbers strictly between 0 and 1, comma-separated, distinct,
	 * at most {@value #MAX} of them with at most {@value #MAX_DECIMALS} decimals, in any order.
	 *
	 * @throws IllegalArgumentException whose message says what is wrong, for the caller's problem
	 */
	public static Quantiles parse(String text) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("must list quantiles, such as 0.05,0.5,0.95");
		}
		String[] parts = text.split(",", -1);
		if (parts.length > MAX) {
			throw new IllegalArgumentException("must list at most " + MAX + " quantiles, not " + parts.length);
		}
		List<Integer> levels = new ArrayList<>(parts.length);
		for (String part : parts) {
			String number = part.strip();
			if (number.isEmpty()) {
				throw new IllegalArgumentException("has an empty entry: give numbers separated by single commas");
			}
			BigDecimal value;
			try {
				value = new BigDecimal(number);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + number + "' is not a number");
			}
			if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
				throw new IllegalArgumentException(number + " is not strictly between 0 and 1");
			}
			if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
				throw new IllegalArgumentException(number + " has more than " + MAX_DECIMALS + " decimals");
			}
			int level = value.movePointRight(MAX_DECIMALS).intValueExact();
			if (levels.contains(level)) {
				throw new IllegalArgumentException(number + " is listed twice");
			}
			levels.add(level);
		}
		levels.sort(null);
		return new Quantiles(levels, true);
	}

	public int count() {
		return this.levels.size();
	}

	/** Quantile {@code j} in ten-thousandths. */
	public int level(int j) {
		return this.levels.get(j);
	}

	/** The suffix of quantile {@code j}'s columns: {@code p10} or {@code q05} (see the class comment). */
	public String name(int j) {
		String digits = String.valueOf(SCALE + level(j)).substring(1);
		int end = digits.length();
		while (end > 2 && digits.charAt(end - 1) == '0') {
			end--;
		}
		return (this.chosen ? "q" : "p") + digits.substring(0, end);
	}

	/** Whether the summary reports the ending inventory at quantile {@code j}. */
	public boolean reportsEnding(int j) {
		return this.chosen || level(j) == MEDIAN;
	}

	/** The 0-based index of quantile {@code j}'s nearest rank among {@code n} values (see {@link #nearestRank}). */
	public int rank(int j, int n) {
		return nearestRank(level(j), n);
	}

	/**
	 * 0-based index of the nearest-rank quantile of {@code n} values at {@code level} ten-thousandths:
	 * {@code ceil(level / 10000 * n) - 1}, in integers, so that {@code ceil(0.1 * 10)} is exactly 1.
	 */
	static int nearestRank(int level, int n) {
		return (int) (((long) level * n + SCALE - 1) / SCALE) - 1;
	}

	/** As a request gives them, ascending: {@code 0.05,0.5,0.95}; {@link #parse} reads it back. */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (int j = 0; j < count(); j++) {
			if (j > 0) {
				text.append(',');
			}
			text.append(BigDecimal.valueOf(level(j), MAX_DECIMALS).stripTrailingZeros().toPlainString());
		}
		return text.toString();
	}

}
