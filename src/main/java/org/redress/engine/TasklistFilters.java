package org.redress.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist starts with no filters, so a new user would see an empty list. These are created at
 * start-up when missing (by name), all sorted by priority, then due date: four for every role, and one
 * per kind of work of management, process owners and auditors (which roles read which filter is
 * security.RoleAuthorizations').
 */
@Component
@Order(3)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "My groups' tasks";
  public static final String OVERDUE = "Overdue";
  public static final String HIGH_PRIORITY = "High priority";
  public static final int HIGH_PRIORITY_FROM = 75;
  /** Management reviews (8.6): management's. */
  public static final String MANAGEMENT_REVIEWS = "Management reviews";
  /** Corrective actions (8.7): process owners' and management's. */
  public static final String CORRECTIVE_ACTIONS = "Corrective actions";
  /** The audit of sampled closed complaints (8.5): auditors'. */
  public static final String AUDIT_SAMPLES = "Audit samples";

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    createIfMissing(MY_TASKS, -10, "Complaint tasks assigned to me",
        sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    createIfMissing(MY_GROUPS_TASKS, -5, "Complaint tasks of my groups, claimed or not",
        sorted(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
    // Handlers may see every complaint task (one grant on the process, not one per task), so these two
    // offer only the tasks of the caller's groups, like "My groups' tasks"; older installations get the
    // restriction added to the filters they already have.
    ensureOfMyGroups(OVERDUE, 0, "Tasks of my groups past their due date",
        sorted(ofMyGroups(tasks.createTaskQuery().dueBeforeExpression("${now()}"))));
    ensureOfMyGroups(HIGH_PRIORITY, 5, "Tasks of my groups with priority " + HIGH_PRIORITY_FROM + " or more",
        sorted(ofMyGroups(tasks.createTaskQuery().taskMinPriority(HIGH_PRIORITY_FROM))));
    // the work of the improvement processes, by process id (processes/*.bpmn), claimed or not
    createIfMissing(MANAGEMENT_REVIEWS, 10, "Management reviews to conduct (ISO 10002 8.6)",
        sorted(ofMyGroups(tasks.createTaskQuery().processDefinitionKey("management-review"))), List.of());
    createIfMissing(CORRECTIVE_ACTIONS, 15, "Corrective actions to triage, analyse, plan and implement (ISO 10002 8.7)",
        sorted(ofMyGroups(tasks.createTaskQuery().processDefinitionKey("corrective-action"))), List.of());
    createIfMissing(AUDIT_SAMPLES, 20, "Closed complaints drawn for audit (ISO 10002 8.5)",
        sorted(ofMyGroups(tasks.createTaskQuery().processDefinitionKey("audit-sampling"))), List.of());
  }

  private static TaskQuery ofMyGroups(TaskQuery query) {
    return query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private void ensureOfMyGroups(String name, int position, String description, TaskQuery query) {
    for (Filter filter : filters.createFilterQuery().filterName(name).list()) {
      TaskQueryImpl existing = filter.getQuery();
      if (existing.getExpressions().get("taskCandidateGroupIn") == null) {
        filter.setQuery(query);
        filter.setProperties(with(filter.getProperties(), "description", description));
        filters.saveFilter(filter);
      }
    }
    createIfMissing(name, position, description, query);
  }

  private static Map<String, Object> with(Map<String, Object> properties, String key, Object value) {
    Map<String, Object> copy = new java.util.HashMap<>(properties == null ? Map.of() : properties);
    copy.put(key, value);
    return copy;
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private void createIfMissing(String name, int position, String description, TaskQuery query) {
    // the reference is already in every task name; severity helps pick the next complaint task
    createIfMissing(name, position, description, query, List.of(Map.of("name", "severity", "label", "Severity")));
  }

  private void createIfMissing(String name, int position, String description, TaskQuery query,
      List<Map<String, String>> variables) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "priority", position,
            "description", description,
            "refresh", true,
            "variables", variables));
    filters.saveFilter(filter);
  }
}
