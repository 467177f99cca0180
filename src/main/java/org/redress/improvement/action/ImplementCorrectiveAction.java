package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_ImplementCorrectiveAction, on complete (8.7): the owner reports what was done. From now on
 * the effectiveness period runs.
 */
@Component("implementCorrectiveAction")
class ImplementCorrectiveAction implements TaskListener {

  public static final String IMPLEMENTATION_NOTE = "implementationNote";

  private final CorrectiveActions actions;

  public ImplementCorrectiveAction(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = new SubmittedForm(task).requiredText(IMPLEMENTATION_NOTE);
    actions.markImplemented(((Number) task.getVariable(CORRECTIVE_ACTION_ID)).longValue(), note);
  }
}
