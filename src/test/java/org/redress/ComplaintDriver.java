package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;

/**
 * Works complaints the way people do in Tasklist — start form, claim, submit task form — and runs
 * the engine's jobs the way the job executor would, one due job at a time.
 */
public class ComplaintDriver {

  private final ProcessEngine engine;
  private final ComplaintRepository complaints;
  private final Timeline timeline;

  public ComplaintDriver(ProcessEngine engine, ComplaintRepository complaints, Timeline timeline) {
    this.engine = engine;
    this.complaints = complaints;
    this.timeline = timeline;
  }

  /** A simple, low-severity complaint as a handler would register it from a phone call. */
  public static Map<String, Object> phoneComplaint() {
    Map<String, Object> form = new HashMap<>();
    form.put("channel", "phone");
    form.put("complainantName", "Jane Doe");
    form.put("complainantEmail", "jane.doe+" + System.nanoTime() + "@example.org");
    form.put("complainantPhone", "+49 30 1234567");
    form.put("preferredChannel", "email");
    form.put("preferredLanguage", "en");
    form.put("productOrService", "Broadband " + System.nanoTime());
    form.put("orderReference", "ORD-4711");
    form.put("description", "My invoice for October shows a late fee although I paid on time.");
    form.put("remedyRequested", "Remove the late fee.");
    form.put("amountAtStake", 12.5);
    form.put("safetyConcern", false);
    form.put("legalOrRegulatory", false);
    return form;
  }

  public static Map<String, Object> with(Map<String, Object> form, Object... keyValues) {
    Map<String, Object> copy = new HashMap<>(form);
    for (int i = 0; i < keyValues.length; i += 2) {
      copy.put((String) keyValues[i], keyValues[i + 1]);
    }
    return copy;
  }

  /** Registers through the start form as {@code user}; returns the process instance after receipt. */
  public ProcessInstance register(String user, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).latestVersion().singleResult().getId();
    return as(user, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  /** Registers and runs the jobs up to the first tasks (assessment, acknowledgement). */
  public ProcessInstance registerAndAssess(String user, Map<String, Object> form) {
    ProcessInstance instance = register(user, form);
    runDueJobs(instance);
    return instance;
  }

  /** The running process instance of a complaint, by its reference (the business key). */
  public ProcessInstance byReference(String reference) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(instance).as("running complaint " + reference).isNotNull();
    return instance;
  }

  /**
   * The handler side of a simple complaint, from receipt to the decision sent to the complainant:
   * runs the assessment and acknowledgement, confirms a low severity, proposes a response.
   */
  public ProcessInstance bringToDecision(String reference, boolean actionRequired) {
    ProcessInstance instance = byReference(reference);
    runDueJobs(instance);
    complete(instance, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    complete(instance, "Task_ProposeResponse", "handler",
        "responseRemedy", "We remove the late fee and credit EUR 12.50.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", actionRequired);
    task(instance, "Task_RecordComplainantAnswer");
    return instance;
  }

  /**
   * The handler side of a high complaint up to the supervisors' approval: confirms a high severity,
   * investigates, proposes a response without agreed action. Returns the id of the *Approve response* task.
   */
  public String bringToApproval(ProcessInstance instance) {
    complete(instance, "Task_ReviewAssessment", "handler", "severity", "high", "responseTarget", "P5D");
    complete(instance, "Task_InvestigateComplaint", "handler", "findings",
        "The contract was cancelled without notice by our sales partner.", "rootCause", "third-party",
        "complaintJustified", "justified");
    complete(instance, "Task_ProposeResponse", "handler", "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "preventiveAction", "Bank interface fixed.", "actionRequired", false);
    return task(instance, "Task_ApproveResponse").getId();
  }

  public String reference(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
  }

  /** Executes every job of the instance that is due now, until none is left. */
  public int runDueJobs(ProcessInstance instance) {
    int executed = 0;
    while (true) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
      executed++;
      assertThat(executed).as("runaway jobs").isLessThan(100);
    }
  }

  /**
   * Executes every due job of the instance and of the processes it called (ask-the-complainant), until
   * none is left.
   */
  public void runDueJobsWithCalled(ProcessInstance instance) {
    for (int executed = 0; executed < 100; executed++) {
      List<String> instances = new java.util.ArrayList<>(List.of(instance.getId()));
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
          .forEach(called -> instances.add(called.getId()));
      List<Job> due = instances.stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).executable().active().list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
    }
    throw new AssertionError("runaway jobs");
  }

  public Task task(ProcessInstance instance, String taskDefinitionKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
    return task;
  }

  /**
   * Claims and submits the task form as {@code user}, then runs the jobs that became due. A step that
   * case ownership gave to someone else is first handed to {@code user}, as a supervisor would.
   */
  public void complete(ProcessInstance instance, String taskDefinitionKey, String user, Object... keyValues) {
    Task task = task(instance, taskDefinitionKey);
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      engine.getTaskService().setAssignee(task.getId(), null);
    }
    Map<String, Object> values = with(defaults(taskDefinitionKey), keyValues);
    as(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
    runDueJobs(instance);
  }

  /** What a handler must choose in a form but a test need not care about: a valid category (8.2). */
  static Map<String, Object> defaults(String taskDefinitionKey) {
    Map<String, Object> defaults = new HashMap<>();
    if ("Task_ReviewAssessment".equals(taskDefinitionKey)) {
      defaults.put("category", "other");
    }
    return defaults;
  }

  public <T> T as(String user, java.util.function.Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user,
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public void moveClockTo(Date date) {
    ClockUtil.setCurrentTime(date);
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  public ComplaintState state(ProcessInstance instance) {
    return complaints.state(reference(instance));
  }

  public List<TimelineEvent> timeline(String reference) {
    return timeline.of(reference);
  }

  public List<EventType> eventTypes(String reference) {
    return timeline.of(reference).stream().map(TimelineEvent::type).toList();
  }
}
