package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.HandlingTimes;
import org.redress.escalation.WorkingCalendar;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_CommunicateDecision (ISO 10002 7.8). Sends the decision with its reasons and the
 * complainant's options — accept, or reject and get an internal review / external recourse — and
 * sets the date by which an answer is expected (no answer by then counts as acceptance, 7.9).
 */
@Component("communicateDecision")
class CommunicateDecision implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;

  public CommunicateDecision(ComplainantNotifier notifier, ComplaintRepository complaints, CaseEvents events,
      HandlingTimes times, WorkingCalendar calendar) {
    this.notifier = notifier;
    this.complaints = complaints;
    this.events = events;
    this.times = times;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date answerDue = calendar.after(EngineClock.nowDate(), times.answerPeriod());
    execution.setVariable(ANSWER_DUE_DATE, answerDue);
    boolean reviewed = Boolean.TRUE.equals(execution.getVariable(DECISION_REVIEWED));

    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("remedy", execution.getVariable(RESPONSE_REMEDY));
    decision.put("explanation", execution.getVariable(RESPONSE_EXPLANATION));
    // only the fields declared public (tracking/PublicFields): the preventive action is an internal note
    decision.put("afterInternalReview", reviewed);
    decision.put("answerBy", EngineClock.fromDate(answerDue).toLocalDate().toString());
    decision.put("options", reviewed
        ? "Accept, or reject and be told of external recourse (ISO 10003 dispute resolution, ombudsman, regulator)"
        : "Accept, or reject with your reason to get an internal review by someone else");

    notifier.send(execution, ComplainantMessage.DECISION, decision);
    String reference = CaseEvents.reference(execution);
    complaints.markDecisionCommunicated(reference);
    complaints.decisionClock(reference).ifPresent(clock ->
        complaints.recordDecisionWorkingTime(reference, DecisionWorkingTime.seconds(calendar, clock)));
    events.record(execution, EventType.DECISION_COMMUNICATED,
        (reviewed ? "Decision after internal review sent: " : "Decision sent: ") + decision.get("remedy"), decision);
  }
}
