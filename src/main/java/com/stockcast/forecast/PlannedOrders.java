package com.stockcast.forecast;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.output.View;

/**
 * What a forecast request may ask of planned orders and the exceptions made of them
 * (docs/forecast-contract.md#planned-orders, #exceptions): any scenario has them, the deterministic
 * plan's (a probabilistic forecast's trials receive that plan), but a job does not store them yet. A
 * request outside that gets a 400 problem naming the parameter, before anything is computed, rather
 * than a wrong answer.
 */
final class PlannedOrders {

	private PlannedOrders() {
	}

	/** Whether {@code view} lists the plan's orders: view=orders, and view=exceptions, built on its first orders. */
	private static boolean fromPlan(View view) {
		return view == View.ORDERS || view == View.EXCEPTIONS;
	}

	static void check(View view, boolean async) {
		if (async && fromPlan(view)) {
			throw InvalidInputException.forParameter("view", view.tag(),
					"is answered synchronously only: a job stores rows, summaries and totals");
		}
	}

}
