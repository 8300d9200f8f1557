package com.stockcast.history;

/**
 * The statistics of one SKU's daily sales. {@code std} and {@code trend} are NaN where they are
 * undefined (fewer than two days, or fewer than two days within the trend window).
 *
 * @param count days given
 * @param mean arithmetic mean of the units
 * @param std sample standard deviation (divisor {@code count - 1}); NaN when {@code count < 2}
 * @param min smallest units
 * @param q1 first quartile, by linear interpolation between closest ranks (R type 7, numpy's default)
 * @param median second quartile, by the same method
 * @param q3 third quartile, by the same method
 * @param max largest units
 * @param firstDay first day given, as days since 1970-01-01
 * @param lastDay last day given, as days since 1970-01-01
 * @param trend least-squares slope of units against the day, in units per day, over the days within
 * the trend window ending on {@code lastDay}; NaN when fewer than two days fall in it
 */
record SkuStatistics(int count, double mean, double std, double min, double q1, double median, double q3,
		double max, int firstDay, int lastDay, double trend) {
}
