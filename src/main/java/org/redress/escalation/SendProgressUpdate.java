package org.redress.escalation;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.EventType;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_SendProgressUpdate (7.3): while the complaint is open, the complainant hears where it stands
 * at each pre-set interval.
 */
@Component("sendProgressUpdate")
class SendProgressUpdate implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public SendProgressUpdate(ComplainantNotifier notifier, ComplaintRepository complaints, CaseEvents events) {
    this.notifier = notifier;
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintState state = complaints.state(CaseEvents.reference(execution));
    String due = state.responseDueAt() == null ? "" : state.responseDueAt().toLocalDate().toString();
    notifier.send(execution, ComplainantMessage.PROGRESS_UPDATE,
        Map.of("status", state.status().plainWords(), "responseDue", due));
    complaints.markProgressUpdateSent(state.reference());
    events.record(execution, EventType.PROGRESS_UPDATE_SENT, "Progress update: " + state.status().plainWords(),
        Map.of("status", state.status().name()));
  }
}
