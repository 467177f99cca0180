package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.*;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.Actors;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_CloseComplaint (ISO 10002 7.9). Records the outcome, who closed it and when, and the times
 * clause 8 reports on (received → acknowledged → decision → closed); tells the complainant.
 */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

  public static final String ACCEPTED = "accepted";
  public static final String DEEMED_ACCEPTED_OUTCOME = "deemed-accepted";
  public static final String REFERRED_EXTERNALLY = "referred-externally";
  public static final String EXTERNAL_RECOURSE_NOT_PURSUED = "external-recourse-not-pursued";

  private final ComplaintRepository complaints;
  private final ComplainantNotifier notifier;
  private final CaseEvents events;

  public CloseComplaint(ComplaintRepository complaints, ComplainantNotifier notifier, CaseEvents events) {
    this.complaints = complaints;
    this.notifier = notifier;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    String outcome = outcome(execution);
    Object closingActor = execution.getVariable(CLOSING_ACTOR);
    String closedBy = closingActor == null ? Actors.SYSTEM : closingActor.toString();

    notifier.send(execution, ComplainantMessage.CLOSURE, Map.of("outcome", outcome));
    complaints.close(reference, outcome, closedBy);

    Complaint complaint = complaints.get(reference);
    ComplaintState state = complaints.state(reference);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", outcome);
    details.put("closedBy", closedBy);
    details.put("decisionReviewed", state.decisionReviewed());
    details.put("escalated", state.escalated());
    if (state.acknowledgedAt() != null) {
      details.put("timeToAcknowledge", Duration.between(complaint.receivedAt(), state.acknowledgedAt()).toString());
    }
    if (state.decisionCommunicatedAt() != null) {
      details.put("timeToDecision", Duration.between(complaint.receivedAt(), state.decisionCommunicatedAt()).toString());
    }
    details.put("timeToClose", Duration.between(complaint.receivedAt(), EngineClock.now()).toString());
    events.record(execution, EventType.CLOSED, "Complaint closed: " + outcome, details);
  }

  private static String outcome(DelegateExecution execution) {
    Object recourse = execution.getVariable(RECOURSE_TAKEN);
    if (RecordExternalRecourse.REFERRED.equals(recourse)) {
      return REFERRED_EXTERNALLY;
    }
    if (RecordExternalRecourse.NOT_PURSUED.equals(recourse)) {
      return EXTERNAL_RECOURSE_NOT_PURSUED;
    }
    return Boolean.TRUE.equals(execution.getVariable(DEEMED_ACCEPTED)) ? DEEMED_ACCEPTED_OUTCOME : ACCEPTED;
  }
}
