package com.stockcast.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stockcast.output.ListFeatures;
import com.stockcast.simulation.Demand;
import com.stockcast.simulation.Quantiles;
import com.stockcast.simulation.SalesPolicy;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JobTest {

	/** The job's life: queued, then running, then succeeded, failed or cancelled; cancelled from queued too. */
	private static final Map<JobStatus, Set<JobStatus>> LEGAL = Map.of(
			JobStatus.QUEUED, Set.of(JobStatus.RUNNING, JobStatus.CANCELLED),
			JobStatus.RUNNING, Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED),
			JobStatus.SUCCEEDED, Set.of(), JobStatus.FAILED, Set.of(), JobStatus.CANCELLED, Set.of());

	@Test
	void movesOnlyAlongTheEdgesOfItsLife() {
		for (JobStatus from : JobStatus.values()) {
			for (JobStatus to : JobStatus.values()) {
				Job job = job(from);
				String problem = (to == JobStatus.FAILED) ? "{}" : null;
				if (LEGAL.get(from).contains(to)) {
					Job.Move move = job.moveTo(to, problem);
					assertThat(move).isEqualTo(new Job.Move(job.id(), from, to, problem));
				}
				else {
					assertThatIllegalStateException().as(from + " -> " + to).isThrownBy(() -> job.moveTo(to, problem))
						.withMessage("A " + from.text() + " job cannot become " + to.text());
				}
			}
		}
	}

	@Test
	void cancelsOnlyAJobThatHasNotFinished() {
		assertThat(job(JobStatus.QUEUED).cancel().to()).isEqualTo(JobStatus.CANCELLED);
		assertThat(job(JobStatus.RUNNING).cancel().to()).isEqualTo(JobStatus.CANCELLED);
		for (JobStatus finished : Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)) {
			assertThatIllegalStateException().isThrownBy(() -> job(finished).cancel());
		}
	}

	@Test
	void failsWithAProblemAndOnlyThen() {
		Job running = job(JobStatus.RUNNING);
		assertThatIllegalArgumentException().isThrownBy(() -> running.moveTo(JobStatus.FAILED, null));
		assertThatIllegalArgumentException().isThrownBy(() -> running.moveTo(JobStatus.SUCCEEDED, "{}"));
	}

	@Test
	void isAForecastUnlessItsScenarioNamesAnotherKind() {
		assertThat(job(JobStatus.QUEUED).kind()).isEqualTo(JobKind.FORECAST);
		assertThat(JobScenario.decode(JobScenario.statistics(28).encode()).kind()).isEqualTo(JobKind.SALES_STATISTICS);
		assertThat(JobScenario.decode("policy=lost-sales;demand=normal;trials=1000;seed=7;orders=true").kind())
			.isEqualTo(JobKind.FORECAST);
	}

	@Test
	void keepsChosenQuantilesAndReadsOlderScenariosWithTheDefaultOnes() {
		Scenario chosen = new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 200, 7, Quantiles.parse("0.05,0.5,0.95"));
		JobScenario stored = new JobScenario(chosen, new ListFeatures(false, true, false));
		assertThat(stored.encode()).endsWith(";quantiles=0.05,0.5,0.95");
		assertThat(JobScenario.decode(stored.encode()).scenario()).isEqualTo(chosen);
		JobScenario older = JobScenario.decode("policy=lost-sales;demand=normal;trials=1000;seed=7;orders=true");
		assertThat(older.scenario().quantiles()).isEqualTo(Quantiles.PERCENTILES);
		assertThat(new JobScenario(new Scenario(SalesPolicy.BACKORDER, Demand.NORMAL, 200, 7), ListFeatures.NONE).encode())
			.doesNotContain("quantiles");
	}

	@Test
	void keepsWhetherRowsAreStoredAndHowSummariesAreAndReadsOlderScenariosAsBefore() {
		JobScenario dropped = new JobScenario(Scenario.DEFAULT, ListFeatures.NONE, false);
		assertThat(dropped.encode()).contains(";rows=false").contains(";summaries=chunk");
		assertThat(JobScenario.decode(dropped.encode())).isEqualTo(dropped);
		assertThat(dropped.describe()).containsEntry("store_rows", false);
		assertThat(new JobScenario(Scenario.DEFAULT, ListFeatures.NONE).encode()).doesNotContain("rows=");
		JobScenario older = JobScenario.decode("policy=backorder;demand=constant;trials=0;seed=0;orders=false");
		assertThat(older.rows()).isTrue();
		assertThat(older.chunkSummaries()).isFalse();
		assertThat(older.results()).containsExactly("rows", "summary", "totals");
	}

	private static Job job(JobStatus status) {
		return new Job(UUID.randomUUID(), status, Instant.EPOCH, null, null, 1, 1, 1, 0, 0, "{}", null, null, null);
	}

}
