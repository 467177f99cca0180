package org.redress.improvement.review;

import jakarta.validation.constraints.NotBlank;
import org.redress.engine.ProcessExpressionName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When processes/management-review.bpmn starts by itself: its timer start reads
 * {@code ${managementReviewSettings.cycle}} (a cron expression or ISO 8601 cycle) when the process is
 * deployed. Monthly by default: 06:00 on the first day of each month, for the month before.
 *
 * @param cycle when the management review starts by itself, for the previous calendar month: a
 *     Quartz-style cron expression or an ISO 8601 cycle, read when the process is deployed
 */
@Validated
@ProcessExpressionName("managementReviewSettings")
@ConfigurationProperties("redress.improvement.management-review")
public record ManagementReviewSettings(@NotBlank String cycle) {

  /** The cycle for the timer expression {@code ${managementReviewSettings.cycle}} (a JavaBean property). */
  public String getCycle() {
    return cycle;
  }
}
