package com.stockcast.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading values out of a Prometheus scrape ({@code /actuator/prometheus}). */
public final class Scrapes {

	private Scrapes() {
	}

	/** The value of the series {@code series} (name and labels, as scraped); fails when absent. */
	public static double sample(String scrape, String series) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
		assertThat(m.find()).as("series %s in the scrape", series).isTrue();
		return Double.parseDouble(m.group(1));
	}

	/** The value of the first sample of {@code name} in a Prometheus scrape (0 when absent). */
	public static double value(String scrape, String name) {
		Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
		return m.find() ? Double.parseDouble(m.group(2)) : 0;
	}

}
