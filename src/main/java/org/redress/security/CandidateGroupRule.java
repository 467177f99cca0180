package org.redress.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.redress.engine.EveryUserTaskListener;
import org.redress.engine.RefusedAction;
import org.springframework.stereotype.Component;

/**
 * A step is worked by its candidate group: handlers see every complaint task (one grant on the
 * complaint process, {@link RoleAuthorizations}, so that task lists cost the same at any number of
 * open complaints), but may only claim, be assigned or complete a task offered to a group they are
 * in (or to them by name). Those who may assign a task to anyone (supervisors, administrators:
 * TASK_ASSIGN on its process) may also work it. Added to every user task by
 * {@link org.redress.engine.EveryUserTaskListenersPlugin}; a refusal answers 400 with a sentence
 * that says whose step it is. Not checked: giving a task back, what happens without a logged-in
 * user (jobs, the complainant answering on the status page), and the assignee a process sets itself
 * when it creates the task.
 */
@Component
class CandidateGroupRule implements EveryUserTaskListener {

  /** {@link TaskEntity#getTaskState()} while the task is being created (Camunda's TaskState is not public API). */
  private static final String CREATED = "Created";

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return; // Redress or the engine itself (jobs, the complainant's answer from the status page)
    }
    boolean assignment = EVENTNAME_ASSIGNMENT.equals(task.getEventName());
    if (assignment && task instanceof TaskEntity entity && CREATED.equals(entity.getTaskState())) {
      return; // the process's own assignee expression (e.g. the corrective action's owner), as the task is created
    }
    String person = assignment ? task.getAssignee() : authentication.getUserId();
    if (person == null || !assignment && person.equals(task.getAssignee())) {
      return; // the assignee completes: checked when they were given the task, or the process gave it to them
    }
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (person.equals(link.getUserId())) {
        return;
      }
      if (link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      }
    }
    if (candidateGroups.isEmpty()) {
      return; // offered to named people only, or to nobody: Camunda's own checks decide
    }
    List<String> groups = groupsOf(person, authentication);
    if (groups.stream().anyMatch(candidateGroups::contains)) {
      return;
    }
    String definitionKey = DefinitionGrantsCoverTasks.definitionKey(task);
    if (definitionKey != null && DefinitionGrantsCoverTasks.holdsOnDefinition(person, groups, definitionKey,
        ProcessDefinitionPermissions.TASK_ASSIGN)) {
      return;
    }
    throw new RefusedAction(refusal(task, candidateGroups, person));
  }

  static String refusal(DelegateTask task, Set<String> candidateGroups, String person) {
    String step = task.getBpmnModelElementInstance() != null && task.getBpmnModelElementInstance().getName() != null
        ? task.getBpmnModelElementInstance().getName() : task.getName();
    String whose = candidateGroups.stream().map(Roles::label).collect(Collectors.joining(" or "));
    return "\"" + step + "\" is for " + whose + ", and " + person + " is not one of them.";
  }

  private static List<String> groupsOf(String person, Authentication authentication) {
    if (person.equals(authentication.getUserId()) && authentication.getGroupIds() != null) {
      return authentication.getGroupIds();
    }
    return DefinitionGrantsCoverTasks.groupsOf(person);
  }
}
