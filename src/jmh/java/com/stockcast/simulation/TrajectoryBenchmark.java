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
 * The default forecast's per-SKU loop alone: {@link PolicyTrajectory#simulate} under backorders, no
 * reorder policy, over 50,000 products; scores are ns per SKU.
 */
@State(Scope.Thread)
public class TrajectoryBenchmark extends JmhDefaults {

	@Param({ "30", "365" })
	public int days;

	private Products products;

	private final PolicyTrajectory trajectory = new PolicyTrajectory();

	@Setup(Level.Trial)
	public void setUp() {
		this.products = ProductLists.products(ProductLists.SKUS, this.days);
	}

	/** Keeping every period, as the rows view does. */
	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public double rows() {
		return simulateAll(true);
	}

	/** Keeping only stockout, minimum and ending level, as the summary view does. */
	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public double summary() {
		return simulateAll(false);
	}

	/** Returns a sum of the results so that the JIT cannot drop the loop. */
	private double simulateAll(boolean keepPeriods) {
		Products products = this.products;
		PolicyTrajectory trajectory = this.trajectory;
		double sum = 0;
		for (int i = 0; i < products.size(); i++) {
			trajectory.simulate(products, i, SalesPolicy.BACKORDER, keepPeriods, false);
			sum += trajectory.endingLevel() + trajectory.stockoutDay();
		}
		return sum;
	}

}
