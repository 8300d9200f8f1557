package com.stockcast.output;

import com.stockcast.simulation.Scenario;

/** Picks the encoder of an answer from what was asked. */
public final class Answers {

	private Answers() {
	}

	/**
	 * The default forecast (docs/forecast-contract.md#rows) keeps its own encoder (the fastest, and bit for bit the contract); lost
	 * sales, reorder policies and the probabilistic forecast write their wider tables; totals reduce.
	 * @param orders whether any product has a reorder policy
	 */
	public static AnswerEncoder encoder(Format format, View view, Scenario scenario, boolean orders) {
		if (view == View.TOTALS) {
			return new TotalsEncoder(format, scenario);
		}
		if (isDefault(scenario, orders)) {
			return new ForecastEncoder(format, view);
		}
		return new ScenarioEncoder(format, view, scenario, orders);
	}

	/** Whether the answer is the default forecast (docs/forecast-contract.md#rows): backorders, constant demand, no trials, no orders. */
	public static boolean isDefault(Scenario scenario, boolean orders) {
		return scenario.equals(Scenario.DEFAULT) && !orders;
	}

}
