package com.stockcast.simulation;

/**
 * What a product's stock does without any planned order, measured against its first planned order
 * (docs/forecast-contract.md#exceptions): the planner's reason to act now.
 *
 * @param late whether the level falls below the threshold on some day before the lead time, the
 * earliest day an order placed at the start can arrive: a stockout no order can prevent
 * @param stockoutDay the first day (offset from the start) whose level is at or below zero, or
 * {@link PolicyTrajectory#NO_STOCKOUT}
 * @param units the threshold minus the lowest level before the first order arrives, at least 0
 * @param days the days before the first order arrives whose level is at or below zero
 */
public record Shortfall(boolean late, int stockoutDay, double units, int days) {
}
