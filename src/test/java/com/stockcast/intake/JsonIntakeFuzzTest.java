package com.stockcast.intake;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the JSON intake (Jazzer). {@code ./mvnw verify} runs the committed corpus
 * ({@code JsonIntakeFuzzTestInputs/}) as regression tests; {@code .ci/run} fuzzes for a bounded time
 * with {@code JAZZER_FUZZ=1}. A crash it finds is committed to the corpus as a regression input.
 */
class JsonIntakeFuzzTest {

	@FuzzTest(maxDuration = "45s")
	void jsonIsReadOrRefusedWith4xx(byte[] body) {
		IntakeFuzzing.readsOrRefusesWith4xx(body,
				in -> IntakeFuzzing.READER.readJson(in, null, body.length, RequestDefaults.none()));
	}

}
