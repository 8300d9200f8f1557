package com.stockcast.problem;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.stockcast.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to errors raised outside Spring MVC's handlers (a filter, the servlet container): the
 * container forwards to {@code /error} with the status and the failure as request attributes, and the
 * behaviour stops at this controller, so a slice with the forward's attributes set by hand suffices.
 * The security filters and their neighbours are left out of the slice: whether {@code /error} is open
 * is {@code security.AuthenticationApiTest}'s, over a real port.
 */
@WebMvcTest(controllers = ErrorAnswers.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "com\\.stockcast\\.(parallel|security)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class ErrorAnswersTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void answersAServerFailureAsAProblemWithoutItsInternals() throws Exception {
		MvcTestResult answer = this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret: table job_chunk"))
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/forecasts")
			.exchange();
		JsonNode problem = problem(answer, 500);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:internal-error");
		assertThat(problem.path("instance").asString()).isEqualTo("/forecasts");
		assertThat(answer.getResponse().getContentAsString()).doesNotContain("secret", "IllegalStateException", "job_chunk");
	}

	@Test
	void namesAClientErrorByItsStatus() throws Exception {
		JsonNode problem = problem(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/forecasts")
			.exchange(), 413);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:http-413");
		assertThat(problem.path("title").asString()).isEqualTo("Content Too Large");
		assertThat(problem.path("detail").asString()).contains("413");
	}

	@Test
	void answersNotFoundWhenNoErrorStatusWasForwarded() throws Exception {
		for (Integer status : new Integer[] { null, 200 }) {
			MvcTestResult answer = (status == null) ? this.mvc.get().uri("/error").exchange()
					: this.mvc.get().uri("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status).exchange();
			JsonNode problem = problem(answer, 404);
			assertThat(problem.path("type").asString()).as("forwarded status %s", status)
				.isEqualTo("urn:stockcast:problem:not-found");
			assertThat(problem.path("instance").asString()).isEqualTo("/error");
		}
	}

	/**
	 * The failed path is the caller's and need not be a URI: the answer is still the problem, without
	 * that path (Spring then gives the problem the forward's own path, {@code /error}).
	 */
	@Test
	void answersAPathThatIsNotAUriWithoutQuotingIt() throws Exception {
		JsonNode problem = problem(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/forecasts/a b|c")
			.exchange(), 400);
		assertThat(problem.path("type").asString()).isEqualTo("urn:stockcast:problem:http-400");
		assertThat(problem.toString()).doesNotContain("a b|c");
	}

	private static JsonNode problem(MvcTestResult answer, int status) throws Exception {
		assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(answer.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = TestHttp.JSON.readTree(answer.getResponse().getContentAsString());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		return problem;
	}

}
