package com.stockcast.history;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.stockcast.intake.Histories.Sale;
import com.stockcast.intake.Histories;
import com.stockcast.intake.SalesHistory;
import com.stockcast.output.Format;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsEncoderTest {

	// 2024-03-01..05 sell 1..5 of "A"; "B, \"big\"" sells 7 once on 2024-02-29; "C" sells 1 and 2.0001 then.
	private static final SalesHistory HISTORY = Histories.build(List.of(new Sale("A", 19_783, 1),
			new Sale("B, \"big\"", 19_782, 7), new Sale("A", 19_784, 2), new Sale("A", 19_785, 3),
			new Sale("A", 19_786, 4), new Sale("A", 19_787, 5), new Sale("C", 19_783, 1),
			new Sale("C", 19_784, 2.0001)));

	@Test
	void writesCsvWithEmptyCellsForUndefinedValues() {
		assertThat(StatisticsWorkTest.sequential(HISTORY, Format.CSV, 28)).isEqualTo(
				"product_id,count,mean,std,min,q1,median,q3,max,first_date,last_date,trend\n"
						+ "A,5,3,1.5811,1,2,3,4,5,2024-03-01,2024-03-05,1\n"
						+ "\"B, \"\"big\"\"\",1,7,,7,7,7,7,7,2024-02-29,2024-02-29,\n"
						+ "C,2,1.5,0.7072,1,1.25,1.5,1.75,2,2024-03-01,2024-03-02,1.0001\n");
	}

	@Test
	void writesJsonWithNumbersAsNumbersAndNullForUndefined() {
		String json = StatisticsWorkTest.sequential(HISTORY, Format.JSON, 28);
		assertThat(json).startsWith("[{\"product_id\":\"A\",\"count\":5,\"mean\":3,\"std\":1.5811,\"min\":1,\"q1\":2,"
				+ "\"median\":3,\"q3\":4,\"max\":5,\"first_date\":\"2024-03-01\",\"last_date\":\"2024-03-05\",\"trend\":1},\n")
			.endsWith("}]\n");
		JsonNode array = JsonMapper.builder().build().readTree(json);
		assertThat(array.size()).isEqualTo(3);
		assertThat(array.get(1).get("product_id").asString()).isEqualTo("B, \"big\"");
		assertThat(array.get(1).get("std").isNull()).isTrue();
		assertThat(array.get(1).get("trend").isNull()).isTrue();
		assertThat(array.get(2).get("trend").isNumber()).isTrue();
		assertThat(array.get(2).get("trend").asDouble()).isEqualTo(1.0001);
	}

	@Test
	void writesOneObjectPerLineAsNdjson() {
		String ndjson = StatisticsWorkTest.sequential(HISTORY, Format.NDJSON, 28);
		List<String> lines = ndjson.lines().toList();
		assertThat(lines).hasSize(3);
		JsonMapper mapper = JsonMapper.builder().build();
		for (String line : lines) {
			assertThat(mapper.readTree(line).size()).isEqualTo(StatisticsEncoder.COLUMNS.length);
		}
		assertThat(new String(new StatisticsEncoder(Format.NDJSON).prologue(), StandardCharsets.UTF_8)).isEmpty();
	}

}
