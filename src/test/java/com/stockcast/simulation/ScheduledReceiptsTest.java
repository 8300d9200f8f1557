package com.stockcast.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.stockcast.simulation.PolicyTrajectoryTest.days;
import static com.stockcast.simulation.PolicyTrajectoryTest.orderDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scheduled receipts (docs/forecast-contract.md#scheduled-receipts) in the one day loop: the
 * contract's hand-worked examples, a plain re-implementation compared on thousands of random
 * products with random receipts under each sales policy, with and without reorder policies, and
 * Monte Carlo without variance equal to the deterministic trajectory.
 */
class ScheduledReceiptsTest {

	private static final int JAN_1_2024 = 19723;

	/** The contract's product A: 10 units, 4 sold a day, no restocking stream, 6 days. */
	private static Products productA() {
		return Products.builder().add("A", JAN_1_2024, 10, 4, 0, 6, 1).build();
	}

	/** A's receipts: 5 and 3 units on 2024-01-03 (one receipt day of 8), 6 on 2024-01-05. */
	private static Products withContractReceipts(Products products) {
		return products.withReceipts(new int[] { 0, 0, 0 }, new int[] { 2, 4, 2 }, new double[] { 5, 6, 3 }, 3);
	}

	@Test
	void receiptsAreAddedOnTheirDayAfterTheSalesUnderBackorders() {
		// d0: 10-4 = 6; d1: 2; d2: 2-4 = -2, +8 = 6; d3: 2; d4: -2 + 6 = 4; d5: 0 (out of stock).
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(withContractReceipts(productA()), 0, SalesPolicy.BACKORDER, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 2, 6, 2, 4, 0);
		assertThat(days(t, t::dayRestocking)).containsExactly(0, 0, 8, 0, 6, 0);
		assertThat(t.stockoutDay()).isEqualTo(5);
		assertThat(t.minimumLevel()).isEqualTo(0.0);
		assertThat(t.endingLevel()).isEqualTo(0.0);
		// Without them A runs out on d2, at -2.
		t.simulate(productA(), 0, SalesPolicy.BACKORDER, true, true);
		assertThat(t.stockoutDay()).isEqualTo(2);
	}

	@Test
	void underLostSalesAReceiptIsNotSoldOnTheDayItArrives() {
		// d0: 6; d1: 2; d2: sells 2 of 4 (2 lost) -> 0, +8 -> 8; d3: 4; d4: 0 + 6 = 6; d5: 2.
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(withContractReceipts(productA()), 0, SalesPolicy.LOST_SALES, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 2, 8, 4, 6, 2);
		assertThat(days(t, t::dayUnmet)).containsExactly(0, 0, 2, 0, 0, 0);
		assertThat(t.stockoutDay()).isEqualTo(2);
		assertThat(t.minimumLevel()).isEqualTo(2.0);
		assertThat(t.totalUnmet()).isEqualTo(2.0);
	}

	@Test
	void aReorderPolicyCountsTheReceiptsStillToComeInItsPosition() {
		// s = 6, Q = 10, L = 2, and 8 units due on d2.
		// d0: 6, position 6 + 8 due = 14: no order. d1: 2, position 10: none.
		// d2: -2 + 8 = 6, nothing due: position 6 <= 6, order 10 (due d4). d3: 2, position 12.
		// d4: -2 + 10 = 8. d5: 4, position 4: order 10 (due d7, after the horizon).
		Products products = Products.builder().add("A", JAN_1_2024, 10, 4, 0, 6, 1).reorderPolicy(6, 10, 2).build()
			.withReceipts(new int[] { 0 }, new int[] { 2 }, new double[] { 8 }, 1);
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 2, 6, 2, 8, 4);
		assertThat(orderDays(t)).containsExactly(2, 5);
		assertThat(t.received(4)).isEqualTo(10.0);
		assertThat(t.dayRestocking(2)).isEqualTo(8.0);
		assertThat(t.dayRestocking(4)).isEqualTo(10.0);
		assertThat(t.stockoutDay()).isEqualTo(PolicyTrajectory.NO_STOCKOUT);
	}

	@Test
	void receiptsOfOneDayAreSummedInTheOrderGivenAndKeptByProduct() {
		Products products = Products.builder().add("A", JAN_1_2024, 0, 0, 0, 5, 1).add("B", JAN_1_2024, 0, 0, 0, 3, 1)
			.build()
			.withReceipts(new int[] { 1, 0, 0, 1, 0 }, new int[] { 2, 4, 1, 2, 1 }, new double[] { 0.1, 7, 0.2, 0.2, 0.1 },
					5);
		assertThat(products.hasReceiptsInput()).isTrue();
		assertThat(products.receiptsEnd(0) - products.receiptsStart(0)).isEqualTo(2);
		assertThat(products.receiptDay(products.receiptsStart(0))).isEqualTo(1);
		// 0.2 then 0.1 (0.30000000000000004), not 0.1 then 0.2.
		assertThat(products.receiptUnits(products.receiptsStart(0))).isEqualTo(0.2 + 0.1);
		assertThat(products.receiptsOnward(products.receiptsStart(0))).isEqualTo(7 + (0.2 + 0.1));
		assertThat(products.receiptUnits(products.receiptsStart(1))).isEqualTo(0.1 + 0.2);
		assertThat(products.receipts(0, 0, 2)).isEqualTo(0.2 + 0.1);
		assertThat(products.receipts(0, 2, 5)).isEqualTo(7.0);
		Products none = productA().withReceipts(new int[0], new int[0], new double[0], 0);
		assertThat(none.hasReceiptsInput()).isTrue();
		assertThat(productA().hasReceiptsInput()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> productA().withReceipts(new int[] { 0 }, new int[] { 6 }, new double[] { 1 }, 1));
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void agreesWithAPlainReimplementationOnRandomProductsWithRandomReceipts(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(11 + policy.ordinal());
		Products plain = RandomProducts.of(random, 3_000, true);
		List<int[]> where = new ArrayList<>();
		List<Double> units = new ArrayList<>();
		for (int n = 0; n < 12_000; n++) {
			int i = random.nextInt(plain.size());
			// A third of the products get none; the others several, some on one day.
			if (i % 3 == 0) {
				continue;
			}
			where.add(new int[] { i, random.nextInt(plain.durationDays(i)) });
			units.add(random.nextBoolean() ? 1 + random.nextInt(60) : (1 + random.nextInt(6000)) / 100.0);
		}
		int count = where.size();
		int[] product = new int[count];
		int[] day = new int[count];
		double[] amounts = new double[count];
		for (int j = 0; j < count; j++) {
			product[j] = where.get(j)[0];
			day[j] = where.get(j)[1];
			amounts[j] = units.get(j);
		}
		Products products = plain.withReceipts(product, day, amounts, count);
		PolicyTrajectory t = new PolicyTrajectory();
		int changed = 0;
		for (int i = 0; i < products.size(); i++) {
			Reference expected = new Reference(products, i, policy, product, day, amounts);
			t.simulate(products, i, policy, true, true);
			String as = "product " + i + " " + policy;
			assertThat(t.stockoutDay()).as(as).isEqualTo(expected.stockoutDay);
			assertThat(t.minimumLevel()).as(as).isEqualTo(expected.minimum);
			assertThat(t.endingLevel()).as(as).isEqualTo(expected.level[expected.level.length - 1]);
			assertThat(t.totalUnmet()).as(as).isEqualTo(expected.totalUnmet);
			assertThat(orderDays(t)).as(as).isEqualTo(expected.orderDays);
			for (int d = 0; d < t.days(); d++) {
				String asd = as + " day " + d;
				assertThat(t.dayLevel(d)).as(asd).isEqualTo(expected.level[d]);
				assertThat(t.daySold(d)).as(asd).isEqualTo(expected.sold[d]);
				assertThat(t.dayRestocking(d)).as(asd).isEqualTo(expected.in[d]);
			}
			int f = products.frequency(i);
			for (int k = 0; k < t.periods(); k++) {
				int from = k * f;
				int to = (int) Math.min((long) from + f, products.durationDays(i));
				double sum = 0;
				for (int d = from; d < to; d++) {
					sum += expected.scheduled[d];
				}
				assertThat(products.receipts(i, from, to)).as(as + " period " + k).isEqualTo(sum);
				assertThat(t.level(k)).as(as + " period " + k).isEqualTo(expected.level[to - 1]);
			}
			PolicyTrajectory without = new PolicyTrajectory();
			without.simulate(plain, i, policy, false, false);
			changed += (without.endingLevel() != t.endingLevel()) ? 1 : 0;
		}
		// The receipts do change what is compared.
		assertThat(changed).isGreaterThan(1_500);
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void everyTrialOfAForecastWithoutVarianceIsTheTrajectoryWithItsReceipts(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(5);
		Products plain = RandomProducts.of(random, 300, true);
		int count = 900;
		int[] product = new int[count];
		int[] day = new int[count];
		double[] units = new double[count];
		for (int j = 0; j < count; j++) {
			product[j] = random.nextInt(plain.size());
			day[j] = random.nextInt(plain.durationDays(product[j]));
			units[j] = (1 + random.nextInt(3000)) / 100.0;
		}
		Products products = plain.withReceipts(product, day, units, count);
		Scenario scenario = new Scenario(policy, Demand.NORMAL, 7, 3);
		MonteCarlo trials = new MonteCarlo();
		PolicyTrajectory t = new PolicyTrajectory();
		for (int i = 0; i < products.size(); i++) {
			if (products.salesStd(i) != 0) {
				continue;
			}
			trials.simulate(products, i, i, scenario, true, true);
			t.simulate(products, i, policy, true, true);
			for (int k = 0; k < t.periods(); k++) {
				assertThat(trials.levelQuantile(k, 0)).as("product %d period %d", i, k).isEqualTo(t.level(k));
				assertThat(trials.levelQuantile(k, 2)).isEqualTo(t.level(k));
				assertThat(trials.meanSales(k)).isEqualTo(t.sales(k));
			}
			for (int d = 0; d < t.days(); d++) {
				assertThat(trials.dayMeanLevel(d)).isEqualTo(t.dayLevel(d));
				assertThat(trials.dayMeanRestocking(d)).as("product %d day %d", i, d).isEqualTo(t.dayRestocking(d));
			}
			assertThat(trials.endingQuantile(1)).isEqualTo(t.endingLevel());
			assertThat(trials.stockoutDayQuantile(1)).isEqualTo(t.stockoutDay());
		}
	}

	/**
	 * The contract read literally, one day at a time, from the receipts as given (not from the
	 * products' per-day sums): a day's receipts summed in input order and added after the restocking
	 * stream; the units still due after today, summed from the last receipt day back, in the position.
	 */
	static final class Reference {

		final double[] level;
		final double[] sold;
		final double[] scheduled;
		final double[] in;
		final List<Integer> orderDays = new ArrayList<>();
		int stockoutDay = -1;
		double minimum = Double.POSITIVE_INFINITY;
		double totalUnmet;

		Reference(Products p, int i, SalesPolicy policy, int[] product, int[] day, double[] units) {
			int n = p.durationDays(i);
			this.level = new double[n];
			this.sold = new double[n];
			this.scheduled = new double[n];
			this.in = new double[n];
			boolean[] due = new boolean[n];
			for (int j = 0; j < product.length; j++) {
				if (product[j] == i) {
					this.scheduled[day[j]] = due[day[j]] ? this.scheduled[day[j]] + units[j] : units[j];
					due[day[j]] = true;
				}
			}
			double q = p.orderQuantity(i);
			List<long[]> outstanding = new ArrayList<>(); // {due day, lots}
			double x = p.initialInventory(i);
			for (int d = 0; d < n; d++) {
				double demand = p.salesRate(i);
				double unmet = 0;
				if (policy == SalesPolicy.BACKORDER) {
					this.sold[d] = demand;
				}
				else {
					this.sold[d] = Math.min(demand, Math.max(x, 0));
					unmet = demand - this.sold[d];
				}
				x = x - this.sold[d];
				x = x + p.restockingRate(i);
				if (due[d]) {
					x = x + this.scheduled[d];
				}
				double received = 0;
				if (p.hasReorderPolicy(i)) {
					for (int o = 0; o < outstanding.size(); o++) {
						if (outstanding.get(o)[0] == d) {
							received = outstanding.get(o)[1] * q;
							x = x + received;
							outstanding.remove(o);
							break;
						}
					}
					long lots = 0;
					for (long[] o : outstanding) {
						lots += o[1];
					}
					double later = 0;
					boolean any = false;
					for (int e = n - 1; e > d; e--) {
						if (due[e]) {
							later = this.scheduled[e] + later;
							any = true;
						}
					}
					double position = x + lots * q;
					if (any) {
						position = position + later;
					}
					if (position <= p.reorderPoint(i)) {
						long k = 1;
						while (!(position + k * q > p.reorderPoint(i))) {
							k++;
						}
						this.orderDays.add(d);
						if (p.leadTimeDays(i) == 0) {
							received = k * q;
							x = x + received;
						}
						else {
							outstanding.add(new long[] { d + p.leadTimeDays(i), k });
						}
					}
				}
				this.in[d] = p.restockingRate(i);
				if (due[d]) {
					this.in[d] = this.in[d] + this.scheduled[d];
				}
				if (received != 0) {
					this.in[d] = this.in[d] + received;
				}
				this.level[d] = x;
				this.totalUnmet += unmet;
				if ((x <= 0 || unmet > 0) && this.stockoutDay < 0) {
					this.stockoutDay = d;
				}
				this.minimum = Math.min(this.minimum, x);
			}
		}

	}

}
