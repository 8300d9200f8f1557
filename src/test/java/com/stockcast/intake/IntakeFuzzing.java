package com.stockcast.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Function;

import org.springframework.util.unit.DataSize;

import com.stockcast.problem.ProblemException;
import com.stockcast.simulation.Products;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intake fuzz targets hold for any input: it is read into products, or refused with a 4xx
 * problem. Any other exception, a 5xx, or running past the time box fails the target.
 */
final class IntakeFuzzing {

	/** Small limits, so the fuzzer meets them often: the paths that refuse are fuzzed too. */
	static final ProductListReader READER = new ProductListReader(
			new IntakeLimits(DataSize.ofKilobytes(64), 200, 3660, 10, 1000, 10_000, 50_000_000_000L, 2_000));

	private IntakeFuzzing() {
	}

	static final HistoryReader HISTORY_READER = new HistoryReader(
			new IntakeLimits(DataSize.ofKilobytes(64), 200, 3660, 10, 1000, 2_000, 50_000_000_000L, 2_000));

	static void readsOrRefusesWith4xx(byte[] body, Function<InputStream, ?> read) {
		try {
			Object result = read.apply(new ByteArrayInputStream(body));
			if (result instanceof Products products) {
				assertThat(products.size()).isPositive();
			}
			else if (result instanceof SalesHistory history) {
				assertThat(history.size()).isPositive();
			}
			else {
				throw new AssertionError("read neither products nor a history: " + result);
			}
		}
		catch (ProblemException refused) {
			assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getMessage()).isTrue();
			assertThat(refused.getBody().getType().toString()).startsWith("urn:stockcast:problem:");
		}
	}


}
