package com.stockcast.forecast;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.View;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * What a forecast request may ask of planned orders and the exceptions made of them
 * (docs/forecast-contract.md#planned-orders, #exceptions):
 * they come from the deterministic plan. A request outside that
 * gets a 400 problem naming the parameter, before anything is computed, rather than a wrong answer.
 */
final class PlannedOrders {

	private PlannedOrders() {
	}

	/** Whether {@code view} lists the plan's orders: view=orders, and view=exceptions, built on its first orders. */
	private static boolean fromPlan(View view) {
		return view == View.ORDERS || view == View.EXCEPTIONS;
	}

	static void check(View view, Scenario scenario, Products products) {
		if (scenario.probabilistic()) {
			if (fromPlan(view)) {
				throw InvalidInputException.forParameter("view", view.tag(),
						"planned orders come from the deterministic plan: not with demand=normal, demand=poisson or "
								+ "trials");
			}
			int beyond = 0;
			int first = -1;
			for (int i = 0; i < products.size(); i++) {
				if (products.hasReorderPolicy(i) && !products.orderTerms(i).plainReorderPoint()) {
					beyond++;
					first = (first < 0) ? i : first;
				}
			}
			if (beyond > 0) {
				boolean trialsOnly = scenario.demand() == com.stockcast.simulation.Demand.CONSTANT;
				String name = trialsOnly ? "trials" : "demand";
				String value = trialsOnly ? Integer.toString(scenario.trials()) : scenario.demand().tag();
				// What the first such product asks for that Monte Carlo does not simulate, in its own terms.
				String asks = (products.orderPolicy(first) == com.stockcast.simulation.OrderPolicy.REORDER_POINT)
						? "a reorder point with a review period, minimum or pack size"
						: "order_policy " + products.orderPolicy(first).tag();
				throw InvalidInputException.forParameter(name, value, "the Monte Carlo forecast simulates only the "
						+ "reorder point reviewed daily, without a minimum or pack size; " + beyond
						+ ((beyond == 1) ? " product asks" : " products ask") + " for more, the first " + products.id(first)
						+ " (" + asks + ")");
			}
		}
	}

}
