package com.stockcast.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.stockcast.simulation.OrderPolicy;
import com.stockcast.simulation.OrderTerms;
import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * view=exceptions (docs/forecast-contract.md#exceptions): the contract's hand-worked examples, and a
 * plain implementation of the written rule (late, due within the horizon, the projection without
 * orders, the shortfall, the sort) that must agree with the answer on thousands of random products,
 * cut into chunks as the pool cuts them.
 */
class ExceptionsTest {

	private static final int JAN_1_2024 = 19723;

	static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,order_policy,lead_time_days,review_period_days,safety_stock,reorder_point,order_quantity,max_level
			A,2024-01-01,6,4,0,10,reorder-point,3,,,10,20,
			B,2024-01-01,30,5,0,10,min-max,2,,,10,,40
			C,2024-01-01,50,5,0,20,reorder-point,2,,,10,30,
			D,2024-01-01,100,1,0,10,reorder-point,2,,,10,20,
			E,2024-01-01,20,4,0,10,order-up-to,2,3,5,,,
			""";

	static final String HEADER = "product_id,urgency,order_date,arrival_date,quantity,stockout_date,shortfall_units,"
			+ "shortfall_days,reason";

	static final String LATE_A = "A,late,2024-01-01,2024-01-04,20,2024-01-02,6,2,position 2 <= reorder point 10";

	static final String DUE_TODAY_E = "E,due,2024-01-01,2024-01-03,5,2024-01-05,0,0,projected 0 < safety stock 5 on 2024-01-05";

	static final String DUE_B = "B,due,2024-01-04,2024-01-06,30,2024-01-06,0,0,position 10 <= min 10";

	/** C's receipt of 30 units on 2024-01-05 (day 4), which puts its first order off to 2024-01-14. */
	private static Products withReceiptForC() {
		return Forecasts.products(PRODUCTS).withReceipts(new int[] { 2 }, new int[] { 4 }, new double[] { 30 }, 1);
	}

	@Test
	void aLateProductComesFirstWithItsShortfallBeforeItsFirstOrderArrives() {
		// A: 6 units, 4 sold a day, lead time 3. Without orders 2, -2, -6, -10: out on day 1, before day 3,
		// the first day an order placed today can arrive. Lowest before the arrival -6: 6 units, 2 days.
		assertThat(lines(withReceiptForC(), 7, Format.CSV)).first().isEqualTo(HEADER);
		assertThat(lines(withReceiptForC(), 7, Format.CSV).get(1)).isEqualTo(LATE_A);
	}

	@Test
	void dueProductsFollowByOrderDateWithinTheHorizon() {
		// E orders today (order-up-to), B on 2024-01-04 (min-max, position 10 on day 3): both within 7 days,
		// after the late A whatever their input order.
		assertThat(lines(withReceiptForC(), 7, Format.CSV)).containsExactly(HEADER, LATE_A, DUE_TODAY_E, DUE_B);
	}

	@Test
	void aFirstOrderAfterTheHorizonIsNotListed() {
		// Without its receipt C orders on 2024-01-08, day 7: due within 7 days, not within 6.
		assertThat(lines(Forecasts.products(PRODUCTS), 7, Format.CSV)).contains(
				"C,due,2024-01-08,2024-01-10,30,2024-01-10,0,0,position 10 <= reorder point 10");
		assertThat(lines(Forecasts.products(PRODUCTS), 6, Format.CSV)).containsExactly(HEADER, LATE_A, DUE_TODAY_E,
				DUE_B);
		// The default horizon, 0 days: orders placed on the start day only, and the late.
		assertThat(lines(withReceiptForC(), 0, Format.CSV)).containsExactly(HEADER, LATE_A, DUE_TODAY_E);
	}

	@Test
	void aProductWithoutAnOrderIsNotListed() {
		// D: 100 units, 1 sold a day, reorder point 10: no order within its 10 days, never short.
		assertThat(lines(withReceiptForC(), 3650, Format.CSV)).noneMatch(line -> line.startsWith("D,"));
	}

	@Test
	void jsonAndNdjsonHoldTheSameRecordsWithNullsForWhatDoesNotExist() {
		String json = String.join("\n", lines(withReceiptForC(), 0, Format.JSON));
		assertThat(json).startsWith("[{\"product_id\":\"A\",\"urgency\":\"late\",\"order_date\":\"2024-01-01\","
				+ "\"arrival_date\":\"2024-01-04\",\"quantity\":20,\"stockout_date\":\"2024-01-02\",\"shortfall_units\":6,"
				+ "\"shortfall_days\":2,\"reason\":\"position 2 <= reorder point 10\"}");
		assertThat(lines(withReceiptForC(), 0, Format.NDJSON)).hasSize(2);
	}

	/**
	 * 3,000 random products in chunks of up to 97, some late, some due, some without a policy or an
	 * order; every line checked against {@link Plain}.
	 */
	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void agreesWithAPlainImplementationOfTheWrittenRule(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(7 + policy.ordinal());
		for (int round = 0; round < 3; round++) {
			Products products = randomProducts(random, 1_000);
			int withinDays = random.nextInt(3) == 0 ? 0 : random.nextInt(40);
			Scenario scenario = new Scenario(policy, com.stockcast.simulation.Demand.CONSTANT, 0, 0);
			List<String> lines = encode(products, withinDays, Format.CSV, scenario, 1 + random.nextInt(97));
			List<Plain> expected = Plain.of(products, withinDays, policy);
			assertThat(lines.get(0)).isEqualTo(HEADER);
			assertThat(lines).hasSize(expected.size() + 1);
			int late = 0;
			for (int j = 0; j < expected.size(); j++) {
				expected.get(j).assertMatches(lines.get(j + 1));
				late += expected.get(j).late ? 1 : 0;
			}
			assertThat(late).isPositive().isLessThan(expected.size());
		}
	}

	static Products randomProducts(SplittableRandom random, int count) {
		Products.Builder builder = Products.builder();
		List<int[]> receipts = new ArrayList<>();
		List<Double> units = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int days = 1 + random.nextInt(random.nextBoolean() ? 30 : 120);
			double sales = random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(2000) / 100.0;
			double restocking = random.nextInt(3) == 0 ? random.nextInt(1000) / 100.0 : 0;
			double initial = random.nextInt(200) - 40 + (random.nextBoolean() ? 0 : random.nextInt(100) / 100.0);
			builder.add("P" + i, JAN_1_2024 + random.nextInt(3), initial, sales, restocking, days, 1);
			if (random.nextInt(6) != 0) {
				OrderPolicy policy = OrderPolicy.values()[random.nextInt(3)];
				int lead = random.nextInt(Math.min(days, 15) + 1);
				int review = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(14);
				double minimum = random.nextBoolean() ? 0 : random.nextInt(80);
				double multiple = random.nextBoolean() ? Double.NaN : 1 + random.nextInt(24);
				double s = random.nextInt(100) - 10 + random.nextInt(10) / 10.0;
				builder.orderTerms(switch (policy) {
					case REORDER_POINT -> new OrderTerms(policy, s, 1 + random.nextInt(5000) / 100.0, Double.NaN, lead,
							review, 0, minimum, multiple);
					case ORDER_UP_TO -> new OrderTerms(policy, Double.NaN, Double.NaN, Double.NaN, lead, review,
							random.nextBoolean() ? 0 : random.nextInt(5000) / 100.0, minimum, multiple);
					case MIN_MAX -> new OrderTerms(policy, s, Double.NaN, s + 0.5 + random.nextInt(200), lead, review, 0,
							minimum, multiple);
				});
			}
			for (int r = random.nextInt(3); r > 0; r--) {
				receipts.add(new int[] { i, random.nextInt(days) });
				units.add(1 + random.nextInt(6000) / 100.0);
			}
		}
		int n = receipts.size();
		int[] product = new int[n];
		int[] day = new int[n];
		double[] amounts = new double[n];
		for (int j = 0; j < n; j++) {
			product[j] = receipts.get(j)[0];
			day[j] = receipts.get(j)[1];
			amounts[j] = units.get(j);
		}
		return builder.build().withReceipts(product, day, amounts, n);
	}

	/**
	 * The rule as the contract writes it, one product at a time and plainly: the first planned order
	 * (from the plan PlannedOrdersTest checks), the level day by day without any order, late, due, the
	 * shortfall up to the day before the first order arrives; then the sort, by a comparison written out.
	 */
	static final class Plain {

		String id;

		int position;

		boolean late;

		int orderDay = -1;

		int start;

		int arrival;

		double quantity;

		int stockout = -1;

		double units;

		int days;

		static List<Plain> of(Products p, int withinDays, SalesPolicy policy) {
			List<Plain> listed = new ArrayList<>();
			PolicyTrajectory t = new PolicyTrajectory();
			for (int i = 0; i < p.size(); i++) {
				t.simulate(p, i, policy, false, false);
				Plain e = new Plain();
				e.id = p.id(i);
				e.position = i;
				e.start = p.startDay(i);
				int lead = p.hasReorderPolicy(i) ? p.leadTimeDays(i) : 0;
				int horizon = p.durationDays(i);
				if (t.orderCount() > 0) {
					e.orderDay = t.orderDay(0);
					e.arrival = t.orderDay(0) + lead;
					e.quantity = t.orderUnits(0);
				}
				int shortUntil = (e.orderDay >= 0) ? Math.min(e.arrival, horizon) : horizon;
				boolean upTo = p.hasReorderPolicy(i) && p.orderPolicy(i) == OrderPolicy.ORDER_UP_TO;
				double threshold = upTo ? p.safetyStock(i) : 0;
				double[] receipts = new double[horizon];
				for (int r = p.receiptsStart(i); r < p.receiptsEnd(i); r++) {
					receipts[p.receiptDay(r)] = p.receiptUnits(r);
				}
				double level = p.initialInventory(i);
				double lowest = Double.POSITIVE_INFINITY;
				for (int d = 0; d < horizon; d++) {
					level = level - p.salesRate(i);
					level = level + p.restockingRate(i);
					if (receipts[d] != 0) {
						level = level + receipts[d];
					}
					if (level <= 0 && e.stockout < 0) {
						e.stockout = d;
					}
					if (d < lead && (upTo ? level < threshold : level <= 0)) {
						e.late = true;
					}
					if (d < shortUntil) {
						lowest = Math.min(lowest, level);
						if (level <= 0) {
							e.days++;
						}
					}
				}
				e.units = Math.max(0, threshold - lowest);
				boolean due = e.orderDay >= 0 && e.orderDay <= withinDays;
				if (e.late || due) {
					listed.add(e);
				}
			}
			listed.sort(Plain::compare);
			return listed;
		}

		private static int compare(Plain a, Plain b) {
			if (a.late != b.late) {
				return a.late ? -1 : 1;
			}
			long aDate = (a.orderDay < 0) ? Long.MAX_VALUE : a.start + a.orderDay;
			long bDate = (b.orderDay < 0) ? Long.MAX_VALUE : b.start + b.orderDay;
			if (aDate != bDate) {
				return (aDate < bDate) ? -1 : 1;
			}
			if (a.units != b.units) {
				return (a.units > b.units) ? -1 : 1;
			}
			return Integer.compare(a.position, b.position);
		}

		void assertMatches(String line) {
			String[] f = line.split(",", -1);
			assertThat(f[0]).as(line).isEqualTo(this.id);
			assertThat(f[1]).as(line).isEqualTo(this.late ? "late" : "due");
			assertThat(f[2]).as(line).isEqualTo(date(this.orderDay));
			assertThat(f[3]).as(line).isEqualTo((this.orderDay < 0) ? "" : date(this.arrival));
			if (this.orderDay < 0) {
				assertThat(f[4]).as(line).isEmpty();
				assertThat(f[8]).as(line).isEmpty();
			}
			else {
				assertThat(Double.parseDouble(f[4])).as(line).isCloseTo(this.quantity, within(0.0051));
				assertThat(f[8]).as(line).matches("(position|projected) .*");
			}
			assertThat(f[5]).as(line).isEqualTo(date(this.stockout));
			assertThat(Double.parseDouble(f[6])).as(line).isCloseTo(this.units, within(0.0051 + 1e-9 * this.units));
			assertThat(Integer.parseInt(f[7])).as(line).isEqualTo(this.days);
		}

		private String date(int day) {
			return (day < 0) ? "" : LocalDate.ofEpochDay(this.start + day).toString();
		}

	}

	private static List<String> lines(Products products, int withinDays, Format format) {
		return encode(products, withinDays, format, Scenario.DEFAULT, products.size());
	}

	/** The whole answer, computed in chunks of {@code chunk} products, written in input order as the runner does. */
	private static List<String> encode(Products products, int withinDays, Format format, Scenario scenario, int chunk) {
		Answer answer = new Answer(format, View.EXCEPTIONS, scenario, ListFeatures.of(products), withinDays);
		List<OutputBuffer> chunks = new ArrayList<>();
		for (int from = 0; from < products.size(); from += chunk) {
			OutputBuffer out = new OutputBuffer(64);
			answer.compute(products, from, Math.min(from + chunk, products.size()), from == 0, out);
			chunks.add(out);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			bytes.write(answer.prologue());
			for (int c = 0; c < chunks.size(); c++) {
				answer.write(c * chunk, chunks.get(c), bytes);
			}
			bytes.write(answer.epilogue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toString(StandardCharsets.UTF_8).lines().toList();
	}

	@Test
	void theChunkingDoesNotChangeTheAnswer() {
		Products products = randomProducts(new SplittableRandom(3), 500);
		List<String> whole = encode(products, 5, Format.JSON, Scenario.DEFAULT, 500);
		assertThat(encode(products, 5, Format.JSON, Scenario.DEFAULT, 13)).isEqualTo(whole);
	}

}
