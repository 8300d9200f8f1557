package com.stockcast.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned orders (docs/forecast-contract.md#planned-orders) in the one day loop: the contract's
 * hand-worked examples, and a plain implementation of the written rules that must agree with
 * {@link PolicyTrajectory} on every planned order of thousands of random products (policies, review
 * periods, minimums, packs, lead times, receipts, both sales policies), with the invariants the
 * contract promises checked on the plain plan's days.
 */
class PlannedOrdersTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void orderUpToCoversTheDemandUntilTheNextReviewsArrivalAboveTheSafetyStock() {
		// 20 units, 4 sold a day, 10 days; reviews every 3 days, lead time 2, safety stock 5, packs of 6.
		Products products = Products.builder().add("A", JAN_1_2024, 20, 4, 0, 10, 1)
			.orderTerms(new OrderTerms(OrderPolicy.ORDER_UP_TO, Double.NaN, Double.NaN, Double.NaN, 2, 3, 5, 0, 6))
			.build();
		PolicyTrajectory t = plan(products);
		assertThat(levels(t)).containsExactly(16, 12, 14, 10, 6, 14, 10, 6, 14, 10);
		// d0: window d2..d4, projected 0 on d4: need 5, 6 units. d3: window d5..d7, -6 on d7: need 11, 12.
		// d6: window d8..d9 (the horizon), -2 on d9: need 7, 12. d9: would arrive on d11, after the last day: none.
		assertThat(orders(t)).containsExactly(order(0, 2, 6, 8, 0, 4), order(3, 5, 12, 2, -6, 7),
				order(6, 8, 12, 2, -2, 9));
	}

	@Test
	void theReorderPointReviewsOnlyOnReviewDaysAndRoundsToTheMinimumAndThePack() {
		// 15 units, 5 sold a day, 8 days; s = 10, Q = 8, L = 1, reviews every 2 days, minimum 20, packs of 6.
		Products products = Products.builder().add("B", JAN_1_2024, 15, 5, 0, 8, 1)
			.orderTerms(new OrderTerms(OrderPolicy.REORDER_POINT, 10, 8, Double.NaN, 1, 2, 0, 20, 6))
			.build();
		PolicyTrajectory t = plan(products);
		assertThat(levels(t)).containsExactly(10, 29, 24, 19, 14, 9, 4, 23);
		// d0: position 10 <= 10: 1 x 8 = 8, raised to 20, rounded up to 24. d5: position 9, not a review day.
		assertThat(orders(t)).containsExactly(order(0, 1, 24, 5, 10, -1), order(6, 7, 24, -1, 4, -1));
	}

	@Test
	void minMaxOrdersUpToTheMaxFromThePosition() {
		// 12 units, 4 sold a day, 8 days; min 10, max 30, L = 1, daily review, packs of 5.
		Products products = Products.builder().add("C", JAN_1_2024, 12, 4, 0, 8, 1)
			.orderTerms(new OrderTerms(OrderPolicy.MIN_MAX, 10, Double.NaN, 30, 1, 1, 0, 0, 5))
			.build();
		PolicyTrajectory t = plan(products);
		assertThat(levels(t)).containsExactly(8, 29, 25, 21, 17, 13, 9, 30);
		// d0: position 8: 30 - 8 = 22, 25 in packs of 5. d6: position 9: 21, 25.
		assertThat(orders(t)).containsExactly(order(0, 1, 25, 4, 8, -1), order(6, 7, 25, 5, 9, -1));
	}

	@Test
	void thePlainReorderPointIsTodaysPolicyToTheBit() {
		// Q = 0.1 is not a whole number: n x Q lots and summed units differ in the last bit, and the lots stay.
		Products plain = Products.builder().add("A", JAN_1_2024, 1, 0.07, 0, 400, 1).reorderPolicy(0.3, 0.1, 5).build();
		Products terms = Products.builder().add("A", JAN_1_2024, 1, 0.07, 0, 400, 1)
			.orderTerms(new OrderTerms(OrderPolicy.REORDER_POINT, 0.3, 0.1, Double.NaN, 5, 1, 0, 0, Double.NaN))
			.build();
		assertThat(levels(plan(terms))).containsExactly(levels(plan(plain)));
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void agreesWithAPlainImplementationOfTheWrittenRulesOnEveryPlannedOrder(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(41 + policy.ordinal());
		PolicyTrajectory t = new PolicyTrajectory();
		int checked = 0;
		int ordersChecked = 0;
		for (int n = 0; n < 4_000; n++) {
			Products products = randomProduct(random);
			t.simulate(products, 0, policy, false, true);
			Plan plain = Plan.of(products, policy);
			assertThat(orders(t)).as("product %s", products.orderTerms(0)).isEqualTo(plain.orders);
			for (int d = 0; d < plain.levels.length; d++) {
				assertThat(t.dayLevel(d)).isEqualTo(plain.levels[d]);
			}
			plain.assertInvariants(products, policy);
			checked++;
			ordersChecked += plain.orders.size();
		}
		assertThat(checked).isEqualTo(4_000);
		assertThat(ordersChecked).isGreaterThan(10_000);
	}

	/** One product with random rates, terms and receipts: whole numbers and fractions, small and large. */
	static Products randomProduct(SplittableRandom random) {
		int days = 1 + random.nextInt(random.nextBoolean() ? 30 : 120);
		double sales = random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(2000) / 100.0;
		double restocking = random.nextInt(3) == 0 ? random.nextInt(1000) / 100.0 : 0;
		double initial = random.nextInt(200) - 40 + (random.nextBoolean() ? 0 : random.nextInt(100) / 100.0);
		OrderPolicy policy = OrderPolicy.values()[random.nextInt(3)];
		int lead = random.nextInt(Math.min(days, 15) + 1);
		int review = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(14);
		double minimum = random.nextBoolean() ? 0 : random.nextInt(80) + (random.nextBoolean() ? 0 : 0.5);
		double multiple = random.nextBoolean() ? Double.NaN : 1 + random.nextInt(24) / (random.nextBoolean() ? 1.0 : 4.0);
		double s = random.nextInt(100) - 10 + random.nextInt(10) / 10.0;
		OrderTerms terms = switch (policy) {
			case REORDER_POINT -> new OrderTerms(policy, s, 1 + random.nextInt(5000) / 100.0, Double.NaN, lead, review, 0,
					minimum, multiple);
			case ORDER_UP_TO -> new OrderTerms(policy, Double.NaN, Double.NaN, Double.NaN, lead, review,
					random.nextBoolean() ? 0 : random.nextInt(5000) / 100.0, minimum, multiple);
			case MIN_MAX -> new OrderTerms(policy, s, Double.NaN, s + 0.5 + random.nextInt(200), lead, review, 0, minimum,
					multiple);
		};
		Products products = Products.builder().add("P", JAN_1_2024, initial, sales, restocking, days, 1).orderTerms(terms)
			.build();
		int receipts = random.nextInt(4);
		int[] product = new int[receipts];
		int[] day = new int[receipts];
		double[] units = new double[receipts];
		for (int j = 0; j < receipts; j++) {
			day[j] = random.nextInt(days);
			units[j] = 1 + random.nextInt(6000) / 100.0;
		}
		return (receipts == 0 && random.nextBoolean()) ? products : products.withReceipts(product, day, units, receipts);
	}

	/** A planned order as the tests compare it: days, units, level before arrival, and the figure why. */
	record Order(int day, int arrival, double units, double levelBefore, double figure, int figureDay) {
	}

	private static Order order(int day, int arrival, double units, double levelBefore, double figure, int figureDay) {
		return new Order(day, arrival, units, levelBefore, figure, figureDay);
	}

	private static PolicyTrajectory plan(Products products) {
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, false, true);
		return t;
	}

	private static double[] levels(PolicyTrajectory t) {
		double[] levels = new double[t.days()];
		for (int d = 0; d < levels.length; d++) {
			levels[d] = t.dayLevel(d);
		}
		return levels;
	}

	private static List<Order> orders(PolicyTrajectory t) {
		List<Order> orders = new ArrayList<>();
		for (int j = 0; j < t.orderCount(); j++) {
			orders.add(new Order(t.orderDay(j), t.orderArrivalDay(j), t.orderUnits(j), t.orderLevelBeforeArrival(j),
					t.orderFigure(j), t.orderFigureDay(j)));
		}
		return orders;
	}

	/**
	 * The written rules, plainly: a list of orders, each day's arithmetic in the contract's order, the
	 * position re-added from the open orders, and order-up-to's projection re-run from day d for every day
	 * of its window.
	 */
	static final class Plan {

		final List<Order> orders = new ArrayList<>();

		double[] levels;

		/** The quantity each order was before the minimum and the pack: the rule's own amount. */
		final List<Double> asked = new ArrayList<>();

		static Plan of(Products p, SalesPolicy sales) {
			Plan plan = new Plan();
			OrderTerms terms = p.orderTerms(0);
			int days = p.durationDays(0);
			double rate = p.salesRate(0);
			double[] receipts = new double[days];
			for (int r = p.receiptsStart(0); r < p.receiptsEnd(0); r++) {
				receipts[p.receiptDay(r)] = p.receiptUnits(r);
			}
			boolean hasReceipts = p.receiptsEnd(0) > p.receiptsStart(0);
			boolean lots = terms.policy() == OrderPolicy.REORDER_POINT && terms.minOrderQuantity() == 0
					&& Double.isNaN(terms.orderMultiple());
			int lead = terms.leadTimeDays();
			plan.levels = new double[days];
			double level = p.initialInventory(0);
			List<double[]> open = new ArrayList<>(); // {day placed, units, lots, index}
			for (int d = 0; d < days; d++) {
				double sold = rate;
				if (sales == SalesPolicy.LOST_SALES) {
					sold = Math.min(rate, Math.max(level, 0.0));
				}
				level = level - sold;
				level = level + p.restockingRate(0);
				if (receipts[d] != 0) {
					level = level + receipts[d];
				}
				if (!open.isEmpty() && open.get(0)[0] + lead == d && lead > 0) {
					double[] o = open.remove(0);
					Order before = plan.orders.get((int) o[3]);
					plan.orders.set((int) o[3], new Order(before.day(), before.arrival(), before.units(), level,
							before.figure(), before.figureDay()));
					level = level + o[1];
				}
				if (d % terms.reviewPeriodDays() == 0) {
					double units = 0;
					long k = 0;
					double figure;
					int figureDay = -1;
					double ask = 0;
					if (terms.policy() == OrderPolicy.ORDER_UP_TO) {
						figure = Double.NaN;
						if (d + lead < days) {
							int last = Math.min(d + terms.reviewPeriodDays() + lead - 1, days - 1);
							for (int t = d + lead; t <= last; t++) {
								double projected = project(p, level, d, t, receipts, open, lead);
								if (Double.isNaN(figure) || projected < figure) {
									figure = projected;
									figureDay = t;
								}
							}
							if (figure < terms.safetyStock()) {
								ask = terms.safetyStock() - figure;
							}
						}
					}
					else {
						double position;
						if (lots) {
							long onOrder = 0;
							for (double[] o : open) {
								onOrder += (long) o[2];
							}
							position = level + onOrder * terms.orderQuantity();
						}
						else {
							double onOrder = 0;
							for (double[] o : open) {
								onOrder += o[1];
							}
							position = level + onOrder;
						}
						if (hasReceipts) {
							double due = 0;
							for (int u = days - 1; u > d; u--) {
								if (receipts[u] != 0) {
									due = receipts[u] + due;
								}
							}
							if (due != 0) {
								position += due;
							}
						}
						figure = position;
						if (position <= terms.reorderPoint()) {
							if (terms.policy() == OrderPolicy.MIN_MAX) {
								ask = terms.maxLevel() - position;
							}
							else {
								k = 1;
								while (position + k * terms.orderQuantity() <= terms.reorderPoint()) {
									k++;
								}
								ask = k * terms.orderQuantity();
							}
						}
					}
					if (ask > 0) {
						units = Math.max(ask, terms.minOrderQuantity());
						if (!Double.isNaN(terms.orderMultiple())) {
							long packs = 1;
							while (packs * terms.orderMultiple() < units) {
								packs++;
							}
							units = packs * terms.orderMultiple();
						}
						plan.asked.add(ask);
						int index = plan.orders.size();
						plan.orders.add(new Order(d, d + lead, units, Double.NaN, figure, figureDay));
						if (lead == 0) {
							plan.orders.set(index, new Order(d, d, units, level, figure, figureDay));
							level = level + units;
						}
						else {
							open.add(new double[] { d, units, lots ? k : 0, index });
						}
					}
				}
				plan.levels[d] = level;
			}
			return plan;
		}

		/** The end-of-day level of day t without a new order, from day d's level, under backorders. */
		private static double project(Products p, double level, int d, int t, double[] receipts, List<double[]> open,
				int lead) {
			double projected = level;
			for (int u = d + 1; u <= t; u++) {
				projected = projected - p.salesRate(0);
				projected = projected + p.restockingRate(0);
				if (receipts[u] != 0) {
					projected = projected + receipts[u];
				}
				for (double[] o : open) {
					if (o[0] + lead == u) {
						projected = projected + o[1];
					}
				}
			}
			return projected;
		}

		void assertInvariants(Products p, SalesPolicy sales) {
			OrderTerms terms = p.orderTerms(0);
			for (int j = 0; j < this.orders.size(); j++) {
				Order o = this.orders.get(j);
				double ask = this.asked.get(j);
				assertThat(o.day() % terms.reviewPeriodDays()).isZero();
				assertThat(o.units()).isGreaterThanOrEqualTo(terms.minOrderQuantity()).isGreaterThanOrEqualTo(ask);
				if (!Double.isNaN(terms.orderMultiple())) {
					double packs = Math.rint(o.units() / terms.orderMultiple());
					assertThat(packs * terms.orderMultiple()).isEqualTo(o.units());
					// No more than the rule allows: one pack less would fall short of the minimum or the ask.
					assertThat((packs - 1) * terms.orderMultiple()).isLessThan(Math.max(ask, terms.minOrderQuantity()));
				}
				else {
					assertThat(o.units()).isEqualTo(Math.max(ask, terms.minOrderQuantity()));
				}
				// Placed only when the rule calls for one.
				if (terms.policy() == OrderPolicy.ORDER_UP_TO) {
					assertThat(o.figure()).isLessThan(terms.safetyStock());
					assertThat(o.arrival()).isLessThan(this.levels.length);
				}
				else {
					assertThat(o.figure()).isLessThanOrEqualTo(terms.reorderPoint());
				}
			}
			if (terms.policy() == OrderPolicy.ORDER_UP_TO && sales == SalesPolicy.BACKORDER) {
				// From the first day an order placed on day 0 can arrive, the level stays at or above the safety stock.
				for (int d = terms.leadTimeDays(); d < this.levels.length; d++) {
					double slack = 1e-9 * (Math.abs(this.levels[d]) + terms.safetyStock() + 1);
					assertThat(this.levels[d]).as("day %d", d).isGreaterThanOrEqualTo(terms.safetyStock() - slack);
				}
			}
		}

	}

}
