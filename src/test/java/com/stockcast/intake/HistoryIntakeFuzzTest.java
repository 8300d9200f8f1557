package com.stockcast.intake;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the sales history intake ({@code POST /sales-statistics}, and the
 * history part of a forecast), CSV and JSON alike: the first byte picks the parser. {@code ./mvnw
 * verify} replays the committed corpus ({@code HistoryIntakeFuzzTestInputs/}); {@code .ci/run}
 * fuzzes for a bounded time.
 */
class HistoryIntakeFuzzTest {

	@FuzzTest(maxDuration = "45s")
	void historyIsReadOrRefusedWith4xx(byte[] body) {
		boolean json = body.length > 0 && body[0] == '[';
		IntakeFuzzing.readsOrRefusesWith4xx(body, in -> json
				? IntakeFuzzing.HISTORY_READER.readJson(in, null, body.length)
				: IntakeFuzzing.HISTORY_READER.readCsv(in, null, body.length));
	}

}
