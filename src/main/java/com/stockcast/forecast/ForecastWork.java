package com.stockcast.forecast;

import java.io.IOException;
import java.io.OutputStream;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.Answer;
import com.stockcast.output.OutputBuffer;
import com.stockcast.parallel.ChunkedWork;
import com.stockcast.simulation.Products;

/** A forecast as the pool runs it: products, weighed by the rows they write, simulated into an {@link Answer}. */
record ForecastWork(Products products, Answer answer, ForecastMetrics metrics) implements ChunkedWork {

	@Override
	public int size() {
		return this.products.size();
	}

	@Override
	public long weight(int item) {
		return this.answer.rowCount(this.products, item, item + 1);
	}

	@Override
	public long typicalBytes(int from, int to, long weight) {
		return this.answer.typicalBytes(weight);
	}

	@Override
	public byte[] prologue() {
		return this.answer.prologue();
	}

	@Override
	public void compute(int from, int to, boolean first, OutputBuffer out) {
		long started = System.nanoTime();
		this.answer.compute(this.products, from, to, first, out);
		this.metrics.chunkDone(to - from, this.answer.rowCount(this.products, from, to), System.nanoTime() - started);
	}

	@Override
	public void write(int from, OutputBuffer chunk, OutputStream out) throws IOException {
		this.answer.write(from, chunk, out);
	}

	@Override
	public byte[] epilogue() {
		return this.answer.epilogue();
	}

}
