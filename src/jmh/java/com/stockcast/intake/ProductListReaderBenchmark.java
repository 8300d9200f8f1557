package com.stockcast.intake;

import java.io.ByteArrayInputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.stockcast.JmhDefaults;
import com.stockcast.ProductLists;
import com.stockcast.simulation.Products;

/**
 * Intake of a 50,000-product list held in memory: parsing, validation and the column arrays, without
 * the network. Scores are ns per product.
 */
@State(Scope.Thread)
public class ProductListReaderBenchmark extends JmhDefaults {

	private static final int DAYS = 30;

	private final ProductListReader reader = new ProductListReader(ProductLists.LIMITS);

	private byte[] csv;

	private byte[] json;

	@Setup(Level.Trial)
	public void setUp() {
		this.csv = ProductLists.csv(ProductLists.SKUS, DAYS);
		this.json = ProductLists.json(ProductLists.SKUS, DAYS);
	}

	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public Products csv() {
		return this.reader.readCsv(new ByteArrayInputStream(this.csv), null, this.csv.length, RequestDefaults.none());
	}

	@Benchmark
	@OperationsPerInvocation(ProductLists.SKUS)
	public Products json() {
		return this.reader.readJson(new ByteArrayInputStream(this.json), null, this.json.length, RequestDefaults.none());
	}

}
