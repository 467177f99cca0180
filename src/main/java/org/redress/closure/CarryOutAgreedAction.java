package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.ACTION_TAKEN;
import static org.redress.complaint.ComplaintVariables.CLOSING_ACTOR;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_CarryOutAgreedAction, on complete (7.9): what was done to carry out the accepted decision. */
@Component("carryOutAgreedAction")
class CarryOutAgreedAction implements TaskListener {

  private final CaseEvents events;

  public CarryOutAgreedAction(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    String action = new SubmittedForm(task).requiredText(ACTION_TAKEN);
    task.getExecution().setVariable(CLOSING_ACTOR, CaseEvents.actor(task));
    events.record(task, EventType.AGREED_ACTION_CARRIED_OUT, "Agreed action carried out: " + action,
        Map.of("action", action));
  }
}
