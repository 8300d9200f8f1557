package com.stockcast.output;

import java.io.StringReader;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.simulation.Products;

import static com.stockcast.output.Forecasts.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** Product ids come back as they were sent, whatever characters they hold, in every format. */
class ProductIdEncodingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "plain-42", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "bell\u0007",
			"sep\u2028and\u2029", "comma,separated", "Bäckerei €5 日本", "emoji \uD83D\uDCE6" })
	void idsRoundTripThroughJsonNdjsonAndCsv(String id) {
		Products products = Products.builder().add(id, 19358, 10, 1, 0, 2, 1).build();

		JsonNode json = JSON.readTree(encode(products, Format.JSON, View.ROWS));
		assertThat(json).hasSize(2);
		assertThat(json.get(1).get("product_id").asString()).isEqualTo(id);

		String ndjson = encode(products, Format.NDJSON, View.SUMMARY);
		assertThat(ndjson.lines()).hasSize(1);
		assertThat(ndjson).doesNotContain("\u2028").doesNotContain("\u2029");
		assertThat(JSON.readTree(ndjson).get("product_id").asString()).isEqualTo(id);

		List<CsvRecord> csv = CsvReader.builder()
			.ofCsvRecord(new StringReader(encode(products, Format.CSV, View.ROWS)))
			.stream()
			.toList();
		assertThat(csv).hasSize(3);
		assertThat(csv.get(2).getField(0)).isEqualTo(id);
		assertThat(csv.get(2).getField(1)).isEqualTo("2023-01-02");
	}

}
