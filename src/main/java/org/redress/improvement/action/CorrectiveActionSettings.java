package org.redress.improvement.action;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of processes/corrective-action.bpmn (redress.improvement.corrective-action.*). The
 * effectiveness period is read by the process's timer as
 * {@code ${correctiveActionSettings.effectivenessPeriod}} when an action reaches the check.
 */
@Component("correctiveActionSettings")
public class CorrectiveActionSettings {

  private final Period reminderBeforeDue;
  private final String effectivenessPeriod;
  private final double requiredReduction;

  public CorrectiveActionSettings(
      @Value("${redress.improvement.corrective-action.reminder-before-due:P3D}") Period reminderBeforeDue,
      @Value("${redress.improvement.corrective-action.effectiveness-period:P90D}") String effectivenessPeriod,
      @Value("${redress.improvement.corrective-action.required-reduction:0.2}") double requiredReduction) {
    this.reminderBeforeDue = reminderBeforeDue;
    this.effectivenessPeriod = effectivenessPeriod;
    this.requiredReduction = requiredReduction;
  }

  public Period getReminderBeforeDue() {
    return reminderBeforeDue;
  }

  /** ISO 8601 duration from implementation to the effectiveness check, e.g. P90D. */
  public String getEffectivenessPeriod() {
    return effectivenessPeriod;
  }

  /** Share by which the daily complaint rate for the cause must fall to count as effective, e.g. 0.2. */
  public double getRequiredReduction() {
    return requiredReduction;
  }
}
