package com.stockcast;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served description against what is served: every operation of Stockcast's controllers is in
 * it and nothing else is, and each has what a generator and a reader need. The generated client's
 * flows (GeneratedClientTest) check the shapes; this checks the coverage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private JsonNode description() {
		return TestHttp.json(TestHttp.anonymous(this.port).get("/v3/api-docs"));
	}

	@Test
	void describesEveryOperationTheControllersServeAndNothingElse() {
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			String type = handler.getBeanType().getName();
			if (!type.startsWith("com.stockcast.") || type.startsWith("com.stockcast.problem.")) {
				return; // springdoc's own endpoints, and the container's error page
			}
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					served.add(method + " " + pattern);
				}
			}
		});
		Set<String> described = new TreeSet<>();
		description().path("paths").properties().forEach(path -> path.getValue()
			.properties()
			.forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		assertThat(served).isNotEmpty();
		assertThat(described).isEqualTo(served);
	}

	@Test
	void everyOperationHasAnIdATagADescriptionAndTypedProblems() {
		Set<String> ids = new TreeSet<>();
		description().path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String where = entry.getKey() + " " + path.getKey();
			JsonNode operation = entry.getValue();
			assertThat(operation.path("operationId").asString()).as(where).matches("[a-z][A-Za-z]+");
			assertThat(ids.add(operation.path("operationId").asString())).as("unique id: " + where).isTrue();
			assertThat(operation.path("tags").size()).as(where).isEqualTo(1);
			assertThat(operation.path("description").asString()).as(where).isNotBlank();
			assertThat(operation.path("responses").propertyNames()).as(where).contains("401", "429", "503");
			operation.path("responses").properties().forEach(response -> {
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					assertThat(response.getValue().path("content").propertyNames()).as(where + " " + response.getKey())
						.containsExactly("application/problem+json");
					assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
						.path("$ref").asString()).isEqualTo("#/components/schemas/ProblemDetail");
				}
				else if (!response.getKey().equals("204")) {
					assertThat(response.getValue().path("content").propertyNames()).as(where + " " + response.getKey())
						.first().isEqualTo("application/json");
				}
			});
		}));
		// The tags in the order a caller meets them.
		assertThat(description().path("tags").findValuesAsString("name")).containsExactly("Forecasts", "Forecast jobs",
				"Sales statistics");
	}

}
