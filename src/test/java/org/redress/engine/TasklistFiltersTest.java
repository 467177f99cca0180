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

/** Tasklist is usable on first login: the four filters exist once, sorted by priority then due date. */
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
  void filtersShowTheSeverityInTheList() {
    Map<String, Object> properties = filter(TasklistFilters.MY_GROUPS_TASKS).getProperties();
    assertThat(properties.get("variables").toString()).contains("severity");
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }
}
