package com.stockcast.simulation;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.stockcast.JmhDefaults;
import com.stockcast.ProductLists;

/**
 * {@link PolicyTrajectory#simulate} over the 50,000 products of {@link TrajectoryBenchmark}, 365
 * days, under each sales policy, with and without a reorder policy; scores are ns per SKU, to
 * compare with {@link TrajectoryBenchmark}.
 */
@State(Scope.Thread)
public class PolicyTrajectoryBenchmark extends JmhDefaults {

	@Param({ "BACKORDER", "LOST_SALES" })
	public SalesPolicy policy;

	@Param({ "false", "true" })
	public boolean reorder;

	private Products products;

	private final PolicyTrajectory trajectory = new PolicyTrajectory();

	@Setup(Level.Trial)
	public void setUp() {
		Products list = ProductLists.products(ProductLists.SKUS, 365);
		Products.Builder builder = Products.builder();
		for (int i = 0; i < list.size(); i++) {
			builder.add(list.id(i), list.startDay(i), list.initialInventory(i), list.salesRate(i),
					list.restockingRate(i), list.durationDays(i), list.frequency(i));
			if (this.reorder) {
				builder.reorderPolicy(7 * list.salesRate(i), Math.max(1, 14 * list.salesRate(i)), i % 10);
			}
		}
		this.products = builder.build();
	}

	/** Keeping every period, as the rows view does. */
	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public double rows() {
		return simulateAll(true);
	}

	/** Only the summary figures. */
	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public double summary() {
		return simulateAll(false);
	}

	private double simulateAll(boolean keepPeriods) {
		Products products = this.products;
		PolicyTrajectory trajectory = this.trajectory;
		double sum = 0;
		for (int i = 0; i < products.size(); i++) {
			trajectory.simulate(products, i, this.policy, keepPeriods, false);
			sum += trajectory.endingLevel() + trajectory.stockoutDay();
		}
		return sum;
	}

}
