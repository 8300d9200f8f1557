package com.stockcast.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockcast.output.Forecasts;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTrajectoryTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void lostSalesSellOnlyTheStockOnHand() {
		// The worked example of docs/forecast-contract.md#stockout under lost sales: 10 units, demand 5, restocking 3, 8 days.
		// A day sells min(5, max(level, 0)) and loses the rest, then restocks 3:
		// d0: sold 5, 10-5=5, +3 -> 8     d1: sold 5, 8-5=3, +3 -> 6     d2: sold 5, 6-5=1, +3 -> 4
		// d3: sold min(5, 4)=4, unmet 1, 4-4=0, +3 -> 3
		// d4..d7: sold 3, unmet 2, 3-3=0, +3 -> 3
		Products products = Products.builder().add("1", JAN_1_2024, 10, 5, 3, 8, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.LOST_SALES, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(8, 6, 4, 3, 3, 3, 3, 3);
		assertThat(days(t, t::daySold)).containsExactly(5, 5, 5, 4, 3, 3, 3, 3);
		assertThat(days(t, t::dayUnmet)).containsExactly(0, 0, 0, 1, 2, 2, 2, 2);
		assertThat(t.totalUnmet()).isEqualTo(9.0);
		assertThat(t.unmet(3)).isEqualTo(1.0);
		assertThat(t.sales(4)).isEqualTo(3.0);
		assertThat(t.restocking(4)).isEqualTo(3.0);
		// Stock stays above zero at the end of every day (it hits 0 only between the sale and the
		// restocking), but d3 is the first day whose demand was not all met: out of stock from then.
		assertThat(t.stockoutDay()).isEqualTo(3);
		assertThat(t.minimumLevel()).isEqualTo(3.0);
		assertThat(t.endingLevel()).isEqualTo(3.0);
	}

	@Test
	void lostSalesWithoutRestockingRunOutAndStayAtZero() {
		// 10 units, demand 4, no restocking: d0 6, d1 2, d2 sells 2 (unmet 2) -> 0 (out), d3 sells 0 (unmet 4) -> 0.
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 4, 2).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.LOST_SALES, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 2, 0, 0);
		assertThat(days(t, t::daySold)).containsExactly(4, 4, 2, 0);
		assertThat(days(t, t::dayUnmet)).containsExactly(0, 0, 2, 4);
		assertThat(t.dayOut(1)).isFalse();
		assertThat(t.dayOut(2)).isTrue();
		assertThat(t.stockoutDay()).isEqualTo(2);
		// Periods of 2 days: sales 8 then 2, unmet 0 then 6.
		assertThat(t.periods()).isEqualTo(2);
		assertThat(t.sales(0)).isEqualTo(8.0);
		assertThat(t.sales(1)).isEqualTo(2.0);
		assertThat(t.unmet(1)).isEqualTo(6.0);
		assertThat(t.totalUnmet()).isEqualTo(6.0);
	}

	@Test
	void reorderWithNoLeadTimeIsReceivedTheSameDay() {
		// 10 units, demand 4, no stream; s = 3, Q = 5, L = 0.
		// d0: 10-4=6, position 6 > 3.                      level 6
		// d1: 6-4=2, position 2 <= 3: k=1 (2+5 > 3), +5 -> 7
		// d2: 7-4=3, position 3 <= 3: k=1, +5            -> 8
		// d3: 8-4=4                                        -> 4
		// d4: 4-4=0, order, +5                             -> 5 (the final level is above 0: no stockout)
		// d5: 5-4=1, order, +5                             -> 6
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 6, 1).reorderPolicy(3, 5, 0).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 7, 8, 4, 5, 6);
		assertThat(orderDays(t)).containsExactly(1, 2, 4, 5);
		assertThat(t.ordered(1)).isEqualTo(5.0);
		assertThat(t.received(1)).isEqualTo(5.0);
		assertThat(t.restocking(1)).isEqualTo(0.0);
		assertThat(t.dayRestocking(1)).isEqualTo(5.0);
		assertThat(t.dayRestocking(3)).isEqualTo(0.0);
		assertThat(t.stockoutDay()).isEqualTo(PolicyTrajectory.NO_STOCKOUT);
		assertThat(t.minimumLevel()).isEqualTo(4.0);
	}

	@Test
	void reorderWithALeadTimeOfOneDayArrivesTheNextDay() {
		// 10 units, demand 4, no stream; s = 3, Q = 5, L = 1. Periods of 2 days.
		// d0: 10-4=6                                                      -> 6
		// d1: 6-4=2, position 2 <= 3: order 5, due d2                      -> 2
		// d2: 2-4=-2, receive 5 -> 3, position 3 <= 3: order 5, due d3     -> 3
		// d3: 3-4=-1, receive 5 -> 4, position 4                           -> 4
		// d4: 4-4=0, position 0: order 5, due d5                           -> 0 (out)
		// d5: 0-4=-4, receive 5 -> 1, position 1: order 5, due d6 > last day, never received -> 1
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 6, 2).reorderPolicy(3, 5, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(6, 2, 3, 4, 0, 1);
		assertThat(orderDays(t)).containsExactly(1, 2, 4, 5);
		assertThat(t.stockoutDay()).isEqualTo(4);
		assertThat(t.minimumLevel()).isEqualTo(0.0);
		assertThat(t.periods()).isEqualTo(3);
		assertThat(new double[] { t.level(0), t.level(1), t.level(2) }).containsExactly(2, 4, 1);
		assertThat(new double[] { t.ordered(0), t.ordered(1), t.ordered(2) }).containsExactly(5, 5, 10);
		assertThat(new double[] { t.received(0), t.received(1), t.received(2) }).containsExactly(0, 10, 5);
		assertThat(t.endingLevel()).isEqualTo(1.0);
	}

	@Test
	void backordersWithALeadTimeOfThreeOrderMultiplesOfTheQuantity() {
		// 20 units, demand 10, no stream, backorders; s = 15, Q = 4, L = 3; 6 days. Position = level + on order.
		// d0: 20-10=10; pos 10: k=2 (10+8=18 > 15, 10+4=14 is not); order 8 due d3; on order 8    -> 10
		// d1: 10-10=0; pos 0+8=8: k=2 (16); order 8 due d4; on order 16                          -> 0 (out)
		// d2: 0-10=-10; pos -10+16=6: k=3 (18); order 12 due d5; on order 28                     -> -10
		// d3: -20, receive 8 -> -12; on order 20; pos 8: k=2; order 8 due d6 (never)            -> -12
		// d4: -22, receive 8 -> -14; on order 20; pos 6: k=3; order 12 due d7 (never)           -> -14
		// d5: -24, receive 12 -> -12; on order 20; pos 8: k=2; order 8 due d8 (never)           -> -12
		Products products = Products.builder().add("1", JAN_1_2024, 20, 10, 0, 6, 3).reorderPolicy(15, 4, 3).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, true);
		assertThat(days(t, t::dayLevel)).containsExactly(10, 0, -10, -12, -14, -12);
		assertThat(orderDays(t)).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(t.ordered(0)).isEqualTo(8 + 8 + 12.0);
		assertThat(t.ordered(1)).isEqualTo(8 + 12 + 8.0);
		assertThat(t.received(0)).isEqualTo(0.0);
		assertThat(t.received(1)).isEqualTo(8 + 8 + 12.0);
		assertThat(t.dayRestocking(5)).isEqualTo(12.0);
		assertThat(t.sales(1)).isEqualTo(30.0);
		assertThat(t.unmet(1)).isEqualTo(0.0);
		assertThat(t.stockoutDay()).isEqualTo(1);
		assertThat(t.minimumLevel()).isEqualTo(-14.0);
		assertThat(t.endingLevel()).isEqualTo(-12.0);
	}

	@Test
	void daysOfCoverAreTheEndingStockOverTheSalesRate() {
		// 100 units selling 10 a day for 12 days in periods of 5: ends 50, 0, -20.
		Products products = Products.builder().add("1", JAN_1_2024, 100, 10, 0, 12, 5)
			.add("2", JAN_1_2024, 7, 0, 0, 3, 1)
			.add("3", JAN_1_2024, 7, 2, 0, 3, 1)
			.build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, false);
		assertThat(t.daysOfCover(0)).isEqualTo(5.0);
		assertThat(t.daysOfCover(1)).isEqualTo(0.0);
		assertThat(t.daysOfCover(2)).isEqualTo(0.0);
		t.simulate(products, 1, SalesPolicy.BACKORDER, true, false);
		assertThat(t.daysOfCover(0)).isNaN();
		t.simulate(products, 2, SalesPolicy.BACKORDER, true, false);
		// 7 - 2 = 5 left, selling 2 a day: 2.5 days.
		assertThat(t.daysOfCover(0)).isEqualTo(2.5);
	}

	@Test
	void keepsNothingItWasNotAskedFor() {
		Products products = Products.builder().add("1", JAN_1_2024, 10, 4, 0, 6, 1).reorderPolicy(3, 5, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, false, false);
		assertThat(t.periods()).isZero();
		assertThat(t.days()).isZero();
		assertThat(t.orderCount()).isEqualTo(4);
		assertThat(t.stockoutDay()).isEqualTo(4);
	}

	@Test
	void theDefaultForecastsFiguresDoNotDependOnKeepingTheDays() {
		SplittableRandom random = new SplittableRandom(42);
		Products products = RandomProducts.of(random, 2_000, false);
		assertSameWithAndWithoutDays(products);
	}

	@ParameterizedTest
	@ValueSource(strings = { "product_list", "products-1k-fractional", "products-weekly" })
	void theDefaultForecastsFiguresDoNotDependOnKeepingTheDaysOnTheReferenceData(String name) {
		assertSameWithAndWithoutDays(Forecasts.products(Forecasts.resource(name + ".csv")));
	}

	private static void assertSameWithAndWithoutDays(Products products) {
		PolicyTrajectory expected = new PolicyTrajectory();
		PolicyTrajectory t = new PolicyTrajectory();
		for (int i = 0; i < products.size(); i++) {
			expected.simulate(products, i, SalesPolicy.BACKORDER, true, true);
			t.simulate(products, i, SalesPolicy.BACKORDER, true, false);
			assertThat(t.periods()).isEqualTo(expected.periods());
			for (int k = 0; k < t.periods(); k++) {
				assertThat(t.level(k)).as("product %d period %d", i, k).isEqualTo(expected.level(k));
				assertThat(t.sales(k)).isEqualTo(expected.sales(k));
				assertThat(t.restocking(k)).isEqualTo(expected.restocking(k));
				assertThat(t.unmet(k)).isZero();
				assertThat(t.ordered(k)).isZero();
				assertThat(t.received(k)).isZero();
			}
			assertThat(t.stockoutDay()).isEqualTo(expected.stockoutDay());
			assertThat(t.minimumLevel()).isEqualTo(expected.minimumLevel());
			assertThat(t.endingLevel()).isEqualTo(expected.endingLevel());
			assertThat(t.totalUnmet()).isZero();
			assertThat(t.orderCount()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void agreesWithAPlainReimplementationOnRandomProducts(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(7 + policy.ordinal());
		Products products = RandomProducts.of(random, 3_000, true);
		PolicyTrajectory t = new PolicyTrajectory();
		int withOrders = 0;
		int withUnmet = 0;
		for (int i = 0; i < products.size(); i++) {
			BruteForce expected = new BruteForce(products, i, policy);
			boolean keep = (i % 3) != 0;
			t.simulate(products, i, policy, keep, keep);
			String as = "product " + i + " " + policy;
			assertThat(t.stockoutDay()).as(as).isEqualTo(expected.stockoutDay);
			assertThat(t.minimumLevel()).as(as).isEqualTo(expected.minimum);
			assertThat(t.endingLevel()).as(as).isEqualTo(expected.ending);
			assertThat(t.totalUnmet()).as(as).isEqualTo(expected.totalUnmet);
			assertThat(orderDays(t)).as(as).isEqualTo(expected.orderDays);
			if (!keep) {
				continue;
			}
			assertThat(t.periods()).isEqualTo(expected.periodLevel.size());
			for (int k = 0; k < t.periods(); k++) {
				String ask = as + " period " + k;
				assertThat(t.level(k)).as(ask).isEqualTo(expected.periodLevel.get(k));
				assertThat(t.sales(k)).as(ask).isEqualTo(expected.periodSales.get(k));
				assertThat(t.restocking(k)).as(ask).isEqualTo(expected.periodRestocking.get(k));
				assertThat(t.unmet(k)).as(ask).isEqualTo(expected.periodUnmet.get(k));
				assertThat(t.ordered(k)).as(ask).isEqualTo(expected.periodOrdered.get(k));
				assertThat(t.received(k)).as(ask).isEqualTo(expected.periodReceived.get(k));
			}
			assertThat(t.days()).isEqualTo(expected.level.length);
			for (int d = 0; d < t.days(); d++) {
				String asd = as + " day " + d;
				assertThat(t.dayLevel(d)).as(asd).isEqualTo(expected.level[d]);
				assertThat(t.daySold(d)).as(asd).isEqualTo(expected.sold[d]);
				assertThat(t.dayUnmet(d)).as(asd).isEqualTo(expected.unmet[d]);
				assertThat(t.dayRestocking(d)).as(asd).isEqualTo(expected.restocking[d] + expected.received[d]);
				assertThat(t.dayOut(d)).as(asd).isEqualTo(expected.level[d] <= 0 || expected.unmet[d] > 0);
				assertThat(t.dayOrdered(d)).as(asd).isEqualTo(expected.orderedUnits[d]);
				assertThat(t.dayReceived(d)).as(asd).isEqualTo(expected.received[d]);
			}
			withOrders += expected.orderDays.isEmpty() ? 0 : 1;
			withUnmet += (expected.totalUnmet > 0) ? 1 : 0;
		}
		// The random products do exercise what is compared.
		assertThat(withOrders).isGreaterThan(500);
		if (policy == SalesPolicy.LOST_SALES) {
			assertThat(withUnmet).isGreaterThan(500);
		}
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void theDaysOrdersAreTheOrdersPlacedAndReceivedThatDayAndAddUpToThePeriods(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(23 + policy.ordinal());
		PolicyTrajectory t = new PolicyTrajectory();
		int orders = 0;
		int received = 0;
		for (int n = 0; n < 1_500; n++) {
			Products products = productWithOrderTerms(random);
			t.simulate(products, 0, policy, true, true);
			String as = "product " + products.orderTerms(0) + " " + policy;
			double[] placedOn = new double[t.days()];
			double[] receivedOn = new double[t.days()];
			for (int j = 0; j < t.orderCount(); j++) {
				// At most one order is placed a day, and they arrive in the order placed: at most one a day too.
				placedOn[t.orderDay(j)] = t.orderUnits(j);
				if (t.orderArrivalDay(j) < t.days()) {
					receivedOn[t.orderArrivalDay(j)] = t.orderUnits(j);
					received++;
				}
			}
			assertThat(days(t, t::dayOrdered)).as(as).containsExactly(placedOn);
			assertThat(days(t, t::dayReceived)).as(as).containsExactly(receivedOn);
			int frequency = products.frequency(0);
			for (int k = 0; k < t.periods(); k++) {
				double ordered = 0;
				double in = 0;
				for (int d = k * frequency; d < Math.min((k + 1) * frequency, t.days()); d++) {
					ordered += t.dayOrdered(d);
					in += t.dayReceived(d);
				}
				assertThat(t.ordered(k)).as(as + " period " + k).isEqualTo(ordered);
				assertThat(t.received(k)).as(as + " period " + k).isEqualTo(in);
			}
			orders += t.orderCount();
		}
		// The random products do place and receive orders.
		assertThat(orders).isGreaterThan(5_000);
		assertThat(received).isGreaterThan(5_000);
	}

	/** One product under a random order policy, lead time, review period, minimum and pack size. */
	private static Products productWithOrderTerms(SplittableRandom random) {
		int days = 1 + random.nextInt(120);
		double sales = random.nextInt(2000) / 100.0;
		double s = random.nextInt(100) - 10 + random.nextInt(10) / 10.0;
		int lead = random.nextInt(Math.min(days, 10) + 1);
		int review = 1 + random.nextInt(7);
		double minimum = random.nextBoolean() ? 0 : random.nextInt(40);
		double multiple = random.nextBoolean() ? Double.NaN : 1 + random.nextInt(12) / 4.0;
		OrderPolicy policy = OrderPolicy.values()[random.nextInt(3)];
		OrderTerms terms = switch (policy) {
			case REORDER_POINT -> new OrderTerms(policy, s, 1 + random.nextInt(5000) / 100.0, Double.NaN, lead, review, 0,
					minimum, multiple);
			case ORDER_UP_TO -> new OrderTerms(policy, Double.NaN, Double.NaN, Double.NaN, lead, review,
					random.nextInt(5000) / 100.0, minimum, multiple);
			case MIN_MAX -> new OrderTerms(policy, s, Double.NaN, s + 0.5 + random.nextInt(200), lead, review, 0, minimum,
					multiple);
		};
		return Products.builder()
			.add("P", JAN_1_2024, random.nextInt(200) - 40, sales, random.nextInt(3) == 0 ? random.nextInt(500) / 100.0 : 0,
					days, 1 + random.nextInt(10))
			.orderTerms(terms)
			.build();
	}

	/** A trajectory's daily figure {@code f} as an array (shared by the receipts test). */
	static double[] days(PolicyTrajectory t, java.util.function.IntToDoubleFunction f) {
		double[] values = new double[t.days()];
		for (int d = 0; d < values.length; d++) {
			values[d] = f.applyAsDouble(d);
		}
		return values;
	}

	/** A trajectory's order days as a list (shared by the receipts test). */
	static List<Integer> orderDays(PolicyTrajectory t) {
		List<Integer> days = new ArrayList<>();
		for (int j = 0; j < t.orderCount(); j++) {
			days.add(t.orderDay(j));
		}
		return days;
	}

	/**
	 * The semantics read literally, one day at a time, with a list of outstanding orders: no shared
	 * code with the engine. Units on order are the outstanding lots times Q, as the contract says.
	 */
	static final class BruteForce {

		final double[] level;
		final double[] sold;
		final double[] unmet;
		final double[] restocking;
		final double[] received;
		final double[] orderedUnits;
		final List<Integer> orderDays = new ArrayList<>();
		final List<Double> periodLevel = new ArrayList<>();
		final List<Double> periodSales = new ArrayList<>();
		final List<Double> periodRestocking = new ArrayList<>();
		final List<Double> periodUnmet = new ArrayList<>();
		final List<Double> periodOrdered = new ArrayList<>();
		final List<Double> periodReceived = new ArrayList<>();
		int stockoutDay = -1;
		double minimum = Double.POSITIVE_INFINITY;
		double ending;
		double totalUnmet;

		BruteForce(Products p, int i, SalesPolicy policy) {
			int n = p.durationDays(i);
			this.level = new double[n];
			this.sold = new double[n];
			this.unmet = new double[n];
			this.restocking = new double[n];
			this.received = new double[n];
			this.orderedUnits = new double[n];
			double rate = p.salesRate(i);
			double q = p.orderQuantity(i);
			List<long[]> outstanding = new ArrayList<>(); // {due day, lots}
			double x = p.initialInventory(i);
			for (int d = 0; d < n; d++) {
				double demand = rate;
				if (policy == SalesPolicy.BACKORDER) {
					this.sold[d] = demand;
					x = x - demand;
				}
				else {
					this.sold[d] = Math.min(demand, Math.max(x, 0));
					this.unmet[d] = demand - this.sold[d];
					x = x - this.sold[d];
				}
				this.restocking[d] = p.restockingRate(i);
				x = x + p.restockingRate(i);
				if (p.hasReorderPolicy(i)) {
					for (int o = 0; o < outstanding.size(); o++) {
						if (outstanding.get(o)[0] == d) {
							this.received[d] = outstanding.get(o)[1] * q;
							x = x + this.received[d];
							outstanding.remove(o);
							break;
						}
					}
					long lotsOnOrder = 0;
					for (long[] o : outstanding) {
						lotsOnOrder += o[1];
					}
					double position = x + lotsOnOrder * q;
					if (position <= p.reorderPoint(i)) {
						long k = 1;
						while (!(position + k * q > p.reorderPoint(i))) {
							k++;
						}
						this.orderDays.add(d);
						this.orderedUnits[d] = k * q;
						if (p.leadTimeDays(i) == 0) {
							this.received[d] = k * q;
							x = x + k * q;
						}
						else {
							outstanding.add(new long[] { d + p.leadTimeDays(i), k });
						}
					}
				}
				this.level[d] = x;
				this.totalUnmet += this.unmet[d];
				// Out of stock: the day ends at or below zero, or some of its demand was lost.
				if ((x <= 0 || this.unmet[d] > 0) && this.stockoutDay < 0) {
					this.stockoutDay = d;
				}
				this.minimum = Math.min(this.minimum, x);
			}
			this.ending = x;
			int f = p.frequency(i);
			for (int start = 0; start < n; start += f) {
				int end = Math.min(start + f, n);
				this.periodLevel.add(this.level[end - 1]);
				this.periodSales.add(sum(this.sold, start, end));
				this.periodRestocking.add(sum(this.restocking, start, end));
				this.periodUnmet.add(sum(this.unmet, start, end));
				this.periodOrdered.add(sum(this.orderedUnits, start, end));
				this.periodReceived.add(sum(this.received, start, end));
			}
		}

		private static double sum(double[] values, int from, int to) {
			double s = 0;
			for (int d = from; d < to; d++) {
				s += values[d];
			}
			return s;
		}

	}

}
