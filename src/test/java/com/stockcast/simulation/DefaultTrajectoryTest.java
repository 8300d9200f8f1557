package com.stockcast.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default forecast's trajectory: backorders, no reorder policy (the loop's shortcut). */
class DefaultTrajectoryTest {

	private static final int JAN_1_2024 = 19723;

	@Test
	void seedWorkedExampleRunsOutOnTheFifth() {
		// 10 units, selling 5 and restocking 3 a day from 2024-01-01: 8, 6, 4, 2, 0 -> out on 2024-01-05.
		Products products = Products.builder().add("1", JAN_1_2024, 10, 5, 3, 30, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, false);
		assertThat(t.stockoutDay()).isEqualTo(4);
		assertThat(t.periods()).isEqualTo(30);
		assertThat(t.level(0)).isEqualTo(8.0);
		assertThat(t.level(4)).isEqualTo(0.0);
		assertThat(t.endingLevel()).isEqualTo(10 - 2 * 30);
		assertThat(t.minimumLevel()).isEqualTo(-50.0);
	}

	@Test
	void periodsHoldTheLastDaysLevelAndTheSumsOfTheirDays() {
		// 10 days in periods of 4: days 0-3, 4-7, 8-9.
		Products products = Products.builder().add("1", JAN_1_2024, 100, 3, 1, 10, 4).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, false);
		assertThat(t.periods()).isEqualTo(3);
		assertThat(t.level(0)).isEqualTo(92.0);
		assertThat(t.level(2)).isEqualTo(80.0);
		assertThat(t.sales(0)).isEqualTo(12.0);
		assertThat(t.sales(2)).isEqualTo(6.0);
		assertThat(t.restocking(2)).isEqualTo(2.0);
	}

	@Test
	void stockoutIsAtDayResolutionWhateverTheFrequency() {
		Products products = Products.builder().add("1", JAN_1_2024, 5, 2, 0, 14, 7).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, false, false);
		assertThat(t.stockoutDay()).isEqualTo(2);
		assertThat(t.periods()).isZero();
	}

	@Test
	void neverRunningOutLeavesNoStockoutDay() {
		Products products = Products.builder().add("1", JAN_1_2024, 5, 1, 1, 30, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, false, false);
		assertThat(t.stockoutDay()).isEqualTo(PolicyTrajectory.NO_STOCKOUT);
		assertThat(t.minimumLevel()).isEqualTo(5.0);
	}

	@Test
	void repeatsTheSeedsDoubleArithmeticToTheBit() {
		// Subtract then add, one day at a time, exactly as the seed's Python does.
		Products products = Products.builder().add("1", JAN_1_2024, 0.1, 0.7, 0.2, 3, 1).build();
		PolicyTrajectory t = new PolicyTrajectory();
		t.simulate(products, 0, SalesPolicy.BACKORDER, true, false);
		double level = 0.1;
		for (int day = 0; day < 3; day++) {
			level -= 0.7;
			level += 0.2;
			assertThat(t.level(day)).isEqualTo(level);
		}
	}

}
