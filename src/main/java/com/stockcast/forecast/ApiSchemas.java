package com.stockcast.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's data shapes for forecasts. The service reads and writes these formats with
 * streaming code, not through these records; they exist so that {@code /v3/api-docs} gives callers
 * (and the clients they generate) every field with its type. A view's schema holds the columns of
 * every scenario: those a scenario does not report are absent, never null.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings({ "rawtypes", "unchecked" }) // swagger-models' Schema is raw in its maps
class ApiSchemas {

	static final String RECORD = "ForecastRecord";

	/**
	 * The synchronous answer's item, one schema for the three views. Generators bind one answer type
	 * per operation and cannot tell objects of a {@code oneOf} apart without a discriminator field,
	 * which the answer does not have; so the item is the union of the views' fields, each optional.
	 */
	@Bean
	OpenApiCustomizer forecastRecord() {
		return api -> {
			Map<String, io.swagger.v3.oas.models.media.Schema> schemas = api.getComponents().getSchemas();
			Map<String, io.swagger.v3.oas.models.media.Schema> union = new LinkedHashMap<>();
			for (String view : new String[] { "ForecastRow", "ForecastSummary", "PortfolioTotal", "PlannedOrder",
					"OrderException" }) {
				Map<String, io.swagger.v3.oas.models.media.Schema> properties = schemas.get(view).getProperties();
				properties.forEach(union::putIfAbsent);
			}
			schemas.put(RECORD, new ObjectSchema().properties(union)
				.description("One record of the answer: a ForecastRow (view=rows), a ForecastSummary (view=summary) "
						+ "a PortfolioTotal (view=totals), a PlannedOrder (view=orders) or an OrderException "
						+ "(view=exceptions), with exactly that schema's fields; the others are absent."));
		};
	}

	@Schema(name = "Product", description = "One product (SKU, or SKU in a store); the CSV columns have the same names")
	record Product(
			@Schema(name = "product_id", description = "1..128 characters, kept exactly", example = "SKU-1", requiredMode = RequiredMode.REQUIRED) String productId,
			@Schema(name = "sell_start_date", description = "Day zero: 2023-01-31, 1/31/23 or 1/31/2023", example = "2024-01-01", requiredMode = RequiredMode.REQUIRED) String sellStartDate,
			@Schema(name = "initial_inventory", description = "Stock on hand at the start; negative is a backlog", example = "50", requiredMode = RequiredMode.REQUIRED) double initialInventory,
			@Schema(name = "sales_rate", description = "Units sold per day, >= 0", minimum = "0", example = "10", requiredMode = RequiredMode.REQUIRED) double salesRate,
			@Schema(name = "restocking_rate", description = "Units received per day, >= 0", minimum = "0", example = "8", requiredMode = RequiredMode.REQUIRED) double restockingRate,
			@Schema(name = "duration_days", description = "Projection length, 1..stockcast.limits.max-duration-days", minimum = "1", example = "30", requiredMode = RequiredMode.REQUIRED) int durationDays,
			@Schema(name = "forecast_frequency", description = "Days per output row, >= 1; default 1", minimum = "1", example = "1") Integer forecastFrequency,
			@Schema(name = "sales_std", description = "Standard deviation of a day's demand (demand=normal or negative-binomial), >= 0; default 0", minimum = "0") Double salesStd,
			@Schema(name = "reorder_point", description = "Reorder policy: order when stock on hand plus on order is at or below this") Double reorderPoint,
			@Schema(name = "order_quantity", description = "Reorder policy: units per lot, > 0; orders are whole lots") Double orderQuantity,
			@Schema(name = "lead_time_days", description = "Reorder policy: days from order to receipt, 0..duration_days", minimum = "0") Integer leadTimeDays,
			@Schema(name = "order_policy", description = "reorder-point (with reorder_point, order_quantity, lead_time_days; the default when they are given), order-up-to or min-max", allowableValues = { "reorder-point", "order-up-to", "min-max" }) String orderPolicy,
			@Schema(name = "review_period_days", description = "Orders are placed on days 0, R, 2R, ...; default 1", minimum = "1") Integer reviewPeriodDays,
			@Schema(name = "safety_stock", description = "order-up-to: units kept on hand from the first day an order can arrive, >= 0; default 0", minimum = "0") Double safetyStock,
			@Schema(name = "min_order_quantity", description = "Least units of an order, >= 0; default 0", minimum = "0") Double minOrderQuantity,
			@Schema(name = "order_multiple", description = "Pack size, > 0: quantities are rounded up to whole packs; default none", exclusiveMinimum = true, minimum = "0") Double orderMultiple,
			@Schema(name = "max_level", description = "min-max: the level ordered up to, > reorder_point") Double maxLevel,
			@Schema(name = "service_level", description = "Target cycle service level (probability of no stockout in a replenishment cycle), 0 < service_level < 1: reorder_point (reorder-point, min-max) or safety_stock (order-up-to) is computed from it and must not be given; not with fill_rate", exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "1") Double serviceLevel,
			@Schema(name = "fill_rate", description = "Target fill rate (share of demand met from stock), 0 < fill_rate < 1: reorder_point (reorder-point, min-max) or safety_stock (order-up-to) is computed from it and must not be given; not with service_level", exclusiveMinimum = true, minimum = "0", exclusiveMaximum = true, maximum = "1") Double fillRate,
			@Schema(name = "lead_time_std_days", description = "Standard deviation of the lead time in days, >= 0, with any order policy: the planning formula's with service_level or fill_rate, and the spread of the lead times Monte Carlo trials draw; default 0", minimum = "0") Double leadTimeStdDays) {
	}

	@Schema(name = "PlannedOrder", description = "One planned order (view=orders), per product in input order, in the order placed")
	record PlannedOrder(
			@Schema(name = "product_id", requiredMode = RequiredMode.REQUIRED) String productId,
			@Schema(name = "order_date", format = "date", description = "The review day it is placed", requiredMode = RequiredMode.REQUIRED) String orderDate,
			@Schema(name = "arrival_date", format = "date", description = "order_date plus the lead time; may be after the horizon", requiredMode = RequiredMode.REQUIRED) String arrivalDate,
			@Schema(name = "quantity", description = "Units: at least the minimum, a whole number of packs", requiredMode = RequiredMode.REQUIRED) double quantity,
			@Schema(name = "level_before_arrival", nullable = true, description = "The level at the end of the arrival day before this order is added; null when it arrives after the horizon", requiredMode = RequiredMode.REQUIRED) Double levelBeforeArrival,
			@Schema(name = "reason", description = "Why it was placed, with its figures: 'position 12 <= reorder point 20', 'position 4 <= min 10' or 'projected 3 < safety stock 10 on 2024-01-09'", requiredMode = RequiredMode.REQUIRED) String reason) {
	}

	@Schema(name = "OrderException", description = "A product that needs an order now (view=exceptions), sorted by urgency: late first, then by order_date, then by shortfall_units descending, then input order")
	record OrderException(
			@Schema(name = "product_id", requiredMode = RequiredMode.REQUIRED) String productId,
			@Schema(name = "urgency", description = "late: without any planned order the stock falls short before the first day an order placed now can arrive; due: its first planned order is placed within within_days", allowableValues = { "late", "due" }, requiredMode = RequiredMode.REQUIRED) String urgency,
			@Schema(name = "order_date", format = "date", nullable = true, description = "The first planned order's date; null for a late product without one", requiredMode = RequiredMode.REQUIRED) String orderDate,
			@Schema(name = "arrival_date", format = "date", nullable = true, description = "order_date plus the lead time", requiredMode = RequiredMode.REQUIRED) String arrivalDate,
			@Schema(name = "quantity", nullable = true, description = "The first planned order's units", requiredMode = RequiredMode.REQUIRED) Double quantity,
			@Schema(name = "stockout_date", format = "date", nullable = true, description = "The first day at or below zero without any planned order; null when none", requiredMode = RequiredMode.REQUIRED) String stockoutDate,
			@Schema(name = "shortfall_units", description = "Threshold (0, or order-up-to's safety_stock) minus the lowest level without orders before the first order arrives, at least 0", requiredMode = RequiredMode.REQUIRED) double shortfallUnits,
			@Schema(name = "shortfall_days", description = "Days at or below zero without orders before the first order arrives", requiredMode = RequiredMode.REQUIRED) int shortfallDays,
			@Schema(name = "reason", description = "The first planned order's reason, as view=orders gives it; empty without one", requiredMode = RequiredMode.REQUIRED) String reason) {
	}

	@Schema(name = "ForecastRow", description = "A period's projection (view=rows); CSV has the same columns in this "
			+ "order. Deterministic forecasts report inventory_level, sales and restocking; policy=lost-sales adds "
			+ "unmet_demand, a reorder policy orders_placed and orders_received, scheduled receipts a receipts column, "
			+ "each days_of_cover; a probabilistic forecast (demand=normal|poisson|negative-binomial or trials=N) reports percentiles and a "
			+ "stockout probability instead. With quantiles=0.05,0.5,0.95 the inventory_p10/_p50/_p90 properties are "
			+ "replaced by one inventory_qXX property per quantile (inventory_q05, inventory_q50, inventory_q95; the rule "
			+ "is the quantiles parameter's), additional properties not listed here")
	record ForecastRow(
			@Schema(name = "product_id", example = "SKU-1", requiredMode = RequiredMode.REQUIRED) String productId,
			@Schema(name = "update_date", description = "First day of the period, yyyy-MM-dd", format = "date", example = "2024-01-01", requiredMode = RequiredMode.REQUIRED) String updateDate,
			@Schema(name = "inventory_level", description = "Stock at the end of the period's last day (deterministic)", example = "48") Double inventoryLevel,
			@Schema(name = "sales", description = "Units sold over the period (under lost sales, at most the stock on hand)", example = "10") Double sales,
			@Schema(name = "restocking", description = "Units of the restocking_rate stream received over the period", example = "8") Double restocking,
			@Schema(name = "unmet_demand", description = "policy=lost-sales: demand lost over the period") Double unmetDemand,
			@Schema(name = "orders_placed", description = "Reorder policy: units ordered in the period") Double ordersPlaced,
			@Schema(name = "orders_received", description = "Reorder policy: units received in the period") Double ordersReceived,
			@Schema(name = "receipts", description = "When the request gave scheduled receipts: their units in the period") Double receipts,
			@Schema(name = "days_of_cover", description = "policy=lost-sales or a reorder policy: ending level / sales_rate; 0 when out; null when nothing sells", nullable = true) Double daysOfCover,
			@Schema(name = "inventory_p10", description = "Probabilistic: 10th percentile (nearest rank) of the period's ending level over trials") Double inventoryP10,
			@Schema(name = "inventory_p50", description = "Probabilistic: median ending level") Double inventoryP50,
			@Schema(name = "inventory_p90", description = "Probabilistic: 90th percentile ending level") Double inventoryP90,
			@Schema(name = "stockout_probability", description = "Probabilistic: share of trials out of stock by the period's end", minimum = "0", maximum = "1") Double stockoutProbability,
			@Schema(name = "sales_mean", description = "Probabilistic: mean units sold over the period") Double salesMean,
			@Schema(name = "unmet_demand_mean", description = "Probabilistic with policy=lost-sales: mean demand lost over the period") Double unmetDemandMean) {
	}

	@Schema(name = "ForecastSummary", description = "One product's summary (view=summary). Deterministic forecasts "
			+ "report the stockout date and levels; policy=lost-sales adds unmet_demand, a reorder policy its orders; a "
			+ "probabilistic forecast reports the stockout probability and date percentiles instead. With "
			+ "quantiles=0.05,0.5,0.95 the stockout_date_p10/_p50/_p90 and ending_inventory_p50 properties are replaced by "
			+ "stockout_date_qXX and ending_inventory_qXX at each quantile (stockout_date_q05, ..., ending_inventory_q95), "
			+ "additional properties not listed here")
	record ForecastSummary(
			@Schema(name = "product_id", example = "SKU-1", requiredMode = RequiredMode.REQUIRED) String productId,
			@Schema(name = "stockout_date", description = "Deterministic: first day out of stock (ending at or below zero, or losing demand); null if never", format = "date", nullable = true, example = "2024-01-26") String stockoutDate,
			@Schema(name = "min_inventory_level", description = "Deterministic: lowest ending level") Double minInventoryLevel,
			@Schema(name = "ending_inventory_level", description = "Deterministic: level at the end of the horizon") Double endingInventoryLevel,
			@Schema(name = "unmet_demand", description = "policy=lost-sales: demand lost over the horizon") Double unmetDemand,
			@Schema(name = "order_count", description = "Reorder policy: orders placed") Integer orderCount,
			@Schema(name = "order_dates", description = "Reorder policy: the days orders were placed (CSV: space-separated)") java.util.List<String> orderDates,
			@Schema(name = "safety_stock", nullable = true, description = "When some product's terms come from service_level or fill_rate (last but one column): order-up-to's safety stock, given or computed; null for other policies") Double safetyStock,
			@Schema(name = "reorder_point", nullable = true, description = "When some product's terms come from service_level or fill_rate (last column): the reorder point (reorder-point) or min (min-max), given or computed; null for order-up-to and products without a policy") Double reorderPoint,
			@Schema(name = "stockout_probability", description = "Probabilistic: share of trials out of stock within the horizon", minimum = "0", maximum = "1") Double stockoutProbability,
			@Schema(name = "stockout_date_p10", format = "date", nullable = true, description = "Probabilistic: 10th percentile stockout date; null when fewer than 10% of trials run out") String stockoutDateP10,
			@Schema(name = "stockout_date_p50", format = "date", nullable = true, description = "Probabilistic: median stockout date; null when fewer than half run out") String stockoutDateP50,
			@Schema(name = "stockout_date_p90", format = "date", nullable = true, description = "Probabilistic: 90th percentile stockout date; null when fewer than 90% run out") String stockoutDateP90,
			@Schema(name = "ending_inventory_p50", description = "Probabilistic: median level at the end of the horizon") Double endingInventoryP50,
			@Schema(name = "unmet_demand_mean", description = "Probabilistic with policy=lost-sales: mean demand lost") Double unmetDemandMean,
			@Schema(name = "achieved_cycle_service_level", nullable = true, description = "Probabilistic, when some product has an order policy: share of the product's completed replenishment cycles, over all trials, without a stockout; null without a policy or a completed cycle", minimum = "0", maximum = "1") Double achievedCycleServiceLevel,
			@Schema(name = "cycle_service_level_low", nullable = true, description = "Low end of achieved_cycle_service_level's 95% Wilson score interval", minimum = "0", maximum = "1") Double cycleServiceLevelLow,
			@Schema(name = "cycle_service_level_high", nullable = true, description = "High end of achieved_cycle_service_level's 95% Wilson score interval", minimum = "0", maximum = "1") Double cycleServiceLevelHigh,
			@Schema(name = "achieved_fill_rate", nullable = true, description = "Probabilistic, when some product has an order policy: share of the product's demand, over all trials, met from stock; null without a policy or demand", minimum = "0", maximum = "1") Double achievedFillRate,
			@Schema(name = "fill_rate_low", nullable = true, description = "Low end of achieved_fill_rate's 95% interval (delta method over the trials)", minimum = "0", maximum = "1") Double fillRateLow,
			@Schema(name = "fill_rate_high", nullable = true, description = "High end of achieved_fill_rate's 95% interval (delta method over the trials)", minimum = "0", maximum = "1") Double fillRateHigh,
			@Schema(name = "target_cycle_service_level", nullable = true, description = "Probabilistic, when some product's terms come from a target: the service_level they were computed from, beside what was achieved; null for a product without one", minimum = "0", maximum = "1") Double targetCycleServiceLevel,
			@Schema(name = "target_fill_rate", nullable = true, description = "Probabilistic, when some product's terms come from a target: the fill_rate they were computed from; null for a product without one", minimum = "0", maximum = "1") Double targetFillRate) {
	}

	@Schema(name = "PortfolioTotal", description = "One date summed over all products (view=totals)")
	record PortfolioTotal(
			@Schema(name = "date", format = "date", example = "2024-01-01", requiredMode = RequiredMode.REQUIRED) String date,
			@Schema(name = "inventory_level", description = "Total stock at the end of the day (mean over trials when probabilistic)", requiredMode = RequiredMode.REQUIRED) double inventoryLevel,
			@Schema(name = "sales", requiredMode = RequiredMode.REQUIRED) double sales,
			@Schema(name = "restocking", description = "Restocking stream plus orders received plus scheduled receipts", requiredMode = RequiredMode.REQUIRED) double restocking,
			@Schema(name = "unmet_demand", description = "policy=lost-sales only") Double unmetDemand,
			@Schema(name = "orders_placed", description = "Deterministic, with an order policy: units of planned orders placed that day") Double ordersPlaced,
			@Schema(name = "orders_received", description = "Deterministic, with an order policy: units of planned orders received that day") Double ordersReceived,
			@Schema(name = "receipts", description = "Deterministic, with scheduled receipts: their units arriving that day") Double receipts,
			@Schema(name = "on_order", description = "Deterministic, with an order policy or scheduled receipts: units on order at the end of the day, the scheduled receipts still to come plus the planned orders placed and not yet received") Double onOrder,
			@Schema(name = "skus_out_of_stock", description = "Products out of stock that day (expected number when probabilistic)", requiredMode = RequiredMode.REQUIRED) double skusOutOfStock,
			@Schema(name = "skus", description = "Products whose projection covers the day", requiredMode = RequiredMode.REQUIRED) int skus) {
	}

}
