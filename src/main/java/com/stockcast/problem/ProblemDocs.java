package com.stockcast.problem;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The problem answers in the OpenAPI description. Operations declare the statuses that are theirs
 * (400 for a body, 404 for a job id) with a description only; this fills in every 4xx and 5xx with
 * the one problem schema, adds the answers any request can get (401, 429, 503), and says when to
 * retry. One place, so no operation describes a problem differently from the others.
 */
@Configuration(proxyBeanMethods = false)
class ProblemDocs {

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Map<String, String> ANY_REQUEST = Map.of(
			"401", "No valid credentials: a missing or unknown API key, or an invalid JWT",
			"429", "Over the client's request rate (or its active-job cap); retry after Retry-After seconds",
			"503", "The service is saturated or its storage is unreachable; retry after Retry-After seconds");

	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> {
			ModelConverters.getInstance()
				.readAll(new AnnotatedType(ProblemBody.class))
				.forEach(api.getComponents()::addSchemas);
			api.getPaths().values().forEach(path -> path.readOperations().forEach(ProblemDocs::describeProblems));
		};
	}

	private static void describeProblems(Operation operation) {
		ApiResponses responses = operation.getResponses();
		ANY_REQUEST.forEach((code, description) -> {
			if (!responses.containsKey(code)) {
				responses.addApiResponse(code, new ApiResponse().description(description));
			}
		});
		responses.forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				response.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>()
							.$ref("#/components/schemas/ProblemDetail"))));
			}
			if (code.equals("429") || code.equals("503")) {
				response.addHeaderObject("Retry-After", new Header()
					.description("Seconds to wait before trying again")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
			}
		});
		// Sorted by status, so a reader meets them in order whatever declared them.
		ApiResponses sorted = new ApiResponses();
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

	/** The problem body (RFC 9457) as {@link Problems} and {@code ProblemHandler} write it. */
	@Schema(name = "ProblemDetail", description = "An RFC 9457 problem: what went wrong, in words a caller can act on")
	record ProblemBody(
			@Schema(format = "uri", example = "urn:stockcast:problem:invalid-input",
					description = "urn:stockcast:problem:<slug>, stable: branch on it", requiredMode = Schema.RequiredMode.REQUIRED) String type,
			@Schema(example = "Invalid input", description = "The kind of problem, the same for every occurrence", requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(example = "400", description = "The HTTP status", requiredMode = Schema.RequiredMode.REQUIRED) int status,
			@Schema(example = "2 values are invalid", description = "This occurrence, in words") String detail,
			@Schema(example = "/forecasts", description = "The request path") String instance,
			@Schema(description = "invalid-input only: how many values are wrong (errors lists the first ones)") Integer errorCount,
			@Schema(description = "invalid-input only: each wrong value with where it is") List<ProblemError> errors) {
	}

	/** One wrong value: a line (CSV) or index (JSON) and column, or a query parameter. */
	@Schema(name = "ProblemError", description = "One wrong value and where it is: line and column (CSV), index and "
			+ "column (JSON), or parameter (query)")
	record ProblemError(
			@Schema(description = "The input the value is in, when not the product list: receipts (the scheduled "
					+ "receipts, whose lines and indexes count within them)", example = "receipts") String input,
			@Schema(description = "CSV line, 1-based, the header being line 1", example = "3") Long line,
			@Schema(description = "JSON array index, 0-based") Integer index,
			@Schema(description = "The query parameter or header") String parameter,
			@Schema(description = "The column (field) name", example = "sales_rate") String column,
			@Schema(description = "The value as given, shortened past 80 characters", example = "-1") String value,
			@Schema(description = "What is wrong with it", example = "must be a number >= 0", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

}
