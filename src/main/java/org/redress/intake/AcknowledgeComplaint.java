package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.RESPONSE_DUE_DATE;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
public class AcknowledgeComplaint implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public AcknowledgeComplaint(ComplainantNotifier notifier, ComplaintRepository complaints, CaseEvents events) {
    this.notifier = notifier;
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    Date due = (Date) execution.getVariable(RESPONSE_DUE_DATE);
    String targetDate = EngineClock.fromDate(due).toLocalDate().toString();
    notifier.send(execution, ComplainantMessage.ACKNOWLEDGEMENT, Map.of(
        "reference", reference,
        "nextSteps", "A handler reviews the complaint and looks into it; you will hear from us by the target date.",
        "targetDate", targetDate));
    complaints.markAcknowledged(reference);
    events.record(execution, EventType.ACKNOWLEDGED, "Acknowledged; response due by " + targetDate,
        Map.of("targetDate", targetDate));
  }
}
