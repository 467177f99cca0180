package org.redress.security;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.RefusedAction;
import org.redress.engine.EveryUserTaskListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ISO 10002 4.7 objectivity, enforced by the engine: staff a complaint names may not claim, be
 * assigned or complete any of its tasks. Added to every user task by {@link org.redress.engine.EveryUserTaskListenersPlugin}
 * (assignment and complete events). A refusal rolls the step back and answers 400; the attempt
 * itself is recorded on the complaint's timeline in a separate transaction, so it survives.
 */
@Component
class ObjectivityRule implements EveryUserTaskListener, TaskEligibility {

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
  }

  public static final String FIELD = "namedStaff";

  private final NamedStaff namedStaff;
  private final Timeline timeline;
  private final TransactionTemplate separateTransaction;

  public ObjectivityRule(NamedStaff namedStaff, Timeline timeline, PlatformTransactionManager transactions) {
    this.namedStaff = namedStaff;
    this.timeline = timeline;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = (String) task.getExecution().getVariable(ComplaintVariables.REFERENCE);
    if (reference == null) {
      return;
    }
    String actor = Actors.current(task.getProcessEngineServices());
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee == null) {
        return; // giving a task back is always allowed
      }
      String named = namedStaff.isNamed(reference, assignee) ? assignee
          : namedStaff.isNamed(reference, actor) ? actor : null;
      if (named != null) {
        String reason = refusal(named, reference);
        recordAttempt(task, reference, actor, assignee.equals(actor) ? "claim" : "assign to " + assignee, named, reason);
        throw new RefusedAction(reason);
      }
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String completer = CaseEvents.actor(task);
      if (namedStaff.isNamed(reference, completer)) {
        String reason = refusal(completer, reference);
        recordAttempt(task, reference, completer, "complete", completer, reason);
        throw new InvalidSubmissionException(FIELD, reason);
      }
    }
  }

  /** As today: staff the complaint names; and the decision maker for the internal review of their decision. */
  @Override
  public Optional<String> refusal(DelegateTask task, String userId) {
    String reference = (String) task.getExecution().getVariable(ComplaintVariables.REFERENCE);
    if (reference == null || userId == null) {
      return Optional.empty();
    }
    if (namedStaff.isNamed(reference, userId)) {
      return Optional.of(refusal(userId, reference));
    }
    if (INTERNAL_REVIEW.equals(task.getTaskDefinitionKey())
        && userId.equals(task.getExecution().getVariable(ComplaintVariables.DECISION_MAKER))) {
      return Optional.of(userId + " made the decision on complaint " + reference
          + "; the internal review must be done by someone else");
    }
    return Optional.empty();
  }

  private static final String INTERNAL_REVIEW = "Task_ReviewDecision";

  private static String refusal(String userId, String reference) {
    return userId + " is named in complaint " + reference
        + " and may not work on it (objectivity); a colleague must take this task";
  }

  private void recordAttempt(DelegateTask task, String reference, String actor, String attempt, String named,
      String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("attempt", attempt);
    details.put("task", task.getTaskDefinitionKey());
    details.put("namedStaff", named);
    String processInstanceId = task.getProcessInstanceId();
    String activityId = task.getTaskDefinitionKey();
    String summary = "Refused: " + attempt + " on \"" + task.getName() + "\" — " + reason;
    Runnable record = () -> separateTransaction.executeWithoutResult(status -> timeline.record(reference,
        EventType.OBJECTIVITY_REFUSAL, actor, summary, details, processInstanceId, activityId));
    // The refused step's transaction may already hold the lock on this complaint's timeline (an
    // event it recorded before the refusal); a separate transaction waiting for it now would wait
    // for ever. It is rolled back anyway: record the attempt once it has.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          record.run();
        }
      });
    } else {
      record.run();
    }
  }
}
