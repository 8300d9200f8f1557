package com.stockcast.simulation;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.stockcast.JmhDefaults;

/**
 * {@link MonteCarlo#simulate} on {@value #SKUS} products of 365 days with 1,000 trials; scores are
 * ns per SKU-trial-day (1e9 / score = SKU-trial-days per second on one core).
 */
@State(Scope.Thread)
public class MonteCarloBenchmark extends JmhDefaults {

	static final int SKUS = 8;

	static final int DAYS = 365;

	static final int TRIALS = 1000;

	@Param({ "CONSTANT", "NORMAL", "POISSON" })
	public Demand demand;

	@Param({ "5", "200" })
	public double rate;

	@Param({ "false", "true" })
	public boolean reorder;

	/** The lead time's deviation of the reorder policy: above 0 the trials draw each order's lead time. */
	@Param({ "0" })
	public double leadTimeStd;

	/** The sales policy: lost sales (the default here) or backorders (the service's default, and compare-peers.sh's case). */
	@Param({ "LOST_SALES" })
	public SalesPolicy policy;

	private Products products;

	private Scenario scenario;

	private final MonteCarlo monteCarlo = new MonteCarlo();

	@Setup(Level.Trial)
	public void setUp() {
		Products.Builder builder = Products.builder();
		for (int i = 0; i < SKUS; i++) {
			// Stock for 20..90 days, a restocking stream of 60% of sales: most trials run out within the year.
			double stock = this.rate * (20 + 10 * i);
			builder.add(Integer.toString(i), 19723, stock, this.rate, 0.6 * this.rate, DAYS, 1)
				.salesStd(0.3 * this.rate);
			if (this.reorder) {
				builder.reorderPolicy(10 * this.rate, 15 * this.rate, 1 + i % 7).leadTimeStdDays(this.leadTimeStd);
			}
		}
		this.products = builder.build();
		this.scenario = new Scenario(this.policy, this.demand, TRIALS, 42);
	}

	/** Keeping every period's percentiles, as the rows view does. */
	@Benchmark
	@OperationsPerInvocation(SKUS * DAYS * TRIALS)
	public double rows() {
		return simulateAll(true);
	}

	/** Only the summary figures: no per-period selection. */
	@Benchmark
	@OperationsPerInvocation(SKUS * DAYS * TRIALS)
	public double summary() {
		return simulateAll(false);
	}

	private double simulateAll(boolean keepPeriods) {
		double sum = 0;
		for (int i = 0; i < SKUS; i++) {
			// As Projection asks: the achieved service figures with the summary only.
			this.monteCarlo.simulate(this.products, i, i, this.scenario, keepPeriods, false, !keepPeriods);
			sum += this.monteCarlo.endingQuantile(1) + this.monteCarlo.stockoutDayQuantile(1);
		}
		return sum;
	}

}
