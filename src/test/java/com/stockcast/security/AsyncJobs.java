package com.stockcast.security;

import java.net.http.HttpResponse;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** A small product list, and submitting it as a job with the credentials a security test chooses. */
final class AsyncJobs {

	static final String CSV = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days
			1,1/1/23,50,10,8,30
			2,1/2/23,60,15,13,30
			""";

	private AsyncJobs() {
	}

	/** Submits {@link #CSV} as a job with {@code headers} (credentials among them); answers the job's location. */
	static String submit(TestHttp http, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Prefer";
		all[1] = "respond-async";
		System.arraycopy(headers, 0, all, 2, headers.length);
		HttpResponse<String> accepted = http.post("/forecasts", "text/csv", CSV, all);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return accepted.headers().firstValue("Location").orElseThrow();
	}

}
