package com.stockcast.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import com.stockcast.problem.ProblemException;

/**
 * How much one request may ask for ({@code stockcast.limits.*}).
 *
 * @param maxBodySize largest request body, counted after gzip is undone
 * @param maxProducts most products in one list
 * @param maxDurationDays longest projection a row may ask for
 * @param maxErrors most row errors listed in one problem answer (all are counted)
 * @param maxTrials most trials a probabilistic forecast may ask for per product
 * @param maxTrialDays most work one probabilistic forecast may ask for: its products' days times its
 * trials (the default, 5 x 10^10, is about 1.5 minutes of normal demand on 2 cores)
 * @param maxHistoryRows most rows in one sales history ({@code POST /sales-statistics}); a row is held
 * in about 16 bytes while the history is read
 * @param maxReceipts most scheduled receipts in one forecast request; a receipt is held in up to about
 * 80 bytes while it is read and checked
 */
@Validated
@ConfigurationProperties("stockcast.limits")
public record IntakeLimits(@NotNull @DefaultValue("512MB") DataSize maxBodySize,
		@Min(1) @DefaultValue("2000000") int maxProducts, @Min(1) @Max(365_000) @DefaultValue("3660") int maxDurationDays,
		@Min(1) @DefaultValue("100") int maxErrors, @Min(1) @DefaultValue("100000") int maxTrials,
		@Min(1) @DefaultValue("10000000") int maxHistoryRows,
		@Min(1) @DefaultValue("50000000000") long maxTrialDays, @Min(1) @DefaultValue("2000000") int maxReceipts) {

	/**
	 * Refuses a probabilistic forecast past {@link #maxTrialDays}: one request must not hold every
	 * worker for hours.
	 * @param days the products' days, summed
	 */
	public void checkTrialDays(long days, int trials) {
		if (trials > 0 && days > this.maxTrialDays / trials) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-many-trial-days",
					"The probabilistic forecast asks for too much work",
					days + " product-days x " + trials + " trials is more than the " + this.maxTrialDays
							+ " trial-days one request may ask for (stockcast.limits.max-trial-days); send fewer "
							+ "products or trials per request.");
		}
	}

}
