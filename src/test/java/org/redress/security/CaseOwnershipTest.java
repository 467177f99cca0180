package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ISO 10002 5.4: a complaint keeps its handler. Who completes one of its handler steps is given the
 * next one; supervisors' steps stay in their queue; the objectivity rule still decides; a supervisor
 * gives the whole case to someone else.
 */
@RedressTest
class CaseOwnershipTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  static final String FIRE = "The heater caught fire and my son got a burn on his hand.";

  ComplaintDriver driver;
  StaffHttp http;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    http = new StaffHttp(port);
  }

  @Test
  void handlerWhoCompletesAStep_isGivenTheComplaintsNextHandlerSteps() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    assertThat(driver.task(complaint, "Task_ReviewAssessment").getAssignee()).isNull();

    driver.complete(complaint, "Task_ReviewAssessment", "handler2", "severity", "low", "responseTarget", "P15D");
    assertThat(driver.task(complaint, "Task_ProposeResponse").getAssignee()).isEqualTo("handler2");

    driver.complete(complaint, "Task_ProposeResponse", "handler2", "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Your payment reached us on time.", "actionRequired", false);
    // created by a job after the decision went out, with nobody logged in
    assertThat(driver.task(complaint, "Task_RecordComplainantAnswer").getAssignee()).isEqualTo("handler2");
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("handler2")
        .processInstanceId(complaint.getId()).count()).as("\"My tasks\" holds the case").isEqualTo(1);
  }

  @Test
  void supervisorsApproval_staysInTheirQueue_andTheHandlerKeepsTheCase() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    driver.bringToApproval(complaint);
    assertThat(driver.task(complaint, "Task_ApproveResponse").getAssignee()).as("offered to supervisors").isNull();

    driver.complete(complaint, "Task_ApproveResponse", "supervisor", "approvalDecision", "approve");
    assertThat(driver.task(complaint, "Task_RecordComplainantAnswer").getAssignee()).isEqualTo("handler");
  }

  @Test
  void stepsWaitingBesideTheOneCompleted_goToItsHandlerToo() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "description", FIRE));
    assertThat(driver.task(complaint, "Task_TakeImmediateAction").getAssignee()).isNull();

    driver.complete(complaint, "Task_ReviewAssessment", "handler2", "severity", "critical", "responseTarget", "P2D");

    assertThat(driver.task(complaint, "Task_TakeImmediateAction").getAssignee()).isEqualTo("handler2");
    assertThat(driver.task(complaint, "Task_InvestigateComplaint").getAssignee()).isEqualTo("handler2");
  }

  @Test
  void theObjectivityRule_keepsANamedHandlerFromBeingGivenAStep() {
    ProcessInstance named = driver.register("handler", with(phoneComplaint(), "namedStaff", "handler2"));
    engine.getRuntimeService().setVariable(named.getId(), ComplaintVariables.CASE_HANDLER, "handler2");
    driver.runDueJobs(named);
    assertThat(driver.task(named, "Task_ReviewAssessment").getAssignee()).as("named in the complaint").isNull();

    ProcessInstance notNamed = driver.register("handler", phoneComplaint());
    engine.getRuntimeService().setVariable(notNamed.getId(), ComplaintVariables.CASE_HANDLER, "handler2");
    driver.runDueJobs(notNamed);
    assertThat(driver.task(notNamed, "Task_ReviewAssessment").getAssignee()).isEqualTo("handler2");
  }

  @Test
  void supervisorGivesTheWholeCaseToAnotherHandler_andTheirStepsStayWithSupervisors() throws Exception {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        with(phoneComplaint(), "description", FIRE));
    String reference = driver.reference(complaint);
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "critical", "responseTarget", "P2D");
    assertThat(driver.task(complaint, "Task_InvestigateComplaint").getAssignee()).isEqualTo("handler");

    StaffHttp.Response answer = http.send("supervisor", "PUT", "/api/staff/complaints/" + reference + "/handler",
        "application/json", "{\"assignee\": \"handler2\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("reassigned")).hasSize(2);
    assertThat(driver.task(complaint, "Task_InvestigateComplaint").getAssignee()).isEqualTo("handler2");
    assertThat(driver.task(complaint, "Task_TakeImmediateAction").getAssignee()).isEqualTo("handler2");
    assertThat(driver.eventTypes(reference)).contains(EventType.CASE_REASSIGNED);

    // the next handler step follows the case, whoever completes the approval
    driver.complete(complaint, "Task_InvestigateComplaint", "handler2", "findings", "Cancelled by a sales partner.",
        "rootCause", "third-party", "complaintJustified", "justified");
    assertThat(driver.task(complaint, "Task_ProposeResponse").getAssignee()).isEqualTo("handler2");
  }

  @Test
  void aStepTheNewHandlerMayNotTake_isLeftWithTheReason_andOnlySupervisorsMayReassign() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    String reference = driver.reference(complaint);
    driver.bringToApproval(complaint);

    StaffHttp.Response answer = http.send("supervisor", "PUT", "/api/staff/complaints/" + reference + "/handler",
        "application/json", "{\"assignee\": \"handler2\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("left").get(0).get("reason").asText())
        .isEqualTo("\"Approve response\" is for supervisors, and handler2 is not one of them.");
    assertThat(driver.task(complaint, "Task_ApproveResponse").getAssignee()).isNull();

    StaffHttp.Response byHandler = http.send("handler", "PUT", "/api/staff/complaints/" + reference + "/handler",
        "application/json", "{\"assignee\": \"handler\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(byHandler.status()).isEqualTo(403);
    StaffHttp.Response toAManager = http.send("supervisor", "PUT", "/api/staff/complaints/" + reference + "/handler",
        "application/json", "{\"assignee\": \"manager\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(toAManager.status()).isEqualTo(400);
    assertThat(toAManager.json().get("errors").get(0).get("field").asText()).isEqualTo("assignee");
  }
}
