package org.redress.improvement.monitoring;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Upkeep of the daily KPI summary ({@link KpiSummaryUpkeep}).
 *
 * @param catchUpEvery how often the KPI summary (kpi_daily) is caught up with complaint changes in the
 *     background, so that dashboard requests seldom have days to recount themselves; 0 turns the
 *     background round off
 */
@Validated
@ConfigurationProperties("redress.kpi-summary")
record KpiSummarySettings(@NotNull Duration catchUpEvery) {}
