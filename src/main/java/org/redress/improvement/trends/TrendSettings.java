package org.redress.improvement.trends;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.redress.engine.ProcessExpressionName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a cause of complaints counts as a trend (8.2), and how often processes/trend-detection.bpmn
 * looks: its timer start reads {@code ${trendSettings.cycle}} when the process is deployed.
 * A cause is a trend when, within the window, it has at least {@code threshold} complaints, or at
 * least {@code growthMinimum} complaints and {@code growthFactor} times as many as in the window
 * before.
 *
 * @param cycle when processes/trend-detection.bpmn looks for trends: a Quartz-style cron expression or
 *     an ISO 8601 cycle, read when the process is deployed
 * @param window complaints received within this period before the detection are counted per cause
 * @param threshold a cause with at least this many complaints in the window is a trend
 * @param growthFactor a cause is also a trend when it has this many times the complaints of the window
 *     before (and at least growth-minimum)
 * @param growthMinimum the fewest complaints in the window for growth to count
 */
@Validated
@ProcessExpressionName("trendSettings")
@ConfigurationProperties("redress.improvement.trend-detection")
public record TrendSettings(@NotBlank String cycle, @NotNull Period window, @NotNull Integer threshold,
    @NotNull Double growthFactor, @NotNull Integer growthMinimum) {

  /** The cycle for the timer expression {@code ${trendSettings.cycle}} (a JavaBean property). */
  public String getCycle() {
    return cycle;
  }

  /** The rule itself, so it reads the same in code, docs and tests. */
  public String trendIn(long current, long previous) {
    if (current >= threshold) {
      return "%d complaints in %s (threshold %d)".formatted(current, window, threshold);
    }
    if (current >= growthMinimum && current >= growthFactor * previous) {
      return "%d complaints in %s against %d in the %s before (growth factor %.1f)".formatted(current, window,
          previous, window, growthFactor);
    }
    return null;
  }
}
