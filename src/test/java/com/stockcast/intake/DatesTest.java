package com.stockcast.intake;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

	@ParameterizedTest
	@CsvSource({ "2023-01-31, 2023-01-31", "1/31/23, 2023-01-31", "1/31/2023, 2023-01-31", "12/1/99, 2099-12-01",
			"2/29/24, 2024-02-29", "2000-02-29, 2000-02-29", "0001-01-01, 0001-01-01", "9999-12-31, 9999-12-31",
			"1/1/1970, 1970-01-01", "3/1/1900, 1900-03-01" })
	void readsIsoAndUsDatesAsEpochDays(String text, LocalDate expected) {
		assertThat(Dates.parse(text)).isEqualTo(expected.toEpochDay());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2/30/23", "2/29/23", "1900-02-29", "13/1/23", "0/1/23", "4/31/2023", "2023-00-10",
			"0000-01-01" })
	void refusesDaysTheCalendarDoesNotHave(String text) {
		assertThat(Dates.parse(text)).isEqualTo(Dates.IMPOSSIBLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023/31/01", "31.1.2023", "1/31/023", "1/31", "1//23", "2023-1-31", "x/1/23",
			"1/31/23/1", "20230131", "" })
	void refusesOtherShapes(String text) {
		assertThat(Dates.parse(text)).isEqualTo(Dates.MALFORMED);
	}

}
