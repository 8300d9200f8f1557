package com.stockcast.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Lost sales, reorder policies, the probabilistic forecast and portfolio totals through the
 * synchronous call: hand-worked answers, the deterministic forecast as the zero-variance limit,
 * a known distribution, brute-force totals, and the problems bad parameters get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stockcast.limits.max-trial-days=100000000")
class ScenarioApiTest {

	private static final String HEADER = "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,"
			+ "duration_days\n";

	private static final String FRACTIONAL = TestResources.text("products-1k-fractional.csv");

	@LocalServerPort
	int port;

	private TestHttp api() {
		return TestHttp.on(this.port);
	}

	private String csv(String query, String body) {
		HttpResponse<String> response = api().post("/forecasts" + query, "text/csv", body, "Accept", "text/csv");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void lostSalesCapsADaysSalesAtTheStockOnHand() {
		// 10 on hand, demand 5 a day, 3 restocked after the day's sales:
		// day 1: 10-5+3 = 8; day 2: 6; day 3: 4; day 4: only 4 sold, 1 lost, 0+3 = 3;
		// days 5 and 6: 3 sold, 2 lost, 0+3 = 3. Days of cover: level / 5.
		String body = HEADER + "A,2024-01-01,10,5,3,6\n";
		assertThat(csv("?policy=lost-sales", body)).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking,unmet_demand,days_of_cover
				A,2024-01-01,8,5,3,0,1.6
				A,2024-01-02,6,5,3,0,1.2
				A,2024-01-03,4,5,3,0,0.8
				A,2024-01-04,3,4,3,1,0.6
				A,2024-01-05,3,3,3,2,0.6
				A,2024-01-06,3,3,3,2,0.6
				""");
		// Out of stock from the first day whose demand was not all met.
		assertThat(csv("?policy=lost-sales&view=summary", body)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,unmet_demand
				A,2024-01-04,3,3,5
				""");
	}

	@Test
	void aReorderPolicyPlacesAndReceivesOrders() {
		// 10 on hand, 4 sold a day, no restocking; reorder point 6, orders of 10, lead time 2 days.
		// day 1: 6, position 6 <= 6: order 10 (due day 3); day 2: 2 (position 12);
		// day 3: -2 + 10 = 8; day 4: 4, order (due day 6); day 5: 0, out of stock;
		// day 6: -4 + 10 = 6, position 6: order (due day 8); day 7: 2; day 8: -2 + 10 = 8.
		String body = HEADER.strip() + ",reorder_point,order_quantity,lead_time_days\nA,2024-01-01,10,4,0,8,6,10,2\n";
		assertThat(csv("", body)).isEqualTo("""
				product_id,update_date,inventory_level,sales,restocking,orders_placed,orders_received,days_of_cover
				A,2024-01-01,6,4,0,10,0,1.5
				A,2024-01-02,2,4,0,0,0,0.5
				A,2024-01-03,8,4,0,0,10,2
				A,2024-01-04,4,4,0,10,0,1
				A,2024-01-05,0,4,0,0,0,0
				A,2024-01-06,6,4,0,10,10,1.5
				A,2024-01-07,2,4,0,0,0,0.5
				A,2024-01-08,8,4,0,0,10,2
				""");
		assertThat(csv("?view=summary", body)).isEqualTo("""
				product_id,stockout_date,min_inventory_level,ending_inventory_level,order_count,order_dates
				A,2024-01-05,0,8,3,2024-01-01 2024-01-04 2024-01-06
				""");
		JsonNode summary = TestHttp.json(api().post("/forecasts?view=summary", "text/csv", body, "Accept",
				"application/json"));
		assertThat(summary.get(0).get("order_dates").toString())
			.isEqualTo("[\"2024-01-01\",\"2024-01-04\",\"2024-01-06\"]");
		assertThat(summary.get(0).get("order_count").asInt()).isEqualTo(3);
	}

	@Test
	void withoutVarianceTheProbabilisticForecastIsTheDeterministicOne() {
		String[] deterministic = csv("", FRACTIONAL).split("\\n");
		String[] probabilistic = csv("?demand=normal&trials=25&seed=11", FRACTIONAL).split("\\n");
		assertThat(probabilistic[0]).isEqualTo(
				"product_id,update_date,inventory_p10,inventory_p50,inventory_p90,stockout_probability,sales_mean");
		assertThat(probabilistic).hasSameSizeAs(deterministic);
		for (int r = 1; r < deterministic.length; r++) {
			String[] d = deterministic[r].split(",");
			String[] p = probabilistic[r].split(",");
			assertThat(List.of(p[0], p[1], p[2], p[3], p[4], p[6])).as(deterministic[r])
				.containsExactly(d[0], d[1], d[2], d[2], d[2], d[3]);
			assertThat(p[5]).isIn("0", "1");
		}
		String[] summary = csv("?view=summary", FRACTIONAL).split("\\n");
		String[] probable = csv("?view=summary&demand=normal&trials=25&seed=11", FRACTIONAL).split("\\n");
		for (int r = 1; r < summary.length; r++) {
			String[] d = summary[r].split(",", -1);
			String[] p = probable[r].split(",", -1);
			assertThat(List.of(p[0], p[1], p[2], p[3], p[4], p[5])).containsExactly(d[0],
					d[1].isEmpty() ? "0" : "1", d[1], d[1], d[1], d[3]);
		}
	}

	@Test
	void poissonDemandRunsOutAsThePoissonTailSays() {
		// No restocking: out by the end of day t exactly when Poisson(2t) demand reaches the 10 on hand.
		int trials = 20_000;
		String body = HEADER + "A,2024-01-01,10,2,0,10\n";
		String[] rows = csv("?demand=poisson&trials=" + trials + "&seed=5", body).split("\\n");
		assertThat(rows).hasSize(11);
		for (int t = 1; t <= 10; t++) {
			double expected = poissonTail(2.0 * t, 10);
			double observed = Double.parseDouble(rows[t].split(",")[5]);
			// Binomial standard error of the fraction, at 4.5 sigma, plus the 4-decimal rounding.
			double tolerance = 4.5 * Math.sqrt(expected * (1 - expected) / trials) + 0.00005;
			assertThat(observed).as("day %d", t).isCloseTo(expected, within(tolerance));
		}
	}

	@Test
	void negativeBinomialDemandRunsOutAsItsTailSays() {
		// Mean 2, deviation 2: NB(r = 2, p = 0.5) a day, so t days sum to NB(2t, 0.5); out by the end of day t
		// exactly when that reaches the 10 on hand. The same seed gives the same bytes.
		int trials = 20_000;
		String body = HEADER.strip() + ",sales_std\nA,2024-01-01,10,2,0,10,2\n";
		String answer = csv("?demand=negative-binomial&trials=" + trials + "&seed=5", body);
		String[] rows = answer.split("\\n");
		assertThat(rows).hasSize(11);
		for (int t = 1; t <= 10; t++) {
			double expected = negativeBinomialTail(2.0 * t, 0.5, 10);
			double observed = Double.parseDouble(rows[t].split(",")[5]);
			double tolerance = 4.5 * Math.sqrt(expected * (1 - expected) / trials) + 0.00005;
			assertThat(observed).as("day %d", t).isCloseTo(expected, within(tolerance));
			// Over-dispersed: while the 10 on hand exceed the mean demand, more often out than under the
			// Poisson of the same mean (0.15 against 0.084 on day 3); past it, less often (both tails are fatter).
			if (2 * t < 10) {
				assertThat(expected).isGreaterThan(poissonTail(2.0 * t, 10));
			}
		}
		assertThat(csv("?demand=negative-binomial&trials=" + trials + "&seed=5", body)).isEqualTo(answer);
	}

	/** P(X >= k) for X ~ NB(r, p) counting failures before the r-th success: pmf by its recurrence. */
	private static double negativeBinomialTail(double r, double p, int k) {
		double term = Math.pow(p, r);
		double below = 0;
		for (int j = 0; j < k; j++) {
			below += term;
			term *= (j + r) / (j + 1) * (1 - p);
		}
		return 1 - below;
	}

	/** P(X >= k) for X ~ Poisson(mean), summed exactly enough in doubles for k this small. */
	private static double poissonTail(double mean, int k) {
		double term = Math.exp(-mean);
		double below = 0;
		for (int j = 0; j < k; j++) {
			below += term;
			term *= mean / (j + 1);
		}
		return 1 - below;
	}

	@Test
	void theSameSeedGivesTheSameAnswerAndAnotherSeedAnother() {
		String query = "?demand=normal&sales_std=3&trials=200&view=summary&seed=";
		String first = csv(query + "42", FRACTIONAL);
		assertThat(csv(query + "42", FRACTIONAL)).isEqualTo(first);
		assertThat(csv(query + "43", FRACTIONAL)).isNotEqualTo(first);
		// A product's draws depend on its position and the seed, not on its neighbours.
		String[] lines = FRACTIONAL.split("\\n");
		String firstTwo = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n";
		String[] alone = csv(query + "42", firstTwo).split("\\n");
		String[] all = first.split("\\n");
		assertThat(alone[1]).isEqualTo(all[1]);
		assertThat(alone[2]).isEqualTo(all[2]);
	}

	@Test
	void totalsSumEveryProductDayByDate() {
		String body = FRACTIONAL + "W1,2024-04-10,5,1,0,20,7\n";
		String[] totals = csv("?view=totals&policy=lost-sales", body).split("\\n");
		assertThat(totals[0]).isEqualTo("date,inventory_level,sales,restocking,unmet_demand,skus_out_of_stock,skus");
		Map<LocalDate, BigDecimal[]> expected = bruteForceTotals(body);
		assertThat(totals).hasSize(expected.size() + 1);
		int r = 1;
		for (Map.Entry<LocalDate, BigDecimal[]> date : expected.entrySet()) {
			String[] row = totals[r++].split(",");
			BigDecimal[] sums = date.getValue();
			assertThat(row[0]).isEqualTo(date.getKey().toString());
			for (int c = 0; c < 4; c++) {
				assertThat(new BigDecimal(row[c + 1]).subtract(sums[c].setScale(2, RoundingMode.HALF_EVEN)).abs())
					.as("%s column %d", date.getKey(), c + 1)
					.isLessThanOrEqualTo(new BigDecimal("0.01"));
			}
			assertThat(row[5]).isEqualTo(sums[4].toPlainString());
			assertThat(row[6]).isEqualTo(sums[5].toPlainString());
		}
		JsonNode json = TestHttp.json(api().post("/forecasts?view=totals&policy=lost-sales", "text/csv", body, "Accept",
				"application/json"));
		assertThat(json.size()).isEqualTo(expected.size());
		assertThat(json.get(0).get("date").asString()).isEqualTo(totals[1].split(",")[0]);
	}

	/**
	 * Per date: stock, units sold, units restocked, unmet demand (lost sales), products out of stock
	 * and products projected, summed exactly over a one-day-at-a-time simulation of every product.
	 */
	private static Map<LocalDate, BigDecimal[]> bruteForceTotals(String csv) {
		Map<LocalDate, BigDecimal[]> totals = new TreeMap<>();
		String[] lines = csv.split("\\n");
		for (int l = 1; l < lines.length; l++) {
			String[] f = lines[l].split(",");
			String[] date = f[1].split("[/-]");
			LocalDate start = f[1].contains("-") ? LocalDate.parse(f[1])
					: LocalDate.of(2000 + Integer.parseInt(date[2]) % 100, Integer.parseInt(date[0]),
							Integer.parseInt(date[1]));
			double level = Double.parseDouble(f[2]);
			double sales = Double.parseDouble(f[3]);
			double restocking = Double.parseDouble(f[4]);
			int days = Integer.parseInt(f[5]);
			for (int d = 0; d < days; d++) {
				double sold = Math.min(sales, Math.max(level, 0));
				double unmet = sales - sold;
				level = level - sold + restocking;
				BigDecimal[] sums = totals.computeIfAbsent(start.plusDays(d), k -> new BigDecimal[] { BigDecimal.ZERO,
						BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(new BigDecimal(level));
				sums[1] = sums[1].add(new BigDecimal(sold));
				sums[2] = sums[2].add(new BigDecimal(restocking));
				sums[3] = sums[3].add(new BigDecimal(unmet));
				sums[4] = sums[4].add((unmet > 0 || level <= 0) ? BigDecimal.ONE : BigDecimal.ZERO);
				sums[5] = sums[5].add(BigDecimal.ONE);
			}
		}
		return totals;
	}

	@Test
	void badScenarioParametersAreProblems() {
		String body = HEADER + "A,2024-01-01,10,5,3,6\n";
		record Case(String query, String body, String where, String reason) {
		}
		List<Case> cases = new ArrayList<>(List.of(
				new Case("?trials=0", body, "trials", "must be between 1 and"),
				new Case("?trials=many", body, "trials", "must be a whole number"),
				new Case("?policy=hoard", body, "policy", "must be backorder or lost-sales"),
				new Case("?demand=gamma", body, "demand", "must be constant, normal, poisson or negative-binomial"),
				new Case("?demand=negative-binomial&sales_std=2", body, "sales_std",
						"must be at least the square root of sales_rate"),
				new Case("?seed=7", body, "seed", "only applies to a probabilistic forecast"),
				new Case("?seed=x&trials=3", body, "seed", "must be a whole number"),
				new Case("?view=daily", body, "view", "must be rows, summary, totals, orders or exceptions"),
				new Case("?sales_std=-1&demand=normal", body, "sales_std", "must not be negative"),
				new Case("?reorder_point=5&order_quantity=10&lead_time_days=7", body, "lead_time_days",
						"must not be longer than the projection"),
				new Case("?reorder_point=5&order_quantity=0&lead_time_days=1", body, "order_quantity",
						"must be greater than 0"),
				new Case("?reorder_point=5", body, "order_quantity", "is required with a reorder policy")));
		cases.add(new Case("?demand=normal", HEADER.strip() + ",sales_std\nA,2024-01-01,10,5,3,6,-2\n", "sales_std",
				"must not be negative"));
		cases.add(new Case("?demand=negative-binomial", HEADER.strip() + ",sales_std\nA,2024-01-01,10,5,3,6,3\n"
				+ "B,2024-01-01,10,5,3,6,1.5\n", "\"line\":3", "under demand=negative-binomial"));
		for (Case c : cases) {
			HttpResponse<String> response = api().post("/forecasts" + c.query(), "text/csv", c.body());
			JsonNode problem = TestHttp.assertProblem(response, 400, "invalid-input");
			JsonNode error = problem.get("errors").get(0);
			assertThat(error.toString()).as(c.query()).contains(c.where()).contains(c.reason());
		}
	}

	@Test
	void theOpenApiDescriptionNamesTheScenarioParametersAndAnswers() {
		JsonNode docs = TestHttp.json(api().get("/v3/api-docs"));
		List<String> parameters = new ArrayList<>();
		docs.path("paths").path("/forecasts").path("post").path("parameters")
			.forEach(parameter -> parameters.add(parameter.path("name").asString()));
		assertThat(parameters).contains("view", "policy", "demand", "trials", "seed", "sales_std", "reorder_point",
				"order_quantity", "lead_time_days");
		assertThat(docs.path("paths").has("/forecasts/{id}/totals")).isTrue();
		assertThat(docs.path("components").path("schemas").path("ForecastRow").path("properties").has("inventory_p10"))
			.isTrue();
		assertThat(docs.path("components").path("schemas").has("PortfolioTotal")).isTrue();
		assertThat(docs.path("components").path("schemas").path("Product").path("properties").has("lead_time_days"))
			.isTrue();
	}

	@Test
	void aProbabilisticForecastPastTheWorkLimitIsRefusedBeforeAnythingRuns() {
		// 1,000 products x 60 days x 2,000 trials = 1.2 x 10^8 trial-days, past this test's 10^8.
		for (String prefer : new String[] { "", "respond-async" }) {
			HttpResponse<String> response = api().post("/forecasts?demand=normal&trials=2000", "text/csv", FRACTIONAL,
					"Prefer", prefer.isEmpty() ? "return=representation" : prefer);
			JsonNode problem = TestHttp.assertProblem(response, 413, "too-many-trial-days");
			assertThat(problem.get("detail").asString()).contains("60000 product-days x 2000 trials")
				.contains("stockcast.limits.max-trial-days");
		}
		assertThat(api().post("/forecasts?demand=normal&trials=1000&view=summary", "text/csv", FRACTIONAL)
			.statusCode()).isEqualTo(200);
	}

}
