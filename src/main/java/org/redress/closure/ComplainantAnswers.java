package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.COMPLAINANT_ANSWER;
import static org.redress.complaint.ComplaintVariables.COMPLAINANT_REASON;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complainant answers the decision themselves (ISO 10002 7.9) — on the status page or through
 * the API. The open Task_RecordComplainantAnswer is completed as actor {@code complainant} through
 * the task's own form submission, so {@link RecordComplainantAnswer} checks and records it exactly
 * as when a handler enters the answer in Tasklist.
 */
@Service
public class ComplainantAnswers {

  private final TaskService tasks;
  private final FormService forms;
  private final TransactionTemplate transaction;

  public ComplainantAnswers(TaskService tasks, FormService forms, TransactionTemplate transaction) {
    this.tasks = tasks;
    this.forms = forms;
    this.transaction = transaction;
  }

  /** Records the complainant's answer, already checked as a {@link DecisionAnswer}. */
  public void answer(String reference, DecisionAnswer answer) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintTracking.ANSWER_TASK).singleResult();
    if (task == null) {
      throw new NotAwaited();
    }
    Map<String, Object> values = new HashMap<>();
    values.put(COMPLAINANT_ANSWER, answer.accepts() ? RecordComplainantAnswer.ACCEPTED : RecordComplainantAnswer.REJECTED);
    if (answer.reason() != null) {
      values.put(COMPLAINANT_REASON, answer.reason());
    }
    try {
      transaction.executeWithoutResult(status -> {
        // the timeline's actor is the assignee when nobody is logged in (CaseEvents.actor)
        tasks.setAssignee(task.getId(), Actors.COMPLAINANT);
        forms.submitTaskForm(task.getId(), values);
      });
    } catch (InvalidSubmissionException refused) {
      String field = COMPLAINANT_REASON.equals(refused.field()) ? "reason" : "answer";
      throw SubmissionRefused.of(field, refused.reason());
    }
  }

  /** No decision is waiting for the complainant's answer. */
  public static class NotAwaited extends RefusedRequest {
    public NotAwaited() {
      super(HttpStatus.CONFLICT, "conflict", "Not possible now", "No decision is waiting for your answer on this complaint.");
    }
  }
}
