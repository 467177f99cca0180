package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.Actors;
import org.redress.escalation.HandlingTimes;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Task_DeemDecisionAccepted (7.9): the complainant did not answer within the stated time, so the
 * decision counts as accepted — recorded as such, never as an explicit acceptance.
 */
@Component("deemDecisionAccepted")
class DeemDecisionAccepted implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;

  public DeemDecisionAccepted(ComplaintRepository complaints, CaseEvents events, HandlingTimes times, WorkingCalendar calendar) {
    this.complaints = complaints;
    this.events = events;
    this.times = times;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DEEMED_ACCEPTED, true);
    execution.setVariable(CLOSING_ACTOR, Actors.SYSTEM);
    execution.setVariable(ACTION_DUE_DATE, calendar.after(EngineClock.nowDate(), times.agreedActionPeriod()));
    complaints.markDeemedAccepted(CaseEvents.reference(execution));
    events.record(execution, EventType.DECISION_DEEMED_ACCEPTED,
        "No answer within " + times.answerPeriod() + ": the decision is deemed accepted",
        Map.of("answerPeriod", times.answerPeriod()));
  }
}
