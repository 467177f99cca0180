package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenCorrectiveAction (8.7): the action did not work; the cause is analysed again. */
@Component("reopenCorrectiveAction")
class ReopenCorrectiveAction implements JavaDelegate {

  private final CorrectiveActions actions;

  public ReopenCorrectiveAction(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.reopen(((Number) execution.getVariable(CORRECTIVE_ACTION_ID)).longValue());
  }
}
