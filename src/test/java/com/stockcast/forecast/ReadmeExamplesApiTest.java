package com.stockcast.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's planner examples, with the files in docs/examples they upload: what the README shows
 * is what the service answers (the columns it cuts are cut here the same way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesApiTest {

	@LocalServerPort
	int port;

	@Test
	void theOrderTodayListOfProductsWithOpenOrders() throws IOException {
		assertThat(post("?view=exceptions&within_days=7", "file", "planner-products.csv", "receipts",
				"planner-receipts.csv")).isEqualTo("""
						product_id,urgency,order_date,arrival_date,quantity,stockout_date,shortfall_units,shortfall_days,reason
						A,late,2024-01-01,2024-01-04,20,2024-01-02,6,2,position 2 <= reorder point 10
						E,due,2024-01-01,2024-01-03,5,2024-01-05,0,0,projected 0 < safety stock 5 on 2024-01-05
						B,due,2024-01-04,2024-01-06,30,2024-01-06,0,0,position 10 <= min 10
						""");
	}

	@Test
	void fromASalesHistoryAndLeadTimesToSafetyStocksOrdersAndTheServiceTheyAchieve() throws IOException {
		String summary = post("?view=summary", "file", "service-products.csv", "history", "service-history.csv");
		assertThat(cut(summary, 1, 7)).isEqualTo("""
				product_id,safety_stock,reorder_point
				S1,,132.04
				S2,10.91,
				""");
		String orders = post("?view=orders", "file", "service-products.csv", "history", "service-history.csv");
		assertThat(orders).startsWith("""
				product_id,order_date,arrival_date,quantity,level_before_arrival,reason
				S1,2025-01-01,2025-01-06,150,22.86,position 121.07 <= reorder point 132.04
				S1,2025-01-09,2025-01-14,150,15.71,position 113.93 <= reorder point 132.04
				""");
		String achieved = post("?view=summary&demand=normal&trials=1000&seed=7", "file", "service-products.csv",
				"history", "service-history.csv");
		assertThat(cut(achieved, 2, 7)).isEqualTo("""
				product_id,stockout_probability,achieved_cycle_service_level,cycle_service_level_low,cycle_service_level_high,achieved_fill_rate,fill_rate_low,fill_rate_high,target_cycle_service_level,target_fill_rate,safety_stock,reorder_point
				S1,0.326,0.9508,0.9452,0.9559,0.9965,0.996,0.997,0.95,,,132.04
				S2,0.475,0.7635,0.7541,0.7727,0.9369,0.9295,0.9442,0.9,,10.91,
				""");
	}

	/** POSTs the named files of docs/examples as the named parts, as the README's curl -F does. */
	private String post(String query, String firstPart, String firstFile, String secondPart, String secondFile)
			throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put(firstPart, Files.readAllBytes(Path.of("docs/examples", firstFile)));
		parts.put(secondPart, Files.readAllBytes(Path.of("docs/examples", secondFile)));
		var answer = TestHttp.on(this.port).uploadParts("/forecasts" + query, parts);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return answer.body();
	}

	/** Fields 1 to {@code through} and {@code from} on of each line, as {@code cut -d, -f1-through,from-} keeps them. */
	private static String cut(String csv, int through, int from) {
		StringBuilder out = new StringBuilder();
		for (String line : csv.split("\n")) {
			String[] fields = line.split(",", -1);
			StringBuilder kept = new StringBuilder(fields[0]);
			for (int f = 2; f <= through; f++) {
				kept.append(',').append(fields[f - 1]);
			}
			for (int f = from; f <= fields.length; f++) {
				kept.append(',').append(fields[f - 1]);
			}
			out.append(kept).append('\n');
		}
		return out.toString();
	}

}
