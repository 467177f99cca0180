package org.redress.assessment;

import static org.redress.complaint.ComplaintVariables.IMMEDIATE_ACTION_TAKEN;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_TakeImmediateAction, on complete (7.5): records the immediate action taken. */
@Component("takeImmediateAction")
class TakeImmediateAction implements TaskListener {

  private final CaseEvents events;

  public TakeImmediateAction(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    String action = new SubmittedForm(task).requiredText(IMMEDIATE_ACTION_TAKEN);
    events.record(task, EventType.IMMEDIATE_ACTION_TAKEN, "Immediate action taken: " + action,
        Map.of("action", action));
  }
}
