package com.stockcast.intake;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the CSV intake (Jazzer). {@code ./mvnw verify} runs the committed corpus
 * ({@code CsvIntakeFuzzTestInputs/}) as regression tests; {@code .ci/run} fuzzes for a bounded time
 * with {@code JAZZER_FUZZ=1}. A crash it finds is committed to the corpus as a regression input.
 */
class CsvIntakeFuzzTest {

	@FuzzTest(maxDuration = "45s")
	void csvIsReadOrRefusedWith4xx(byte[] body) {
		IntakeFuzzing.readsOrRefusesWith4xx(body,
				in -> IntakeFuzzing.READER.readCsv(in, null, body.length, RequestDefaults.none()));
	}

}
