package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_AnalyseRootCause, on complete (8.7): why the complaints of this cause happen. */
@Component("analyseRootCause")
class AnalyseRootCause implements TaskListener {

  public static final String ANALYSIS = "rootCauseAnalysis";

  private final CorrectiveActions actions;

  public AnalyseRootCause(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    String analysis = new SubmittedForm(task).requiredText(ANALYSIS);
    actions.recordAnalysis(((Number) task.getVariable(CORRECTIVE_ACTION_ID)).longValue(), analysis);
  }
}
