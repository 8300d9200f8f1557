package com.stockcast.output;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.stockcast.simulation.PolicyTrajectory;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The plan's totals per date (docs/forecast-contract.md#totals): units of planned orders placed and
 * received, scheduled receipts arriving, and what is on order at the end of the day. The contract's
 * example, and a plain computation from each product's list of orders and receipts that must agree
 * with the totals on thousands of random products.
 */
class PlanTotalsTest {

	/** The planned orders' example (docs/forecast-contract.md#planned-orders): A, B, C with orders, D without. */
	private static final String PRODUCTS = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,order_policy,lead_time_days,review_period_days,safety_stock,reorder_point,order_quantity,max_level,min_order_quantity,order_multiple
			A,2024-01-01,20,4,0,10,order-up-to,2,3,5,,,,,6
			B,2024-01-01,15,5,0,8,reorder-point,1,2,,10,8,,20,6
			C,2024-01-01,12,4,0,8,min-max,1,,,10,,30,,5
			D,2024-01-01,5,1,0,3,,,,,,,,,
			""";

	@Test
	void theExamplesOrdersArePlacedReceivedAndOnOrderDateByDate() {
		// A orders 6, 12, 12 on 01-01, 01-04, 01-07 (2 days' lead); B 24 and C 25 on 01-01 and 01-07 (1 day);
		// the levels are the example's: A 16, 12, 14, ..., B 10, 29, 24, ..., C 8, 29, 25, ..., D 4, 3, 2.
		assertThat(Forecasts.encode(Forecasts.products(PRODUCTS), Format.CSV, View.TOTALS)).isEqualTo("""
				date,inventory_level,sales,restocking,orders_placed,orders_received,on_order,skus_out_of_stock,skus
				2024-01-01,38,14,0,55,0,55,0,4
				2024-01-02,73,14,49,0,49,6,0,4
				2024-01-03,65,14,6,0,6,0,0,4
				2024-01-04,50,13,0,12,0,12,0,3
				2024-01-05,37,13,0,0,0,12,0,3
				2024-01-06,36,13,12,0,12,0,0,3
				2024-01-07,23,13,0,61,0,61,0,3
				2024-01-08,59,13,49,0,49,12,0,3
				2024-01-09,14,4,12,0,12,0,0,1
				2024-01-10,10,4,0,0,0,0,0,1
				""");
	}

	@ParameterizedTest
	@EnumSource(SalesPolicy.class)
	void thePlansTotalsAreWhatTheOrdersAndReceiptsAddUpTo(SalesPolicy policy) {
		SplittableRandom random = new SplittableRandom(11 + policy.ordinal());
		Products products = ExceptionsTest.randomProducts(random, 3_000);
		Scenario scenario = new Scenario(policy, com.stockcast.simulation.Demand.CONSTANT, 0, 0);
		Projection projection = new Projection(scenario, ListFeatures.of(products));
		Totals totals = new Totals();
		for (int i = 0; i < products.size(); i++) {
			projection.project(products, i, i, null, null, totals);
		}
		Plain plain = Plain.of(products, policy, totals.firstDay(), totals.length());
		for (int d = 0; d < totals.length(); d++) {
			assertThat(totals.placed(d)).as("placed on day %d", d).isCloseTo(plain.placed[d], within(1e-6));
			assertThat(totals.received(d)).as("received on day %d", d).isCloseTo(plain.received[d], within(1e-6));
			assertThat(totals.receipts(d)).as("receipts on day %d", d).isCloseTo(plain.receipts[d], within(1e-6));
			assertThat(totals.onOrder(d)).as("on order on day %d", d).isCloseTo(plain.onOrder[d], within(1e-6));
		}
		assertThat(plain.orders).isGreaterThan(3_000);
		assertThat(plain.receiptCount).isGreaterThan(1_000);
	}

	@Test
	void aChunksTotalsStoredBeforeThePlansFiguresReadBackWithThemZero() throws Exception {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.DataOutputStream data = new java.io.DataOutputStream(bytes)) {
			data.writeInt(19723);
			data.writeInt(1);
			for (double value : new double[] { 38, 14, 0, 0, 0 }) {
				data.writeDouble(value);
			}
			data.writeInt(4);
		}
		Totals old = Totals.fromBytes(bytes.toByteArray());
		assertThat(old.firstDay()).isEqualTo(19723);
		assertThat(old.level(0)).isEqualTo(38);
		assertThat(old.skus(0)).isEqualTo(4);
		assertThat(old.onOrder(0)).isZero();
		Totals stored = Totals.fromBytes(planTotalsOf(PRODUCTS).toBytes());
		assertThat(stored.onOrder(0)).isEqualTo(55);
		assertThat(stored.placed(6)).isEqualTo(61);
	}

	private static Totals planTotalsOf(String csv) {
		Products products = Forecasts.products(csv);
		Projection projection = new Projection(Scenario.DEFAULT, ListFeatures.of(products));
		Totals totals = new Totals();
		for (int i = 0; i < products.size(); i++) {
			projection.project(products, i, i, null, null, totals);
		}
		return totals;
	}

	/** The plan's figures per date, from each product's orders and receipts one at a time, as the contract words them. */
	private static final class Plain {

		final double[] placed;

		final double[] received;

		final double[] receipts;

		final double[] onOrder;

		int orders;

		int receiptCount;

		private Plain(int length) {
			this.placed = new double[length];
			this.received = new double[length];
			this.receipts = new double[length];
			this.onOrder = new double[length];
		}

		static Plain of(Products p, SalesPolicy policy, int firstDay, int length) {
			Plain plain = new Plain(length);
			PolicyTrajectory t = new PolicyTrajectory();
			for (int i = 0; i < p.size(); i++) {
				t.simulate(p, i, policy, false, false);
				int start = p.startDay(i) - firstDay;
				int days = p.durationDays(i);
				for (int j = 0; j < t.orderCount(); j++) {
					plain.orders++;
					int placedOn = t.orderDay(j);
					int arrives = t.orderArrivalDay(j);
					plain.placed[start + placedOn] += t.orderUnits(j);
					if (arrives < days) {
						plain.received[start + arrives] += t.orderUnits(j);
					}
					// On order from the end of the day it is placed to the end of the day before it arrives.
					for (int d = placedOn; d < Math.min(arrives, days); d++) {
						plain.onOrder[start + d] += t.orderUnits(j);
					}
				}
				for (int r = p.receiptsStart(i); r < p.receiptsEnd(i); r++) {
					plain.receiptCount++;
					int on = p.receiptDay(r);
					plain.receipts[start + on] += p.receiptUnits(r);
					for (int d = 0; d < on; d++) {
						plain.onOrder[start + d] += p.receiptUnits(r);
					}
				}
			}
			return plain;
		}

	}

}
