package org.redress.escalation;

import static org.redress.complaint.ComplaintVariables.ESCALATION_NOTES;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_SuperviseEscalatedComplaint, on complete (4.15): what the supervisor did about it. */
@Component("superviseEscalatedComplaint")
class SuperviseEscalatedComplaint implements TaskListener {

  private final CaseEvents events;

  public SuperviseEscalatedComplaint(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    String notes = new SubmittedForm(task).requiredText(ESCALATION_NOTES);
    events.record(task, EventType.ESCALATION_HANDLED, "Escalation handled: " + notes, Map.of("notes", notes));
  }
}
