package com.stockcast.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import com.stockcast.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HistoryReaderTest {

	private static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(1), 100, 3660, 100, 100_000, 20, 50_000_000_000L, 2_000_000);

	private final HistoryReader reader = new HistoryReader(LIMITS);

	@Test
	void matchesColumnsByNameInAnyOrderAndIgnoresOthers() {
		SalesHistory history = csv("\uFEFFUnits , store,DATE,Product_ID\r\n3,north,2024-03-02,A\r\n"
				+ "0,south,3/1/24,B\r\n\r\n1.25,north,03/01/2024,A\r\n");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.id(0)).isEqualTo("A");
		assertThat(history.days(0)).isEqualTo(2);
		assertThat(history.day(0, 0)).isEqualTo(19_783); // 2024-03-01, sorted first
		assertThat(history.units(0, 0)).isEqualTo(1.25);
		assertThat(history.units(0, 1)).isEqualTo(3);
		assertThat(history.id(1)).isEqualTo("B");
		assertThat(history.units(1, 0)).isEqualTo(0);
	}

	@Test
	void groupsThousandsOfInterleavedProductsInOrderOfFirstAppearance() {
		IntakeLimits limits = new IntakeLimits(DataSize.ofMegabytes(1), 100, 3660, 100, 100_000, 100_000, 50_000_000_000L, 2_000_000);
		StringBuilder body = new StringBuilder("product_id,date,units\n");
		for (int day = 0; day < 3; day++) {
			for (int sku = 0; sku < 3_000; sku++) {
				body.append("P").append((sku * 7919) % 3_000).append(',').append(java.time.LocalDate.ofEpochDay(19_000 + day))
					.append(',').append(sku + day).append('\n');
			}
		}
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		SalesHistory history = new HistoryReader(limits).readCsv(new ByteArrayInputStream(bytes), null, bytes.length);
		assertThat(history.size()).isEqualTo(3_000);
		assertThat(history.rows()).isEqualTo(9_000);
		for (int sku = 0; sku < 3_000; sku++) {
			assertThat(history.id(sku)).isEqualTo("P" + (sku * 7919) % 3_000);
			assertThat(history.days(sku)).isEqualTo(3);
			assertThat(history.units(sku, 2)).isEqualTo(sku + 2);
		}
	}

	@Test
	void readsJsonWithTheSameRules() {
		SalesHistory history = json("[{\"product_id\":\"A\",\"date\":\"2024-03-01\",\"units\":2.5,\"note\":{}},"
				+ "{\"units\":\"4\",\"date\":\"3/2/24\",\"product_id\":\"A\"}]");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.days(0)).isEqualTo(2);
		assertThat(history.units(0, 1)).isEqualTo(4);
	}

	@Test
	void listsEveryBadValueWithItsLineAndColumn() {
		InvalidInputException ex = invalid(() -> csv("product_id,date,units\nA,2024-02-30,1\nA,2024-03-01,-1\n"
				+ ",2024-03-01,1\nA,yesterday,NaN\nA,2024-03-04\nB,2024-03-01,1e999\nB,2024-03-02,2000000000000000\n"
				+ "B,2024-03-03,1e300\n"));
		assertThat(ex.getBody().getTitle()).isEqualTo("The sales history has invalid values");
		assertThat(errors(ex)).containsExactly("2 date 2024-02-30 is not a calendar date",
				"3 units -1 must not be negative", "4 product_id  is required",
				"5 date yesterday must be a date like 2023-01-31, 1/31/23 or 1/31/2023",
				"5 units NaN must be a finite number", "6 null null has 2 fields; the header has 3",
				"7 units 1e999 must be a finite number",
				"8 units 2000000000000000 must be at most 1000000000000000 (10^15)",
				"9 units 1e300 must be at most 1000000000000000 (10^15)");
	}

	@Test
	void namesBothLinesOfADayGivenTwice() {
		InvalidInputException ex = invalid(() -> csv("product_id,date,units\nA,2024-03-01,1\nB,2024-03-01,1\n"
				+ "A,2024-03-02,1\nA,3/1/24,2\n"));
		assertThat(errors(ex)).containsExactly(
				"5 date 2024-03-01 repeats the date of line 2 for product 'A'; send one row per product and day");
	}

	@Test
	void namesBothIndexesOfADayGivenTwiceInJson() {
		InvalidInputException ex = invalid(() -> json("[{\"product_id\":\"A\",\"date\":\"2024-03-01\",\"units\":1},"
				+ "{\"product_id\":\"A\",\"date\":\"2024-03-01\",\"units\":-2},"
				+ "{\"product_id\":\"A\",\"date\":\"2024-03-01\",\"units\":3}]"));
		assertThat(ex.getBody().getProperties().get("errors").toString()).contains("index=1", "must not be negative",
				"index=2", "repeats the date of index 0");
	}

	@Test
	void refusesAMissingColumn() {
		InvalidInputException ex = invalid(() -> csv("product_id,day,units\nA,2024-03-01,1\n"));
		assertThat(errors(ex)).containsExactly("1 date null required column is missing");
	}

	@Test
	void refusesAnEmptyHistory() {
		assertThat(problem(() -> csv("")).getBody().getType().toString()).endsWith("empty-sales-history");
		assertThat(problem(() -> csv("product_id,date,units\n")).getBody().getType().toString())
			.endsWith("empty-sales-history");
		assertThat(problem(() -> json("[]")).getBody().getType().toString()).endsWith("empty-sales-history");
	}

	@Test
	void refusesMoreRowsThanTheLimit() {
		StringBuilder body = new StringBuilder("product_id,date,units\n");
		for (int i = 0; i < 21; i++) {
			body.append("A,").append(java.time.LocalDate.ofEpochDay(19_000 + i)).append(",1\n");
		}
		ProblemException ex = problem(() -> csv(body.toString()));
		assertThat(ex.getStatusCode().value()).isEqualTo(413);
		assertThat(ex.getBody().getType().toString()).endsWith("too-many-history-rows");
	}

	private SalesHistory csv(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.reader.readCsv(new ByteArrayInputStream(bytes), null, bytes.length);
	}

	private SalesHistory json(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.reader.readJson(new ByteArrayInputStream(bytes), null, bytes.length);
	}

	private static InvalidInputException invalid(Runnable read) {
		return (InvalidInputException) problem(read);
	}

	private static ProblemException problem(Runnable read) {
		try {
			read.run();
		}
		catch (ProblemException ex) {
			return ex;
		}
		throw new AssertionError("no problem raised");
	}

	@SuppressWarnings("unchecked")
	private static List<String> errors(InvalidInputException ex) {
		List<Violation> violations = (List<Violation>) ex.getBody().getProperties().get("errors");
		return violations.stream().map(v -> v.line() + " " + v.column() + " " + v.value() + " " + v.reason()).toList();
	}

}
