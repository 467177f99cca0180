package org.redress.improvement.review;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.engine.Actors;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.CorrectiveActionStarter;
import org.redress.improvement.action.CorrectiveActions;
import org.redress.improvement.action.RecordCorrectiveAction;
import org.springframework.stereotype.Component;

/**
 * Task_StartCorrectiveAction (8.6 → 8.7): the corrective action management decided on, linked to
 * the review. When one is already open for that cause, that action stands and the review says so.
 */
@Component("startCorrectiveAction")
class StartCorrectiveAction implements JavaDelegate {

  public static final String STARTED_ACTION = "startedCorrectiveAction";

  private final CorrectiveActions actions;
  private final CorrectiveActionStarter starter;

  public StartCorrectiveAction(CorrectiveActions actions, CorrectiveActionStarter starter) {
    this.actions = actions;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Cause cause = new Cause((String) execution.getVariable(RecordCorrectiveAction.CAUSE_KIND),
        (String) execution.getVariable(RecordCorrectiveAction.CAUSE_CODE));
    long reviewId = ((Number) execution.getVariable(MANAGEMENT_REVIEW_ID)).longValue();
    String by = Actors.current(execution.getProcessEngineServices());
    String reason = "Decided in management review MR-" + reviewId;
    long id = actions.propose(cause, (String) execution.getVariable(RecordCorrectiveAction.ACTION_TITLE), reason, by,
            reviewId)
        .map(created -> {
          starter.start(execution.getProcessEngineServices(), created);
          return created;
        })
        .orElseGet(() -> actions.openFor(cause).orElseThrow().id());
    execution.setVariable(STARTED_ACTION, CorrectiveActionStarter.businessKey(id));
  }
}
