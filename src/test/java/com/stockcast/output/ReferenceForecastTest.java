package com.stockcast.output;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.stockcast.simulation.Products;

import static com.stockcast.output.Forecasts.assertSameCsv;
import static com.stockcast.output.Forecasts.encode;
import static com.stockcast.output.Forecasts.products;
import static com.stockcast.output.Forecasts.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The reference data (docs/forecast-contract.md#reference-data), row for row and summary for summary. */
class ReferenceForecastTest {

	@ParameterizedTest
	@ValueSource(strings = { "product_list", "products-1k-fractional", "products-weekly" })
	void rowsMatchTheReference(String name) {
		Products products = products(resource(name + ".csv"));
		assertSameCsv(encode(products, Format.CSV, View.ROWS), resource(name + ".forecast.csv"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "product_list", "products-1k-fractional", "products-weekly" })
	void summariesMatchTheReference(String name) {
		Products products = products(resource(name + ".csv"));
		assertSameCsv(encode(products, Format.CSV, View.SUMMARY), resource(name + ".summary.csv"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "products-1k-fractional", "products-weekly" })
	void rowsAreWrittenInTheCanonicalForm(String name) {
		// The reference files were written with the contract's number format (docs/forecast-contract.md#rounding), so even the text is equal.
		Products products = products(resource(name + ".csv"));
		assertThat(encode(products, Format.CSV, View.ROWS)).isEqualTo(resource(name + ".forecast.csv"));
		assertThat(encode(products, Format.CSV, View.SUMMARY)).isEqualTo(resource(name + ".summary.csv"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "products-1k-fractional", "products-weekly" })
	void jsonAndNdjsonCarryTheSameValuesAsCsv(String name) {
		Products products = products(resource(name + ".csv"));
		String csv = encode(products, Format.CSV, View.ROWS);
		String ndjson = encode(products, Format.NDJSON, View.ROWS);
		String json = encode(products, Format.JSON, View.ROWS);
		String[] csvLines = csv.split("\n");
		String[] ndjsonLines = ndjson.split("\n");
		assertThat(ndjsonLines).hasSize(csvLines.length - 1);
		for (int i = 1; i < csvLines.length; i++) {
			String[] f = csvLines[i].split(",");
			assertThat(ndjsonLines[i - 1]).isEqualTo("{\"product_id\":\"" + f[0] + "\",\"update_date\":\"" + f[1]
					+ "\",\"inventory_level\":" + f[2] + ",\"sales\":" + f[3] + ",\"restocking\":" + f[4] + "}");
		}
		assertThat(json).isEqualTo("[" + String.join(",\n", ndjsonLines) + "]\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "product_list", "products-1k-fractional", "products-weekly" })
	void valuesInTheirPlainFormAndPaddedOrSignedGiveTheSameForecast(String name) {
		// Plain values are parsed straight from the reader's characters; padded and signed ones take
		// the checked path through strings. Both must read the same numbers.
		String plain = resource(name + ".csv");
		List<String> lines = plain.lines().toList();
		StringBuilder padded = new StringBuilder(lines.get(0)).append('\n');
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",", -1);
			padded.append(fields[0]);
			for (int c = 1; c < fields.length; c++) {
				padded.append((c == 1) ? ", " : ", +").append(fields[c]).append(' ');
			}
			padded.append('\n');
		}
		assertThat(padded.toString()).contains(", +");
		assertThat(encode(products(padded.toString()), Format.CSV, View.ROWS))
			.isEqualTo(encode(products(plain), Format.CSV, View.ROWS));
	}

}
