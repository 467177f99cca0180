package org.redress.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.engine.Actors;
import org.redress.engine.EveryUserTaskListener;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.RefusedAction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ISO 10002 4.7 objectivity as one rule, enforced by the engine when a task is claimed, assigned
 * or completed — for every user task of a complaint:
 *
 * <ul>
 *   <li>staff the complaint names may take none of its tasks ({@link NamedStaff});
 *   <li>{@code Task_ApproveResponse}: not whoever proposed any version of the response;
 *   <li>{@code Task_ReviewDecision} (internal review): not whoever investigated, proposed, sent back,
 *       approved or otherwise decided on the complaint.
 * </ul>
 *
 * Who touched the case is read from its timeline ({@link #INVOLVEMENT}: the events that exclude
 * their actor from a task), not from process variables. A refusal at claim or assign throws, so the
 * engine rolls the assignment back and the task stays free; the attempt is recorded on the timeline
 * in a separate transaction, so it survives. Added to every user task by
 * {@link org.redress.engine.EveryUserTaskListenersPlugin}. The assignee a process sets itself as it
 * creates a task is not checked here (Redress asks {@link #refusal} before it chooses one).
 */
@Component
class ObjectivityRule implements EveryUserTaskListener, TaskEligibility {

  /** {@link TaskEntity#getTaskState()} while the task is being created (Camunda's TaskState is not public API). */
  private static final String CREATED = "Created";

  /** The rule as data: per task, the timeline events whose actors may not take it. */
  static final Map<String, Set<EventType>> INVOLVEMENT = Map.of(
      "Task_ApproveResponse", EnumSet.of(EventType.RESPONSE_PROPOSED),
      "Task_ReviewDecision", EnumSet.of(EventType.INVESTIGATED, EventType.RESPONSE_PROPOSED,
          EventType.RESPONSE_SENT_BACK, EventType.RESPONSE_APPROVED, EventType.INTERNAL_REVIEW_COMPLETED));

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
  public List<String> events() {
    return List.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
  }

  @Override
  public Optional<String> refusal(DelegateTask task, String userId) {
    String reference = reference(task);
    if (reference == null || userId == null) {
      return Optional.empty();
    }
    String actor = Actors.current(task.getProcessEngineServices());
    String who = userId.equals(actor) ? "You" : displayName(task, userId);
    String be = userId.equals(actor) ? "are" : "is";
    if (namedStaff.isNamed(reference, userId)) {
      return Optional.of(who + " " + be + " named in this complaint and may not work on it; a colleague who is"
          + " not named must take this step.");
    }
    Set<EventType> excluding = INVOLVEMENT.get(task.getTaskDefinitionKey());
    if (excluding == null) {
      return Optional.empty();
    }
    Optional<EventType> involvement = timeline.of(reference).stream()
        .filter(event -> excluding.contains(event.type()) && userId.equals(event.actor()))
        .map(TimelineEvent::type).findFirst();
    if (involvement.isEmpty()) {
      return Optional.empty();
    }
    if ("Task_ApproveResponse".equals(task.getTaskDefinitionKey())) {
      return Optional.of(who + " proposed this response and may not approve it; another supervisor must take"
          + " this step.");
    }
    return Optional.of(who + " " + did(involvement.get()) + " and may not do its internal review; it must be done by"
        + " someone who was not involved in the decision.");
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = reference(task);
    if (reference == null) {
      return;
    }
    String actor = Actors.current(task.getProcessEngineServices());
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee == null) {
        return; // giving a task back is always allowed
      }
      if (task instanceof TaskEntity entity && CREATED.equals(entity.getTaskState())) {
        return; // the process's own assignee, as the task is created
      }
      String attempt = assignee.equals(actor) ? "claim" : "assign to " + assignee;
      Optional<String> refused = refusal(task, assignee);
      if (refused.isEmpty() && !assignee.equals(actor) && namedStaff.isNamed(reference, actor)) {
        refused = Optional.of("You are named in this complaint and may not give its tasks to anyone; a colleague"
            + " who is not named must do it.");
      }
      if (refused.isPresent()) {
        recordAttempt(task, reference, actor, attempt, refused.get());
        throw new RefusedAction(refused.get());
      }
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String completer = CaseEvents.actor(task);
      Optional<String> refused = refusal(task, completer);
      if (refused.isPresent()) {
        recordAttempt(task, reference, completer, "complete", refused.get());
        throw InvalidSubmissionException.refused(refused.get()); // a 400 from the REST API's submit-form
      }
    }
  }

  private static String reference(DelegateTask task) {
    return task.getExecution() == null ? null
        : (String) task.getExecution().getVariable(ComplaintVariables.REFERENCE);
  }

  private static String did(EventType involvement) {
    return switch (involvement) {
      case INVESTIGATED -> "investigated this complaint";
      case RESPONSE_PROPOSED -> "proposed a response to this complaint";
      case RESPONSE_SENT_BACK, RESPONSE_APPROVED -> "took part in approving the decision on this complaint";
      default -> "decided on this complaint";
    };
  }

  /** A person as others know them (first and last name), never a bare id where a name is known. */
  static String displayName(DelegateTask task, String userId) {
    User user = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private void recordAttempt(DelegateTask task, String reference, String actor, String attempt, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("attempt", attempt);
    details.put("task", task.getTaskDefinitionKey());
    String processInstanceId = task.getProcessInstanceId();
    String activityId = task.getTaskDefinitionKey();
    String step = task.getBpmnModelElementInstance() != null && task.getBpmnModelElementInstance().getName() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
    String summary = "Refused: " + attempt + " on \"" + step + "\" — " + reason;
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
