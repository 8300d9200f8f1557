package com.stockcast.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one request may ask for ({@code stockcast.limits.*}).
 *
 * @param maxBodySize largest request body, counted after gzip is undone
 * @param maxProducts most products in one list
 * @param maxDurationDays longest projection a row may ask for
 * @param maxErrors most row errors listed in one problem answer (all are counted)
 * @param maxTrials most trials a probabilistic forecast may ask for per product
 * @param maxHistoryRows most rows in one sales history ({@code POST /sales-statistics}); a row is held
 * in about 16 bytes while the history is read
 */
@Validated
@ConfigurationProperties("stockcast.limits")
public record IntakeLimits(@NotNull @DefaultValue("512MB") DataSize maxBodySize,
		@Min(1) @DefaultValue("2000000") int maxProducts, @Min(1) @Max(365_000) @DefaultValue("3660") int maxDurationDays,
		@Min(1) @DefaultValue("100") int maxErrors, @Min(1) @DefaultValue("100000") int maxTrials,
		@Min(1) @DefaultValue("10000000") int maxHistoryRows) {
}
