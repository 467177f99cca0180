package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.security.StaffHttp.ANONYMOUS;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, role by role (ISO 10002 5.4, 4.10), over HTTP exactly as clients call it.
 * 401 = not authenticated, 403 = authenticated but refused by a Camunda authorization. Camunda
 * queries never refuse: they leave out what the caller may not see — those rows say 200 when the
 * complaint's item is in the answer and 404 when it is left out. Management may not even see the
 * complaint process, so starting it is a 404 for them.
 */
@RedressTest
class AccessMatrixTest {

  static final List<String> USERS = List.of(ANONYMOUS, "handler", "supervisor", "owner", "auditor", "manager", "admin");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  StaffHttp http;
  ComplaintDriver driver;

  @BeforeEach
  void setUp() {
    http = new StaffHttp(port);
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  @Test
  void engineRest_withoutCredentials_is401_withABasicChallenge() {
    StaffHttp.Response response = http.get(ANONYMOUS, "/engine-rest/task");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(http.send("handler", "not-the-password", "GET", "/engine-rest/engine", null, null).status())
        .as("the engine list is Camunda's only open call").isEqualTo(200);
  }

  @Test
  void tasks_seeAndWork() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();

    SoftAssertions soft = new SoftAssertions();
    row(soft, "list tasks (GET /task)", user -> http.get(user, "/engine-rest/task?processInstanceId=" + complaint.getId()).status(),
        401, 200, 200, 200, 200, 200, 200);
    row(soft, "the complaint's task in the list", user -> visible(http.get(user,
            "/engine-rest/task/count?processInstanceId=" + complaint.getId())),
        401, 200, 200, 404, 200, 404, 200);
    row(soft, "claim the task for oneself", user -> {
          int status = http.postJson(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status();
          engine.getTaskService().setAssignee(taskId, null);
          return status;
        },
        401, 204, 204, 403, 403, 403, 204);
    row(soft, "reassign the task to someone else", user -> {
          int status = http.postJson(user, "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "handler2")).status();
          engine.getTaskService().setAssignee(taskId, null);
          return status;
        },
        401, 403, 204, 403, 403, 403, 204);
    row(soft, "complete a task (submit its form)", user -> {
          ProcessInstance own = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
          String ownTask = driver.task(own, "Task_ReviewAssessment").getId();
          return http.postJson(user, "/engine-rest/task/" + ownTask + "/submit-form", Map.of("variables", Map.of(
              "severity", Map.of("value", "low"), "responseTarget", Map.of("value", "P15D"),
              "category", Map.of("value", "other")))).status();
        },
        401, 204, 204, 403, 403, 403, 204);
    soft.assertAll();
  }

  @Test
  void tasks_aStepIsForItsGroup() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "amountAtStake", 7500));
    String approval = driver.bringToApproval(complaint);

    SoftAssertions soft = new SoftAssertions();
    row(soft, "a supervisors' step (Approve response) in the task list", user -> visible(http.get(user,
            "/engine-rest/task/count?taskId=" + approval)),
        401, 200, 200, 404, 200, 404, 200);
    // handlers see it (one grant on the complaint process) but the step is the supervisors': 400 with the reason
    row(soft, "claim a supervisors' step", user -> {
          int status = http.postJson(user, "/engine-rest/task/" + approval + "/claim", Map.of("userId", user)).status();
          engine.getTaskService().setAssignee(approval, null);
          return status;
        },
        401, 400, 204, 403, 403, 403, 204);
    soft.assertAll();
  }

  @Test
  void complaints_startAndHistory() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");

    SoftAssertions soft = new SoftAssertions();
    row(soft, "start a complaint from the start form", user -> http.postJson(user,
            "/engine-rest/process-definition/key/complaint-handling/submit-form",
            Map.of("variables", variables(ComplaintDriver.phoneComplaint()))).status(),
        401, 200, 200, 403, 403, 404, 200);
    row(soft, "the complaint in process history", user -> visible(http.get(user,
            "/engine-rest/history/process-instance/count?processInstanceId=" + complaint.getId())),
        401, 404, 200, 404, 200, 404, 200);
    row(soft, "the complaint in the user operation log", user -> visible(http.get(user,
            "/engine-rest/history/user-operation/count?processInstanceId=" + complaint.getId())),
        401, 404, 200, 404, 200, 404, 200);
    row(soft, "the running complaint (GET /process-instance): every complaint passes through the handlers", user -> visible(
            http.get(user, "/engine-rest/process-instance/count?processInstanceIds=" + complaint.getId())),
        401, 200, 200, 404, 200, 404, 200);
    row(soft, "where the complaint stands (GET /process-instance/{id}/activity-instances, Tasklist's diagram)",
        user -> http.get(user, "/engine-rest/process-instance/" + complaint.getId() + "/activity-instances").status(),
        401, 200, 200, 403, 200, 403, 200);
    soft.assertAll();
  }

  @Test
  void deployments() {
    SoftAssertions soft = new SoftAssertions();
    row(soft, "deploy a process (POST /deployment/create)", user -> http.deployLikeModeler(user, "access-matrix-probe",
            Map.of("probe.bpmn", probeProcess(user).getBytes(StandardCharsets.UTF_8))).status(),
        401, 403, 403, 200, 403, 403, 200);
    row(soft, "the process definitions (GET /process-definition)", user -> visible(http.get(user,
            "/engine-rest/process-definition/count?key=complaint-handling")),
        401, 200, 200, 200, 200, 404, 200);
    soft.assertAll();
  }

  @Test
  void redressStaffApi() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    String path = "/api/staff/complaints/" + driver.reference(complaint) + "/personal-data";

    SoftAssertions soft = new SoftAssertions();
    row(soft, "export a complainant's data (GET personal-data)", user -> http.get(user, path).status(),
        401, 403, 200, 403, 403, 403, 200);
    row(soft, "the audit trail (GET /api/staff/audit/complaints/{ref}/history)", user -> http.get(user,
            "/api/staff/audit/complaints/" + driver.reference(complaint) + "/history").status(),
        401, 403, 403, 403, 200, 403, 200);
    row(soft, "a public complainant path needs no staff login", user -> http.get(user, "/api/complaints/none").status(),
        404, 404, 404, 404, 404, 404, 404);
    soft.assertAll();
  }

  @Test
  void caseView_forManagementProcessOwnersAuditorsAndAdministrators_whoTheComplainantIsOnlyForAdministrators() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "complainantName", "Quentin Casereader"));
    String reference = driver.reference(complaint);
    String path = "/staff/cases/" + reference;

    SoftAssertions soft = new SoftAssertions();
    // a browser without a session is sent to Camunda's login (302), then back
    row(soft, "the read-only case view (GET /staff/cases/{ref})", user -> http.page(user, path).status(),
        302, 403, 403, 200, 200, 200, 200);
    soft.assertAll();

    StaffHttp.Response handler = http.page("handler", path);
    assertThat(handler.headers().firstValue("Content-Type")).as("a page, not JSON")
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(handler.body()).contains("Only administrators, auditors, management and process owners may read a complaint");

    StaffHttp.Response manager = http.page("manager", path);
    assertThat(manager.body()).contains("Complaint " + reference, "The complaint as received", "Telephone",
        "Decisions and their reasons", "Assessed", "Timeline", "[personal data withheld]")
        .doesNotContain("Quentin", "case-file.pdf", "/camunda/app/cockpit/", "null");
    StaffHttp.Response owner = http.page("owner", path);
    assertThat(owner.body()).doesNotContain("Quentin", "case-file.pdf").contains("/camunda/app/cockpit/");
    StaffHttp.Response auditor = http.page("auditor", path);
    assertThat(auditor.body()).as("auditors judge the handling, not the person (Auditor.seesPersonalData)")
        .doesNotContain("Quentin").contains("case-file.pdf", "case-file.json", "/camunda/app/cockpit/");
    assertThat(http.page("admin", path).body()).contains("Quentin Casereader", "case-file.pdf");
    assertThat(http.page("manager", "/staff/cases/C-1999-999999").status()).isEqualTo(404);
  }

  @Test
  void webappLogins() {
    SoftAssertions soft = new SoftAssertions();
    // process owners and management work corrective actions and management reviews in Tasklist (8.6, 8.7);
    // auditors their audit-sampling reviews (8.5)
    row(soft, "log in to Tasklist", user -> http.webappLogin(user, user, "tasklist"),
        401, 200, 200, 200, 200, 200, 200);
    row(soft, "log in to Cockpit", user -> http.webappLogin(user, user, "cockpit"),
        401, 403, 403, 200, 200, 403, 200);
    row(soft, "log in to Admin", user -> http.webappLogin(user, user, "admin"),
        401, 403, 403, 403, 403, 403, 200);
    row(soft, "log in at all (welcome page)", user -> http.webappLogin(user, user, "welcome"),
        401, 200, 200, 200, 200, 200, 200);
    soft.assertAll();
  }

  // ----------------------------------------------------------------------------------------------

  private static void row(SoftAssertions soft, String operation, Function<String, Integer> call, int... expected) {
    Map<String, Integer> want = new LinkedHashMap<>();
    Map<String, Integer> got = new LinkedHashMap<>();
    for (int i = 0; i < USERS.size(); i++) {
      want.put(USERS.get(i), expected[i]);
      got.put(USERS.get(i), call.apply(USERS.get(i)));
    }
    soft.assertThat(got).as(operation).isEqualTo(want);
  }

  /** 200 when a count query finds the item, 404 when the caller's authorizations leave it out. */
  private static int visible(StaffHttp.Response count) {
    if (count.status() != 200) {
      return count.status();
    }
    return count.json().path("count").asLong() > 0 ? 200 : 404;
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  static String probeProcess(String user) {
    String id = "probe-" + user.replaceAll("[^a-z]", "");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://redress.org/probe">
          <bpmn:process id="%1$s" isExecutable="false" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id);
  }
}
