package com.stockcast.forecast;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * What a forecast request may ask of planned orders (docs/forecast-contract.md#planned-orders):
 * they come from the deterministic plan, and a job does not store them yet. A request outside that
 * gets a 400 problem naming the parameter, before anything is computed, rather than a wrong answer.
 */
final class PlannedOrders {

	private PlannedOrders() {
	}

	static void check(View view, Scenario scenario, Products products, boolean async) {
		if (scenario.probabilistic()) {
			if (view == View.ORDERS) {
				throw InvalidInputException.forParameter("view", "orders",
						"planned orders come from the deterministic plan: not with demand=normal, demand=poisson or "
								+ "trials");
			}
			for (int i = 0; i < products.size(); i++) {
				if (products.hasReorderPolicy(i) && !products.orderTerms(i).plainReorderPoint()) {
					throw InvalidInputException.forParameter((scenario.demand() == com.stockcast.simulation.Demand.CONSTANT)
							? "trials" : "demand", null, "the Monte Carlo forecast simulates only the reorder point "
									+ "reviewed daily, without a minimum or pack size; product " + products.id(i)
									+ " has order_policy " + products.orderPolicy(i).tag()
									+ " with its review period, minimum or multiple");
				}
			}
		}
		if (async && view == View.ORDERS) {
			throw InvalidInputException.forParameter("view", "orders",
					"is answered synchronously only: a job stores rows, summaries and totals");
		}
	}

}
