package org.redress.security;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.ComplaintVariables;
import org.redress.engine.EveryUserTaskListener;
import org.springframework.stereotype.Component;

/**
 * ISO 10002 5.4: a complaint has one handler from step to step. The member of the complaint's team
 * who completes one of its handler steps (a task offered to the team, {@code ${team}}) owns the case
 * ({@link ComplaintVariables#CASE_HANDLER}); each later handler step is assigned to them as it is
 * created, so it waits in their "My tasks" instead of the group queue. Not assigned: steps offered to
 * another group (a supervisor's approval or internal review stays in the supervisors' queue), and steps
 * {@link TaskEligibility} refuses them (the objectivity rule) — those wait in the queue for a colleague.
 * A supervisor gives the whole case to someone else with {@link CaseReassignment}. Added to every user
 * task by {@link org.redress.engine.EveryUserTaskListenersPlugin}; complaint-handling only.
 */
@Component
class CaseOwnership implements EveryUserTaskListener {

  private final TaskEligibility eligibility;

  CaseOwnership(TaskEligibility eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_CREATE, EVENTNAME_COMPLETE);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!ComplaintVariables.PROCESS_KEY.equals(DefinitionGrantsCoverTasks.definitionKey(task))) {
      return;
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String completer = completer(task);
      if (completer != null && isHandlerStep(task) && !isLetterToPost(task) && inTeam(task, completer)) {
        task.getExecution().getProcessInstance().setVariable(ComplaintVariables.CASE_HANDLER, completer);
        takeOpenSteps(task, completer);
      }
    } else if (EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
      String owner = (String) task.getExecution().getVariable(ComplaintVariables.CASE_HANDLER);
      if (owner != null && isHandlerStep(task) && !isLetterToPost(task) && inTeam(task, owner)
          && eligibility.refusal(task, owner).isEmpty()) {
        task.setAssignee(owner);
      }
    }
  }

  /**
   * Handler steps of the same complaint already waiting unclaimed (e.g. the immediate action, which runs
   * beside the assessment review) go to the new owner too: no step of their case is left to re-find.
   */
  private void takeOpenSteps(DelegateTask completed, String owner) {
    TaskService tasks = completed.getProcessEngineServices().getTaskService();
    for (Task open : tasks.createTaskQuery().processInstanceId(completed.getProcessInstanceId()).taskUnassigned().list()) {
      if (!open.getId().equals(completed.getId()) && open instanceof DelegateTask step && isHandlerStep(step)
          && !isLetterToPost(step)
          && eligibility.refusal(step, owner).isEmpty()) {
        tasks.claim(open.getId(), owner);
      }
    }
  }

  /**
   * Posting a letter (a "Send letter" task, Task_Send…Letter) is clerical: it waits in the team's queue for
   * whoever does the post, and whoever posts it does not take over the case.
   */
  static boolean isLetterToPost(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    return key != null && key.startsWith("Task_Send") && key.endsWith("Letter");
  }

  /** The person completing, or null when the engine or the complainant does (no one logged in). */
  private static String completer(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return null;
  }

  /** The complaint's team; handlers until the assessment has chosen one. */
  static String team(DelegateTask task) {
    Object team = task.getExecution().getVariable(ComplaintVariables.TEAM);
    return team instanceof String value && !value.isBlank() ? value : Roles.HANDLERS;
  }

  /** A step offered to the complaint's team. */
  static boolean isHandlerStep(DelegateTask task) {
    String team = team(task);
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && team.equals(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }

  private static boolean inTeam(DelegateTask task, String person) {
    return DefinitionGrantsCoverTasks.groupsOf(person).contains(team(task));
  }
}
