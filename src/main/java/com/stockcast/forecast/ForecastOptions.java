package com.stockcast.forecast;

import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.BindParam;

import com.stockcast.intake.InvalidInputException;
import com.stockcast.intake.RequestDefaults;
import com.stockcast.output.View;

/**
 * The query parameters of {@code POST /forecasts}: the view, and request-level values for columns
 * every row shares, used where a row leaves them out.
 */
record ForecastOptions(
		@Parameter(description = "rows (default): one row per period; summary: one row per product",
				schema = @Schema(allowableValues = { "rows", "summary" })) String view,
		@Parameter(name = "sell_start_date", description = "Default start date for rows without one") @BindParam("sell_start_date") String sellStartDate,
		@Parameter(name = "initial_inventory", description = "Default stock on hand") @BindParam("initial_inventory") String initialInventory,
		@Parameter(name = "sales_rate", description = "Default units sold per day") @BindParam("sales_rate") String salesRate,
		@Parameter(name = "restocking_rate", description = "Default units received per day") @BindParam("restocking_rate") String restockingRate,
		@Parameter(name = "duration_days", description = "Default projection length in days") @BindParam("duration_days") String durationDays,
		@Parameter(name = "forecast_frequency", description = "Default days per output row") @BindParam("forecast_frequency") String forecastFrequency) {

	View parsedView() {
		if (this.view == null || this.view.isBlank()) {
			return View.ROWS;
		}
		View parsed = View.parse(this.view);
		if (parsed == null) {
			throw InvalidInputException.forParameter("view", this.view, "must be rows or summary");
		}
		return parsed;
	}

	RequestDefaults defaults() {
		Map<String, String> values = new HashMap<>();
		values.put("sell_start_date", this.sellStartDate);
		values.put("initial_inventory", this.initialInventory);
		values.put("sales_rate", this.salesRate);
		values.put("restocking_rate", this.restockingRate);
		values.put("duration_days", this.durationDays);
		values.put("forecast_frequency", this.forecastFrequency);
		return RequestDefaults.fromParameters(values);
	}

}
