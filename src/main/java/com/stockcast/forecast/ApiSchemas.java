package com.stockcast.forecast;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI description's data shapes. The service reads and writes these formats with streaming
 * code, not through these records; they exist so that {@code /v3/api-docs} shows callers the fields.
 */
@OpenAPIDefinition(info = @Info(title = "Stockcast", version = "1",
		description = "Inventory forecasts: day-by-day stock projections and stockout dates for large product lists."))
final class ApiSchemas {

	private ApiSchemas() {
	}

	@Schema(name = "Product", description = "One product (SKU, or SKU in a store); the CSV columns have the same names")
	record Product(
			@Schema(name = "product_id", description = "1..128 characters, kept exactly", requiredMode = Schema.RequiredMode.REQUIRED) String productId,
			@Schema(name = "sell_start_date", description = "Day zero: 2023-01-31, 1/31/23 or 1/31/2023", requiredMode = Schema.RequiredMode.REQUIRED) String sellStartDate,
			@Schema(name = "initial_inventory", description = "Stock on hand at the start; negative is a backlog", requiredMode = Schema.RequiredMode.REQUIRED) double initialInventory,
			@Schema(name = "sales_rate", description = "Units sold per day, >= 0", requiredMode = Schema.RequiredMode.REQUIRED) double salesRate,
			@Schema(name = "restocking_rate", description = "Units received per day, >= 0", requiredMode = Schema.RequiredMode.REQUIRED) double restockingRate,
			@Schema(name = "duration_days", description = "Projection length, 1..stockcast.limits.max-duration-days", requiredMode = Schema.RequiredMode.REQUIRED) int durationDays,
			@Schema(name = "forecast_frequency", description = "Days per output row, >= 1; default 1") Integer forecastFrequency,
			@Schema(name = "sales_std", description = "Standard deviation of a day's demand (demand=normal), >= 0; default 0") Double salesStd,
			@Schema(name = "reorder_point", description = "Reorder policy: order when stock on hand plus on order is at or below this") Double reorderPoint,
			@Schema(name = "order_quantity", description = "Reorder policy: units per lot, > 0; orders are whole lots") Double orderQuantity,
			@Schema(name = "lead_time_days", description = "Reorder policy: days from order to receipt, 0..duration_days") Integer leadTimeDays) {
	}

	@Schema(name = "ForecastRow", description = "A period's projection (view=rows); CSV has the same columns in this order")
	record Row(@Schema(name = "product_id") String productId,
			@Schema(name = "update_date", description = "First day of the period") String updateDate,
			@Schema(name = "inventory_level", description = "Stock at the end of the period's last day") double inventoryLevel,
			@Schema(name = "sales", description = "Units sold over the period") double sales,
			@Schema(name = "restocking", description = "Units received over the period") double restocking) {
	}

	@Schema(name = "ForecastSummary", description = "One product's summary (view=summary)")
	record Summary(@Schema(name = "product_id") String productId,
			@Schema(name = "stockout_date", description = "First day ending at or below zero; null if never", nullable = true) String stockoutDate,
			@Schema(name = "min_inventory_level") double minInventoryLevel,
			@Schema(name = "ending_inventory_level") double endingInventoryLevel) {
	}

	@Schema(name = "ScenarioRow", description = "A period's projection under policy=lost-sales or a reorder policy "
			+ "(view=rows); the optional columns appear only when the request asks for what they report")
	record ScenarioRow(@Schema(name = "product_id") String productId,
			@Schema(name = "update_date") String updateDate,
			@Schema(name = "inventory_level") double inventoryLevel,
			@Schema(name = "sales", description = "Units sold (under lost sales, at most the stock on hand)") double sales,
			@Schema(name = "restocking", description = "The restocking_rate stream over the period") double restocking,
			@Schema(name = "unmet_demand", description = "policy=lost-sales only: demand lost over the period") Double unmetDemand,
			@Schema(name = "orders_placed", description = "Reorder policy only: units ordered in the period") Double ordersPlaced,
			@Schema(name = "orders_received", description = "Reorder policy only: units received in the period") Double ordersReceived,
			@Schema(name = "days_of_cover", description = "Ending level / sales_rate; 0 when out; null when nothing sells", nullable = true) Double daysOfCover) {
	}

	@Schema(name = "ScenarioSummary", description = "One product's summary under policy=lost-sales or a reorder policy")
	record ScenarioSummary(@Schema(name = "product_id") String productId,
			@Schema(name = "stockout_date", description = "First day out of stock (ending at or below zero, or losing demand)", nullable = true) String stockoutDate,
			@Schema(name = "min_inventory_level") double minInventoryLevel,
			@Schema(name = "ending_inventory_level") double endingInventoryLevel,
			@Schema(name = "unmet_demand", description = "policy=lost-sales only: demand lost over the horizon") Double unmetDemand,
			@Schema(name = "order_count", description = "Reorder policy only") Integer orderCount,
			@Schema(name = "order_dates", description = "Reorder policy only: the days orders were placed (CSV: space-separated)") String[] orderDates) {
	}

	@Schema(name = "ProbabilisticRow", description = "A period under demand=normal|poisson or trials=N (view=rows)")
	record ProbabilisticRow(@Schema(name = "product_id") String productId,
			@Schema(name = "update_date") String updateDate,
			@Schema(name = "inventory_p10", description = "10th percentile (nearest rank) of the period's ending level over trials") double inventoryP10,
			@Schema(name = "inventory_p50") double inventoryP50,
			@Schema(name = "inventory_p90") double inventoryP90,
			@Schema(name = "stockout_probability", description = "Share of trials out of stock by the period's end") double stockoutProbability,
			@Schema(name = "sales_mean", description = "Mean units sold over the period") double salesMean,
			@Schema(name = "unmet_demand_mean", description = "policy=lost-sales only") Double unmetDemandMean) {
	}

	@Schema(name = "ProbabilisticSummary", description = "One product under demand=normal|poisson or trials=N (view=summary)")
	record ProbabilisticSummary(@Schema(name = "product_id") String productId,
			@Schema(name = "stockout_probability", description = "Share of trials out of stock within the horizon") double stockoutProbability,
			@Schema(name = "stockout_date_p10", nullable = true, description = "Null when fewer than 10% of trials run out") String stockoutDateP10,
			@Schema(name = "stockout_date_p50", nullable = true) String stockoutDateP50,
			@Schema(name = "stockout_date_p90", nullable = true) String stockoutDateP90,
			@Schema(name = "ending_inventory_p50") double endingInventoryP50,
			@Schema(name = "unmet_demand_mean", description = "policy=lost-sales only") Double unmetDemandMean) {
	}

	@Schema(name = "PortfolioTotal", description = "One date summed over all products (view=totals)")
	record PortfolioTotal(@Schema(name = "date") String date,
			@Schema(name = "inventory_level", description = "Total stock at the end of the day") double inventoryLevel,
			@Schema(name = "sales") double sales,
			@Schema(name = "restocking", description = "Restocking stream plus orders received") double restocking,
			@Schema(name = "unmet_demand", description = "policy=lost-sales only") Double unmetDemand,
			@Schema(name = "skus_out_of_stock", description = "Products out of stock that day (expected number when probabilistic)") double skusOutOfStock,
			@Schema(name = "skus", description = "Products whose projection covers the day") int skus) {
	}

}
