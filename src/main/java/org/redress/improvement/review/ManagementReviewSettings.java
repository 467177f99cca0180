package org.redress.improvement.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When processes/management-review.bpmn starts by itself: its timer start reads
 * {@code ${managementReviewSettings.cycle}} (a cron expression or ISO 8601 cycle) when the process is
 * deployed. Monthly by default: 06:00 on the first day of each month, for the month before.
 */
@Component("managementReviewSettings")
public class ManagementReviewSettings {

  private final String cycle;

  public ManagementReviewSettings(@Value("${redress.improvement.management-review.cycle:0 0 6 1 * ?}") String cycle) {
    this.cycle = cycle;
  }

  public String getCycle() {
    return cycle;
  }
}
