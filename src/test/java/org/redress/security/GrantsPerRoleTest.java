package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.redress.engine.TasklistFilters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: complaint work is authorized by one grant per role on the complaint process, not by rows
 * per complaint or per task (which made every task list slow with the square of the open complaints);
 * which step a person may work is still its candidate group's.
 */
@RedressTest
class GrantsPerRoleTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired SupersededGrants supersededGrants;
  ComplaintDriver driver;
  StaffHttp http;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    http = new StaffHttp(port);
  }

  @Test
  void complaintsReachingTheHandlers_addNoAuthorizationRows() {
    long before = engine.getAuthorizationService().createAuthorizationQuery().count();
    List<ProcessInstance> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(driver.registerAndAssess("handler", phoneComplaint()));
    }
    for (ProcessInstance complaint : started) {
      Task review = driver.task(complaint, "Task_ReviewAssessment");
      assertThat(grantsOn(Resources.PROCESS_INSTANCE, complaint.getId())).as("per-complaint grants").isZero();
      assertThat(grantsOn(Resources.TASK, review.getId())).as("per-task grants").isZero();
    }
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(before);
  }

  @Test
  void handler_seesClaimsAndCompletesTheirTask_overRest_withoutAnyGrantOnIt() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();

    assertThat(http.get("handler", "/engine-rest/task?processInstanceId=" + complaint.getId()).body()).contains(taskId);
    assertThat(http.get("handler", "/engine-rest/process-instance/" + complaint.getId() + "/variables").status())
        .isEqualTo(200);
    assertThat(http.postJson("handler", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "handler")).status())
        .isEqualTo(204);
    assertThat(grantsOn(Resources.TASK, taskId)).as("no grant per claimed task either").isZero();
    assertThat(http.postJson("handler", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
        "severity", Map.of("value", "low"), "responseTarget", Map.of("value", "P15D"),
        "category", Map.of("value", "other")))).status()).isEqualTo(204);
    driver.task(complaint, "Task_ProposeResponse");
  }

  @Test
  void aSupervisorsStep_isRefusedToAHandler_withTheReason_butSupervisorsAssignHandlerSteps() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    Task review = driver.task(complaint, "Task_ReviewAssessment");

    StaffHttp.Response assign = http.postJson("supervisor", "/engine-rest/task/" + review.getId() + "/assignee",
        Map.of("userId", "handler2"));
    assertThat(assign.status()).as("a supervisor gives a handler step to a handler").isEqualTo(204);
    engine.getTaskService().setAssignee(review.getId(), null);

    String approval = driver.bringToApproval(complaint);

    assertThat(http.get("handler", "/engine-rest/task/" + approval).status()).as("seen").isEqualTo(200);
    for (String shared : List.of(TasklistFilters.HIGH_PRIORITY, TasklistFilters.OVERDUE, TasklistFilters.MY_GROUPS_TASKS)) {
      String filterId = engine.getFilterService().createFilterQuery().filterName(shared).singleResult().getId();
      assertThat(http.postJson("handler", "/engine-rest/filter/" + filterId + "/list", Map.of()).body())
          .as("Tasklist's %s offers a handler only their groups' tasks", shared).doesNotContain(approval);
    }
    String highPriority = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.HIGH_PRIORITY)
        .singleResult().getId();
    assertThat(http.postJson("supervisor", "/engine-rest/filter/" + highPriority + "/list", Map.of()).body())
        .contains(approval);
    StaffHttp.Response claim = http.postJson("handler", "/engine-rest/task/" + approval + "/claim",
        Map.of("userId", "handler"));
    assertThat(claim.status()).isEqualTo(400);
    assertThat(claim.body()).contains("\\\"Approve response\\\" is for supervisors, and handler is not one of them.");
    StaffHttp.Response toHandler = http.postJson("supervisor", "/engine-rest/task/" + approval + "/assignee",
        Map.of("userId", "handler2"));
    assertThat(toHandler.status()).isEqualTo(400);
    assertThat(toHandler.body()).contains("handler2 is not one of them");
    assertThat(engine.getTaskService().createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();

    assertThat(http.postJson("supervisor", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "supervisor"))
        .status()).isEqualTo(204);
  }

  @Test
  void supersededGrants_ofOlderVersions_areRemovedAtStart_othersStay() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();
    // what the former CaseAccess listener and Camunda's per-task grant left in existing installations
    Authorization caseAccess = grant(null, Roles.HANDLERS, Resources.PROCESS_INSTANCE, complaint.getId(),
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE_VARIABLE);
    Authorization taskGrant = grant(null, Roles.SUPERVISORS, Resources.TASK, taskId, TaskPermissions.READ,
        TaskPermissions.TASK_WORK);
    // left alone: one person's grant, a group's grant with more permissions, a group without a definition grant
    Authorization personal = grant("handler2", null, Resources.TASK, taskId, TaskPermissions.READ,
        TaskPermissions.TASK_WORK);
    Authorization wider = grant(null, Roles.HANDLERS, Resources.TASK, taskId, TaskPermissions.READ,
        TaskPermissions.UPDATE);
    Authorization otherRole = grant(null, Roles.MANAGEMENT, Resources.TASK, taskId, TaskPermissions.READ,
        TaskPermissions.TASK_WORK);

    supersededGrants.run(null);
    supersededGrants.run(null);

    assertThat(exists(caseAccess)).isFalse();
    assertThat(exists(taskGrant)).isFalse();
    assertThat(exists(personal)).isTrue();
    assertThat(exists(wider)).isTrue();
    assertThat(exists(otherRole)).isTrue();
    for (Authorization left : List.of(personal, wider, otherRole)) {
      engine.getAuthorizationService().deleteAuthorization(left.getId());
    }
  }

  private long grantsOn(Resource resource, String resourceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
        .count();
  }

  private Authorization grant(String userId, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    return engine.getAuthorizationService().saveAuthorization(grant);
  }

  private boolean exists(Authorization authorization) {
    return engine.getAuthorizationService().createAuthorizationQuery().authorizationId(authorization.getId()).count() > 0;
  }
}
