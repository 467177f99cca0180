package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Task_CheckEffectiveness (8.7): compares the daily rate of complaints for the action's cause in
 * the effectiveness period before implementation with the period since. Effective when the rate
 * fell by at least the required share (or stayed at zero).
 */
@Component("checkEffectiveness")
class CheckEffectiveness implements JavaDelegate {

  private final CorrectiveActions actions;
  private final CauseCounts counts;
  private final CorrectiveActionSettings settings;

  public CheckEffectiveness(CorrectiveActions actions, CauseCounts counts, CorrectiveActionSettings settings) {
    this.actions = actions;
    this.counts = counts;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(CORRECTIVE_ACTION_ID)).longValue();
    CorrectiveAction action = actions.get(id);
    Cause cause = new Cause(action.causeKind(), action.causeCode());
    OffsetDateTime implemented = action.implementedAt();
    OffsetDateTime now = EngineClock.now();
    OffsetDateTime before = implemented.minus(Period.parse(settings.effectivenessPeriod()));
    double rateBefore = rate(counts.count(cause, before, implemented), before, implemented);
    double rateAfter = rate(counts.count(cause, implemented, now), implemented, now);
    boolean effective = isEffective(rateBefore, rateAfter, settings.requiredReduction());
    actions.recordEffectiveness(id, rateBefore, rateAfter, effective);
    execution.setVariable(ACTION_EFFECTIVE, effective);
  }

  static boolean isEffective(double rateBefore, double rateAfter, double requiredReduction) {
    if (rateBefore == 0) {
      return rateAfter == 0;
    }
    return rateAfter <= rateBefore * (1 - requiredReduction);
  }

  /** Complaints per day. */
  static double rate(long complaints, OffsetDateTime from, OffsetDateTime to) {
    double days = Math.max(1.0, Duration.between(from, to).toMinutes() / 1440.0);
    return complaints / days;
  }
}
