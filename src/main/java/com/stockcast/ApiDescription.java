package com.stockcast;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's front page: what the service is, and its operations grouped in the order a
 * caller meets them (a forecast, then forecasts stored as jobs, then sales statistics). Each feature
 * describes its own operations; the problems every operation can answer are added in one place.
 */
@OpenAPIDefinition(info = @Info(title = "Stockcast", version = "1", contact = @Contact(name = "Stockcast maintainers"),
		description = "Inventory forecasts: day-by-day stock projections and stockout dates for large product lists. "
				+ "Every answer streams in the format Accept names (JSON, CSV or NDJSON); every error is an RFC 9457 "
				+ "problem whose type is stable."),
		tags = { @Tag(name = ApiDescription.FORECASTS,
				description = "Forecast a product list and get the answer in the same call: day-by-day rows, one summary "
						+ "per product, or portfolio totals per date"),
				@Tag(name = ApiDescription.JOBS,
						description = "Forecasts submitted with Prefer: respond-async, computed in the background and "
								+ "stored: their status, their results page by page, cancel and delete"),
				@Tag(name = ApiDescription.STATISTICS,
						description = "Per-product statistics of a daily sales history, answered at once or stored as a job") })
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

	public static final String FORECASTS = "Forecasts";

	public static final String JOBS = "Forecast jobs";

	public static final String STATISTICS = "Sales statistics";

	/**
	 * Paths in the order a reader meets them (a collection, then its members, then their results), and
	 * no content on a 204, which springdoc gives every answer of a method returning a body.
	 */
	@Bean
	OpenApiCustomizer readingOrder() {
		return api -> {
			Paths sorted = new Paths();
			api.getPaths().entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(path -> sorted.addPathItem(path.getKey(), path.getValue()));
			api.setPaths(sorted);
			sorted.values().forEach(path -> path.readOperations().forEach(operation -> {
				ApiResponse noContent = operation.getResponses().get("204");
				if (noContent != null) {
					noContent.setContent(null);
				}
			}));
		};
	}

}
