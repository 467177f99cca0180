package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.RESPONSE_DUE_DATE;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_AcknowledgeComplaint (ISO 10002 7.4). Sends the acknowledgement with the reference, what
 * happens next and the target date. Async before and after in the BPMN: a failing channel is
 * retried, and a later failure never sends it twice.
 */
@Component("acknowledgeComplaint")
class AcknowledgeComplaint implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final AccessCodes accessCodes;

  public AcknowledgeComplaint(ComplainantNotifier notifier, ComplaintRepository complaints, CaseEvents events,
      AccessCodes accessCodes) {
    this.notifier = notifier;
    this.accessCodes = accessCodes;
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    Date due = (Date) execution.getVariable(RESPONSE_DUE_DATE);
    String targetDate = EngineClock.fromDate(due).toLocalDate().toString();
    Map<String, Object> facts = new HashMap<>(Map.of(
        "reference", reference,
        "nextSteps", "A handler reviews the complaint and looks into it; you will hear from us by the target date.",
        "targetDate", targetDate));
    // Complaints registered by staff or e-mail have no access code yet: the acknowledgement brings it
    // (only when it reaches the complainant in person; a retry issues a fresh one with the letter).
    if (!accessCodes.hasCode(reference) && notifier.reachesComplainantDirectly(complaints.get(reference))) {
      facts.put(ComplainantNotifier.ACCESS_CODE, accessCodes.issue(reference));
    }
    notifier.send(execution, ComplainantMessage.ACKNOWLEDGEMENT, facts);
    complaints.markAcknowledged(reference);
    events.record(execution, EventType.ACKNOWLEDGED, "Acknowledged; response due by " + targetDate,
        Map.of("targetDate", targetDate));
  }
}
