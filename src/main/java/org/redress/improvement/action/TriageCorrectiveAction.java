package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_TriageCorrectiveAction, on complete (8.7): a process owner or manager accepts the proposal,
 * or declines it with a reason. A declined action frees its cause for a later proposal.
 */
@Component("triageCorrectiveAction")
class TriageCorrectiveAction implements TaskListener {

  public static final String ACCEPT = "accept";
  public static final String DECLINE = "decline";
  public static final String DECLINE_REASON = "declineReason";

  private final CorrectiveActions actions;

  public TriageCorrectiveAction(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String decision = form.requiredChoice(TRIAGE_DECISION, List.of(ACCEPT, DECLINE));
    long id = ((Number) task.getVariable(CORRECTIVE_ACTION_ID)).longValue();
    task.getExecution().setVariable(TRIAGE_DECISION, decision);
    if (ACCEPT.equals(decision)) {
      actions.accept(id);
      return;
    }
    // the form shows the reason only when declining, with its minimum length: one source for both
    actions.decline(id, form.requiredText(DECLINE_REASON));
  }
}
