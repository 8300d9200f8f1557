package com.stockcast.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.stockcast.output.Forecasts;
import com.stockcast.output.Format;
import com.stockcast.output.ListFeatures;
import com.stockcast.output.OutputBuffer;
import com.stockcast.output.Table;
import com.stockcast.output.Totals;
import com.stockcast.output.View;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk's results, computed as a job computes them (its products decoded from storage, numbered
 * from the chunk's first), hold the records of the synchronous answer for the same products, under
 * every kind of scenario; its totals' partial sums hold the chunk's days.
 */
class ChunkResultsTest {

	static Stream<Scenario> scenarios() {
		return Stream.of(Scenario.DEFAULT, new Scenario(SalesPolicy.LOST_SALES, Demand.CONSTANT, 0, 0),
				new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 25, 7),
				new Scenario(SalesPolicy.LOST_SALES, Demand.POISSON, 10, 3));
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void holdTheSynchronousAnswersRecords(Scenario scenario) {
		Products all = Forecasts.products(Forecasts.resource("products-weekly.csv"));
		int from = 3;
		int to = all.size();
		JobScenario stored = new JobScenario(scenario, ListFeatures.of(all));
		JobStore.Chunk chunk = new JobStore.Chunk(UUID.randomUUID(), 2, from, 0, 0,
				ChunkCodec.decode(ChunkCodec.encode(all, from, to)), "lease", stored, null);
		ChunkResults results = ChunkResults.of(chunk, null);

		for (View view : List.of(View.ROWS, View.SUMMARY)) {
			String section = (view == View.ROWS) ? ChunkResults.ROWS : ChunkResults.SUMMARY;
			Table table = stored.projection().table(view);
			OutputBuffer out = new OutputBuffer(1024);
			Table.Writer writer = table.writer(Format.CSV, out, true);
			List<Integer> blockNos = new ArrayList<>();
			for (ChunkResults.Block block : results.blocks()) {
				if (block.section().equals(section)) {
					blockNos.add(block.blockNo());
					// Rows are a block a product; summaries one block for the chunk, from its first product.
					assertThat(block.productId()).isEqualTo((view == View.ROWS) ? all.id(block.blockNo()) : null);
					assertThat(table.replay(block.payload(), 0, Integer.MAX_VALUE, writer)).isEqualTo(block.records());
				}
			}
			assertThat(blockNos).containsExactlyElementsOf((view == View.ROWS)
					? java.util.stream.IntStream.range(from, to).boxed().toList() : List.of(from));
			List<String> expected = Forecasts.encode(all, Format.CSV, view, scenario).lines().toList();
			long skipped = (view == View.ROWS) ? all.periods(0, from) : from;
			assertThat(out.toString().lines().toList()).as("%s", view)
				.containsExactlyElementsOf(expected.subList(1 + (int) skipped, expected.size()));
		}
		List<ChunkResults.Block> totals = results.blocks().stream()
			.filter(block -> block.section().equals(ChunkResults.TOTALS)).toList();
		assertThat(totals).singleElement().extracting(ChunkResults.Block::blockNo).isEqualTo(2);
		Totals sums = Totals.fromBytes(totals.get(0).payload());
		long productDays = 0;
		for (int d = 0; d < sums.length(); d++) {
			productDays += sums.skus(d);
		}
		assertThat(productDays).isEqualTo(all.days(from, to));
	}

	@Test
	void aJobThatKeepsNoRowsStoresNoneAndTheSameSummaries() {
		Products all = Forecasts.products(Forecasts.resource("products-weekly.csv"));
		JobScenario kept = new JobScenario(Scenario.DEFAULT, ListFeatures.of(all));
		JobScenario dropped = new JobScenario(Scenario.DEFAULT, ListFeatures.of(all), false);
		assertThat(JobScenario.decode(dropped.encode())).isEqualTo(dropped);
		assertThat(dropped.results()).doesNotContain("rows").contains("summary", "totals");
		List<ChunkResults.Block> withRows = results(all, kept);
		List<ChunkResults.Block> withoutRows = results(all, dropped);
		assertThat(withoutRows).noneMatch(block -> block.section().equals(ChunkResults.ROWS));
		assertThat(withoutRows).extracting(ChunkResults.Block::section, ChunkResults.Block::blockNo,
				ChunkResults.Block::records)
			.containsExactlyElementsOf(withRows.stream()
				.filter(block -> !block.section().equals(ChunkResults.ROWS))
				.map(block -> org.assertj.core.groups.Tuple.tuple(block.section(), block.blockNo(), block.records()))
				.toList());
		for (int b = 0; b < withoutRows.size(); b++) {
			assertThat(withoutRows.get(b).payload()).isEqualTo(withRows.stream()
				.filter(block -> !block.section().equals(ChunkResults.ROWS)).toList().get(b).payload());
		}
	}

	private static List<ChunkResults.Block> results(Products all, JobScenario stored) {
		return ChunkResults.of(new JobStore.Chunk(UUID.randomUUID(), 0, 0, 0, 0,
				ChunkCodec.decode(ChunkCodec.encode(all, 0, all.size())), "lease", stored, null), null).blocks();
	}

}
