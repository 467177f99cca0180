package org.redress.security;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.RefusedAction;
import org.redress.problem.FieldError;
import org.redress.problem.RefusedRequest;
import org.redress.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor gives a whole case to another handler (ISO 10002 5.4): every open task of the complaint
 * is assigned to them, and they own its next handler steps ({@link CaseOwnership}).
 * <pre>
 * PUT /api/staff/complaints/{reference}/handler   {"assignee": "handler2"}
 *   → {reference, handler, reassigned: [step…], left: [{step, reason}]}
 * </pre>
 * Each task goes through Camunda's assignment, so the candidate-group and objectivity rules decide as
 * they do in Tasklist: a step the new handler may not take (a supervisor's approval, a complaint that
 * names them) stays where it is and is listed under {@code left} with the reason. The hand-over is on
 * the complaint's timeline.
 */
@RestController
@RequestMapping("/api/staff/complaints/{reference}/handler")
@StaffOnly(value = {Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN}, to = "give a complaint to another handler")
class CaseReassignment {

  /** The registering handler's own step (issue 14): not part of the case a supervisor hands over. */
  static final String HAND_OVER_ACCESS_CODE = "Task_HandOverAccessCode";


  record NewHandler(@Text(required = true, max = 64) String assignee) {}

  record LeftStep(String step, String reason) {}

  record Outcome(String reference, String handler, List<String> reassigned, List<LeftStep> left) {}

  private final StaffCaller staff;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Timeline timeline;
  private final TransactionTemplate transaction;

  CaseReassignment(StaffCaller staff, RuntimeService runtime, TaskService tasks, IdentityService identity,
      Timeline timeline, PlatformTransactionManager transactions) {
    this.staff = staff;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.timeline = timeline;
    this.transaction = new TransactionTemplate(transactions);
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Outcome reassign(@PathVariable String reference, @Valid @RequestBody NewHandler body) {
    String supervisor = staff.required().userId();
    String assignee = body.assignee();
    ProcessInstance complaint = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).singleResult();
    if (complaint == null) {
      throw RefusedRequest.notFound("No open complaint " + reference + ".");
    }
    if (identity.createUserQuery().userId(assignee).count() == 0) {
      throw refused("There is no member of staff " + assignee + ".", "no such member of staff");
    }
    Object teamVariable = runtime.getVariable(complaint.getId(), ComplaintVariables.TEAM);
    String team = teamVariable instanceof String value ? value : Roles.HANDLERS;
    List<String> groups = identity.createGroupQuery().groupMember(assignee).list().stream().map(Group::getId).toList();
    if (!groups.contains(team)) {
      throw refused(assignee + " is not one of the " + Roles.label(team) + " who handle complaint " + reference + ".",
          "is not one of the " + Roles.label(team));
    }

    List<String> reassigned = new ArrayList<>();
    List<LeftStep> left = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(complaint.getId()).orderByTaskCreateTime().asc().list()) {
      if (HAND_OVER_ACCESS_CODE.equals(task.getTaskDefinitionKey())) {
        continue; // the reference and code are read out by whoever took the call; that step stays theirs
      }
      if (assignee.equals(task.getAssignee())) {
        reassigned.add(task.getName());
        continue;
      }
      try {
        tasks.setAssignee(task.getId(), assignee);
        reassigned.add(task.getName());
      } catch (ProcessEngineException refusal) {
        left.add(new LeftStep(task.getName(), reason(refusal)));
      }
    }
    runtime.setVariable(complaint.getId(), ComplaintVariables.CASE_HANDLER, assignee);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("handler", assignee);
    details.put("reassigned", reassigned);
    details.put("left", left.stream().map(LeftStep::step).toList());
    transaction.executeWithoutResult(status -> timeline.record(reference, EventType.CASE_REASSIGNED, supervisor,
        "Case given to " + assignee + " by " + supervisor, details, complaint.getId(), null));
    return new Outcome(reference, assignee, reassigned, left);
  }

  /** The sentence of the rule that refused (candidate group, objectivity), not the engine's wrapping. */
  private static String reason(Throwable refusal) {
    for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedAction) {
        return cause.getMessage();
      }
    }
    return "you may not assign this step";
  }

  private static RefusedRequest refused(String detail, String reason) {
    return new RefusedRequest(HttpStatus.BAD_REQUEST, "invalid-request", "Cannot give the complaint to this person",
        detail, List.of(new FieldError("assignee", reason)));
  }
}
