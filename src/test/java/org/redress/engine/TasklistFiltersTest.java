package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist is usable on first login: the four shared filters exist once, sorted by priority then due
 * date, and management, process owners and auditors each see the filters of their own work.
 */
@RedressTest
class TasklistFiltersTest {

  @Autowired FilterService filters;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  @Test
  void theFourFiltersExistOnce_evenAfterAnotherStart() {
    tasklistFilters.run(null);

    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.HIGH_PRIORITY)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }

  @Test
  void myGroupsTasks_showsTheHandlersWork_highestPriorityFirst_andMyTasksWhatIClaimed() {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance low = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    ProcessInstance critical = driver.registerAndAssess("handler", ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "description", "Smoke came out of the charger and it burnt the table."));

    List<Task> groupTasks = driver.as("handler2", () -> filters.<Task>list(filter(TasklistFilters.MY_GROUPS_TASKS).getId()));
    List<String> order = groupTasks.stream().map(Task::getProcessInstanceId)
        .filter(id -> id.equals(low.getId()) || id.equals(critical.getId())).distinct().toList();
    assertThat(order).containsExactly(critical.getId(), low.getId());
    assertThat(groupTasks).isSortedAccordingTo((a, b) -> Integer.compare(b.getPriority(), a.getPriority()));

    Task review = driver.task(low, "Task_ReviewAssessment");
    engine.getTaskService().claim(review.getId(), "handler2");
    List<Task> mine = driver.as("handler2", () -> filters.<Task>list(filter(TasklistFilters.MY_TASKS).getId()));
    assertThat(mine).extracting(Task::getId).contains(review.getId());
    assertThat(driver.as("handler", () -> filters.<Task>list(filter(TasklistFilters.MY_TASKS).getId())))
        .extracting(Task::getId).doesNotContain(review.getId());

    List<Task> high = driver.as("handler2", () -> filters.<Task>list(filter(TasklistFilters.HIGH_PRIORITY).getId()));
    assertThat(high).allMatch(t -> t.getPriority() >= TasklistFilters.HIGH_PRIORITY_FROM)
        .extracting(Task::getProcessInstanceId).contains(critical.getId()).doesNotContain(low.getId());
  }

  @Test
  void eachRoleSeesTheFiltersOfItsWork_andOnlyThose() {
    tasklistFilters.run(null);
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    List<String> shared = List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.HIGH_PRIORITY);
    Map<String, List<String>> expected = Map.of(
        "handler", shared,
        "supervisor", shared,
        "manager", plus(shared, TasklistFilters.MANAGEMENT_REVIEWS, TasklistFilters.CORRECTIVE_ACTIONS),
        "owner", plus(shared, TasklistFilters.CORRECTIVE_ACTIONS),
        "auditor", plus(shared, TasklistFilters.AUDIT_SAMPLES));

    expected.forEach((user, names) -> {
      // what Tasklist lists: the filters the user may read, in the order of their "priority" property
      List<Filter> visible = driver.as(user, () -> filters.createTaskFilterQuery().list());
      List<String> inOrder = visible.stream()
          .sorted(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
          .map(Filter::getName).toList();
      assertThat(inOrder).as(user).containsExactlyElementsOf(names);
    });
  }

  @Test
  void managementReviewsAndCorrectiveActions_listTheirTasks_forTheRolesThatWorkThem() {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    var repository = engine.getRepositoryService();
    String review = repository.createProcessDefinitionQuery().processDefinitionKey("management-review").latestVersion()
        .singleResult().getId();
    ProcessInstance reviewing = driver.as("manager", () -> engine.getFormService().submitStartForm(review,
        Map.of("periodStart", "2030-01-01", "periodEnd", "2030-01-31")));
    driver.runDueJobs(reviewing);
    Task conduct = driver.task(reviewing, "Task_ConductManagementReview");
    String action = repository.createProcessDefinitionQuery().processDefinitionKey("corrective-action").latestVersion()
        .singleResult().getId();
    ProcessInstance proposed = driver.as("owner", () -> engine.getFormService().submitStartForm(action, Map.of(
        "causeKind", "category", "causeCode", "billing", "actionTitle", "Fewer late fees",
        "actionReason", "Many customers complain about late fees.")));
    driver.runDueJobs(proposed);
    Task triage = driver.task(proposed, "Task_TriageCorrectiveAction");

    assertThat(listed("manager", TasklistFilters.MANAGEMENT_REVIEWS)).contains(conduct.getId()).doesNotContain(triage.getId());
    assertThat(listed("manager", TasklistFilters.CORRECTIVE_ACTIONS)).contains(triage.getId()).doesNotContain(conduct.getId());
    assertThat(listed("owner", TasklistFilters.CORRECTIVE_ACTIONS)).contains(triage.getId());
    TaskQueryForm audit = TaskQueryForm.of(filter(TasklistFilters.AUDIT_SAMPLES));
    assertThat(audit.processKey()).isEqualTo("audit-sampling");
    assertThat(audit.ofMyGroups()).isTrue();
  }

  /** The parts of a filter's task query that say whose work it lists. */
  record TaskQueryForm(String processKey, boolean ofMyGroups) {
    static TaskQueryForm of(Filter filter) {
      org.camunda.bpm.engine.impl.TaskQueryImpl query = filter.getQuery();
      return new TaskQueryForm(query.getProcessDefinitionKey(),
          "${currentUserGroups()}".equals(query.getExpressions().get("taskCandidateGroupIn")));
    }
  }

  private List<String> listed(String user, String filterName) {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    return driver.as(user, () -> filters.<Task>list(filter(filterName).getId())).stream().map(Task::getId).toList();
  }

  private static List<String> plus(List<String> names, String... more) {
    List<String> all = new java.util.ArrayList<>(names);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void filtersShowTheSeverityInTheList() {
    Map<String, Object> properties = filter(TasklistFilters.MY_GROUPS_TASKS).getProperties();
    assertThat(properties.get("variables").toString()).contains("severity");
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }
}
