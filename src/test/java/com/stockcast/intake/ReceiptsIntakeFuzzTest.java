package com.stockcast.intake;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Coverage-guided fuzzing of the scheduled receipts' CSV part (Jazzer), beside a fixed good product
 * list, as {@code curl -F file=@products.csv -F receipts=@receipts.csv} sends them: the receipts are
 * read and attached to their products, or both are refused with a 4xx problem. {@code ./mvnw verify}
 * runs the committed corpus ({@code ReceiptsIntakeFuzzTestInputs/}); {@code .ci/run} fuzzes for a
 * bounded time with {@code JAZZER_FUZZ=1}.
 */
class ReceiptsIntakeFuzzTest {

	/** Products the receipts may name, with projections that end on different days. */
	private static final byte[] PRODUCTS = """
			product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,reorder_point,order_quantity,lead_time_days
			A,2024-01-01,10,4,0,30,5,20,2
			B,1/15/24,0,1.5,0.5,7,,,
			C,2024-02-29,100,0,0,365,,,
			""".getBytes(StandardCharsets.UTF_8);

	@FuzzTest(maxDuration = "45s")
	void receiptsAreReadOrRefusedWith4xx(byte[] receipts) {
		IntakeFuzzing.readsOrRefusesWith4xx(receipts,
				in -> IntakeFuzzing.READER.readUpload(new MockMultipartFile("file", "products.csv", "text/csv", PRODUCTS),
						new MockMultipartFile("receipts", "receipts.csv", "text/csv", receipts), RequestDefaults.none()));
	}

}
