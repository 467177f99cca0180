package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseCorrectiveAction (8.7): the action worked; its cause is free for future proposals. */
@Component("closeCorrectiveAction")
class CloseCorrectiveAction implements JavaDelegate {

  private final CorrectiveActions actions;

  public CloseCorrectiveAction(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.close(((Number) execution.getVariable(CORRECTIVE_ACTION_ID)).longValue());
  }
}
