package org.redress.improvement.review;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.classification.CodeLists;
import org.redress.complaint.CaseEvents;
import org.redress.engine.SubmittedForm;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.RecordCorrectiveAction;
import org.springframework.stereotype.Component;

/**
 * Task_ConductManagementReview, on complete (8.6): records management's decisions and actions with
 * the review. When management decides on a corrective action, its cause and title are checked here;
 * Task_StartCorrectiveAction then starts it.
 */
@Component("conductManagementReview")
class ConductManagementReview implements TaskListener {

  public static final String REVIEW_DECISIONS = "reviewDecisions";
  public static final String REVIEW_ACTIONS = "reviewActions";

  private final ManagementReviews reviews;
  private final CodeLists codeLists;

  public ConductManagementReview(ManagementReviews reviews, CodeLists codeLists) {
    this.reviews = reviews;
    this.codeLists = codeLists;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String decisions = form.requiredText(REVIEW_DECISIONS);
    String actions = form.optionalText(REVIEW_ACTIONS);
    boolean startAction = form.flag(START_CORRECTIVE_ACTION);
    if (startAction) {
      String kind = form.requiredChoice(RecordCorrectiveAction.CAUSE_KIND, Cause.KINDS);
      form.requiredChoice(RecordCorrectiveAction.CAUSE_CODE, codeLists.activeCodes(kind));
      form.requiredText(RecordCorrectiveAction.ACTION_TITLE);
    }
    task.getExecution().setVariable(START_CORRECTIVE_ACTION, startAction);
    long id = ((Number) task.getVariable(MANAGEMENT_REVIEW_ID)).longValue();
    reviews.complete(id, decisions, actions, CaseEvents.actor(task));
  }
}
