package org.redress.closure;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_InformOfExternalRecourse (7.9): the reviewed decision was rejected too, so the complainant is
 * told where else to turn: ISO 10003 dispute resolution, the ombudsman, the regulator.
 */
@Component("informOfExternalRecourse")
class InformOfExternalRecourse implements JavaDelegate {

  static final String OPTIONS = "ISO 10003 external dispute resolution, the ombudsman, the regulator, the courts";

  private final ComplainantNotifier notifier;
  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public InformOfExternalRecourse(ComplainantNotifier notifier, ComplaintRepository complaints, CaseEvents events) {
    this.notifier = notifier;
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.send(execution, ComplainantMessage.EXTERNAL_RECOURSE, Map.of("options", OPTIONS));
    complaints.changeStatus(CaseEvents.reference(execution), ComplaintStatus.EXTERNAL_RECOURSE);
    events.record(execution, EventType.EXTERNAL_RECOURSE_OFFERED, "External recourse offered: " + OPTIONS,
        Map.of("options", OPTIONS));
  }
}
