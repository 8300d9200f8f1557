package com.stockcast.problem;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.TestHttp;
import com.stockcast.TestResources;

import static com.stockcast.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body the parsers cannot take gets a problem in the service's own words, never the parser's or the
 * framework's (issue 15): malformed JSON (Jackson), malformed multipart (Tomcat's FileUpload under
 * Spring's multipart resolver and part binding) and gzip cut short, corrupt or not gzip at all
 * (Commons Compress, {@code java.util.zip}), to both endpoints that take a body. Over a real port,
 * since Tomcat parses a multipart body itself. Every answer is a 400 {@code unreadable-body} problem
 * whose members hold no class, package or library name, and whose detail says what is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParserInternalsApiTest {

	/** What a parser's or framework's own text looks like: class and package names, its names, stack frames. */
	private static final Pattern INTERNALS = Pattern
		.compile("(?i)(exception|java\\.|org\\.|tomcat|jackson|commons|zlib|source:|\\bat [a-z]+\\.)");

	private static final String MULTIPART = "multipart/form-data; boundary=X";

	/** Per endpoint, a valid body as CSV and as JSON: 300 rows, so that gzip can be cut in its middle. */
	private static final Map<String, String[]> BODIES = Map.of("/forecasts", products(), "/sales-statistics", sales());

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void answersAMalformedBodyInItsOwnWords(Malformed malformed) {
		HttpResponse<String> answer = TestHttp.on(this.port)
			.post(malformed.path, malformed.contentType, malformed.body, malformed.headers);
		JsonNode problem = assertProblem(answer, 400, "unreadable-body");
		problem.properties()
			.forEach(member -> assertThat(member.getValue().toString()).as("member %s", member.getKey())
				.doesNotContainPattern(INTERNALS));
		assertThat(problem.path("detail").asString()).contains(malformed.says);
	}

	static List<Malformed> malformedBodies() {
		List<Malformed> cases = new ArrayList<>();
		for (String path : List.of("/forecasts", "/sales-statistics")) {
			String csv = BODIES.get(path)[0];
			String json = BODIES.get(path)[1];
			String closed = "\r\n--X--\r\n";

			cases.add(new Malformed(path, "JSON cut inside an object", "application/json", "[{\"product_id\":",
					"not well-formed JSON at line 1, column 16"));
			cases.add(new Malformed(path, "JSON array never closed", "application/json", "[1,2",
					"not well-formed JSON at line 1, column 5"));
			cases.add(new Malformed(path, "JSON with a bare word", "application/json", "[{\"product_id\": nope}]",
					"not well-formed JSON at line 1, column 17"));

			cases.add(new Malformed(path, "multipart without its closing boundary", MULTIPART, part("file") + csv,
					"not valid multipart/form-data: it ends too soon, before its closing boundary ('--X--')"));
			cases.add(new Malformed(path, "multipart whose part headers never end", MULTIPART,
					"--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"",
					"or before the empty line that ends a part's headers"));
			cases.add(new Malformed(path, "multipart without the empty line after a part's headers", MULTIPART,
					"--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n" + csv + csv + csv + closed,
					"the headers of a part run past "));
			cases.add(new Malformed(path, "multipart without a boundary", "multipart/form-data",
					part("file") + csv + closed, "not valid multipart/form-data: its Content-Type names no boundary"));
			cases.add(new Malformed(path, "multipart with an empty boundary", "multipart/form-data; boundary=",
					part("file") + csv + closed, "its Content-Type names no boundary"));
			cases.add(new Malformed(path, "multipart with another boundary than its Content-Type's",
					"multipart/form-data; boundary=Y", part("file") + csv + closed,
					"no part named 'file', nor any other named part delimited by its boundary ('--Y')"));
			cases.add(new Malformed(path, "multipart of garbage", MULTIPART, "this is not a multipart body\r\n",
					"no part named 'file', nor any other named part"));
			cases.add(new Malformed(path, "multipart, empty", MULTIPART, "", "no part named 'file', nor any other"));
			cases.add(new Malformed(path, "multipart without parts", MULTIPART, "--X--\r\n",
					"no part named 'file', nor any other"));
			cases.add(new Malformed(path, "multipart whose part is not named file", MULTIPART,
					part("upload") + csv + closed, "no part named 'file', only 'upload'"));
			cases.add(new Malformed(path, "multipart whose part file is not a file", MULTIPART,
					"--X\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + csv + closed,
					"its part 'file' has no filename"));
			cases.add(new Malformed(path, "multipart part without Content-Disposition", MULTIPART,
					"--X\r\nContent-Type: text/csv\r\n\r\n" + csv + closed, "no part named 'file', nor any other"));

			for (String[] type : new String[][] { { "text/csv", csv }, { "application/json", json } }) {
				byte[] gzip = TestResources.gzip(bytes(type[1]));
				String kind = type[0].equals("text/csv") ? "CSV" : "JSON";
				byte[] trailing = Arrays.copyOf(gzip, gzip.length + 5);
				System.arraycopy(bytes("oops!"), 0, trailing, gzip.length, 5);
				byte[] corrupt = gzip.clone();
				Arrays.fill(corrupt, 12, 40, (byte) 0xff);
				cases.add(Malformed.gzip(path, "gzip " + kind + " cut in its middle", type[0],
						Arrays.copyOf(gzip, gzip.length / 2),
						"not valid gzip data (Content-Encoding: gzip): it ends before the end of its compressed stream"));
				cases.add(Malformed.gzip(path, "gzip " + kind + " cut in its trailer", type[0],
						Arrays.copyOf(gzip, gzip.length - 3), "it ends before the end of its compressed stream"));
				cases.add(Malformed.gzip(path, "gzip " + kind + " cut in its header", type[0], Arrays.copyOf(gzip, 6),
						"it ends before the end of its compressed stream"));
				cases.add(Malformed.gzip(path, kind + " that is not gzip at all", type[0], bytes(type[1]),
						"not valid gzip data (Content-Encoding: gzip): it does not begin with a gzip header"));
				cases.add(Malformed.gzip(path, "gzip " + kind + " with bytes after its end", type[0], trailing,
						"bytes that are not gzip follow the end of its compressed stream"));
				cases.add(Malformed.gzip(path, "gzip " + kind + " with corrupt compressed data", type[0], corrupt,
						"its compressed data is corrupt"));
			}
		}
		return cases;
	}

	/** A malformed body to {@code path}, and what the problem's detail must say of it. */
	record Malformed(String path, String name, String contentType, byte[] body, String says, String... headers) {

		Malformed(String path, String name, String contentType, String body, String says) {
			this(path, name, contentType, bytes(body), says);
		}

		static Malformed gzip(String path, String name, String contentType, byte[] body, String says) {
			return new Malformed(path, name, contentType, body, says, "Content-Encoding", "gzip");
		}

		@Override
		public String toString() {
			return this.path + ": " + this.name;
		}

	}

	/** The opening of a multipart body (boundary X) up to the content of a CSV file part named {@code name}. */
	private static String part(String name) {
		return "--X\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n";
	}

	private static String[] products() {
		StringBuilder csv = new StringBuilder(
				"product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,forecast_frequency\n");
		StringBuilder json = new StringBuilder("[");
		for (int i = 1; i <= 300; i++) {
			csv.append(i).append(",2024-01-01,").append(50 + i % 17).append(",10,8,30,1\n");
			json.append((i == 1) ? "" : ",")
				.append("{\"product_id\":\"").append(i)
				.append("\",\"sell_start_date\":\"2024-01-01\",\"initial_inventory\":").append(50 + i % 17)
				.append(",\"sales_rate\":10,\"restocking_rate\":8,\"duration_days\":30,\"forecast_frequency\":1}");
		}
		return new String[] { csv.toString(), json.append(']').toString() };
	}

	private static String[] sales() {
		StringBuilder csv = new StringBuilder("product_id,date,units\n");
		StringBuilder json = new StringBuilder("[");
		for (int i = 1; i <= 300; i++) {
			LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i / 7); // one row per product and day
			csv.append('P').append(i % 7).append(',').append(day).append(',').append(i % 13).append('\n');
			json.append((i == 1) ? "" : ",")
				.append("{\"product_id\":\"P").append(i % 7)
				.append("\",\"date\":\"").append(day)
				.append("\",\"units\":").append(i % 13).append('}');
		}
		return new String[] { csv.toString(), json.append(']').toString() };
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
