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
			@Schema(name = "forecast_frequency", description = "Days per output row, >= 1; default 1") Integer forecastFrequency) {
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

}
