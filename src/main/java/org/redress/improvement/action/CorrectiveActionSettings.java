package org.redress.improvement.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.Date;
import org.redress.complaint.EngineClock;
import org.redress.engine.ProcessExpressionName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of processes/corrective-action.bpmn (redress.improvement.corrective-action.*). The
 * process's timer waits until {@code ${correctiveActionSettings.effectivenessCheckDue}}: the
 * effectiveness period in calendar days after implementation, since complaint rates are compared
 * over calendar periods (a timer written as a duration would count working days).
 *
 * @param reminderBeforeDue the action owner is reminded this long before the due date; overdue actions
 *     go to management
 * @param effectivenessPeriod how long after implementation the effectiveness check compares the complaint
 *     rate before and after: an ISO 8601 period such as P90D
 * @param requiredReduction share by which the daily complaint rate for the cause must fall to count as
 *     effective, such as 0.2
 */
@Validated
@ProcessExpressionName("correctiveActionSettings")
@ConfigurationProperties("redress.improvement.corrective-action")
public record CorrectiveActionSettings(@NotNull Period reminderBeforeDue, @NotBlank String effectivenessPeriod,
    @NotNull Double requiredReduction) {

  /** When the effectiveness check is due, read by the timer when the action is implemented (a JavaBean property). */
  public Date getEffectivenessCheckDue() {
    return EngineClock.toDate(EngineClock.now().plus(Period.parse(effectivenessPeriod)));
  }
}
