package org.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;
import static org.redress.complaint.EventType.*;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.Timeline;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.RefusedAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of processes/complaint-handling.bpmn (ISO 10002 7.2–7.9), driven like Tasklist
 * does: start form, claim, submit task form; jobs run as the job executor would.
 */
@RedressTest
class ComplaintHandlingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  ComplaintDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
  }

  // ---------------------------------------------------------------- job priorities (issue 13)

  /** Letters to the complainant and escalations first, then the rest of complaint handling, then background work. */
  @Test
  void jobPriorities_putLettersAndEscalationsFirst_thenCaseWork_thenBackgroundWork() {
    ProcessInstance complaint = driver.register("handler", phoneComplaint());
    assertThat(job(complaint, "Task_AssessComplaint").getPriority()).isEqualTo(50);
    driver.runDueJobs(complaint);
    assertThat(job(complaint, "StartEvent_ProgressUpdateDue").getPriority()).isEqualTo(100);
    driver.moveClockTo(new Date(System.currentTimeMillis() + 7 * 24 * 3600_000L + 60_000));
    engine.getManagementService().executeJob(job(complaint, "StartEvent_ProgressUpdateDue").getId());
    assertThat(job(complaint, "Task_SendProgressUpdate").getPriority()).isEqualTo(100);

    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(complaint.getProcessDefinitionId());
    for (String letterOrEscalation : List.of("Task_AcknowledgeComplaint", "Task_CommunicateDecision",
        "Task_InformOfExternalRecourse", "Task_SendProgressUpdate", "Task_RemindHandler", "Task_EscalateComplaint",
        "BoundaryEvent_ReminderDue", "BoundaryEvent_ResponseOverdue", "StartEvent_ProgressUpdateDue")) {
      assertThat(model.getModelElementById(letterOrEscalation).getAttributeValueNs(CAMUNDA_NS, "jobPriority"))
          .as(letterOrEscalation).isEqualTo("100");
    }
    for (String background : List.of("trend-detection", "audit-sampling", "data-retention", "management-review-schedule")) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processDefinitionKey(background).list();
      assertThat(jobs).as(background).isNotEmpty().allSatisfy(job -> assertThat(job.getPriority()).isZero());
    }
  }

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private Job job(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    return job;
  }

  /** A second progress update is no new first response: the KPI summary is not told again (issue 13). */
  @Test
  void aRepeatedProgressUpdate_isNoKpiChange() {
    String reference = driver.reference(driver.registerAndAssess("handler", phoneComplaint()));
    new TransactionTemplate(transactions).executeWithoutResult(tx -> { // uncommitted: the summary's catch-up sees none
      complaints.markProgressUpdateSent(reference);
      complaints.markProgressUpdateSent(reference);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_change WHERE reference = :r AND first_response_at IS NOT NULL")
          .param("r", reference).query(Long.class).single()).isEqualTo(1);
      tx.setRollbackOnly();
    });
  }

  // ---------------------------------------------------------------- receipt, acknowledgement, assessment

  @Test
  void receipt_storesComplaintWithReference_commitsWithProcessStart_andWaitsForAssessmentJob() {
    ProcessInstance complaint = driver.register("handler", phoneComplaint());

    String reference = driver.reference(complaint);
    assertThat(reference).matches("C-\\d{4}-\\d{6}");
    assertThat(complaint).isWaitingAt("Task_AssessComplaint").hasBusinessKey(reference)
        .variables().containsEntry(ComplaintVariables.REFERENCE, reference).containsEntry("channel", "phone")
        .doesNotContainKeys("complainantName", "description", "complainantEmail");
    assertThat(complaints.get(reference).receivedBy()).isEqualTo("handler");
    assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(driver.eventTypes(reference)).containsExactly(RECEIVED, ACCESS_CODE_ISSUED);
    // registered by a handler from a phone call: the reference and access code are theirs to give at once
    assertThat(complaint).isWaitingAt("Task_HandOverAccessCode");
    assertThat(driver.task(complaint, "Task_HandOverAccessCode").getAssignee()).isEqualTo("handler");
  }

  @Test
  void invalidRegistration_isRefusedWithFieldAndReason_andNothingIsStored() {
    long before = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();

    assertThatThrownBy(() -> driver.register("handler", with(phoneComplaint(), "description", "short",
        "complainantEmail", "not-an-address")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("complainantEmail: is not a valid e-mail address")
        .hasMessageContaining("description: must be at least 10 characters");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void simpleComplaint_isAssessedLow_acknowledgedWithTargetDate_andWaitsForReview() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());

    assertThat(complaint).hasPassedInOrder("Task_AssessComplaint", "Task_AcknowledgeComplaint")
        .isWaitingAt("Task_ReviewAssessment").hasNotPassed("Task_TakeImmediateAction")
        .hasPassed("Gateway_ImmediateActionDone")
        .variables().containsEntry("severity", "low").containsEntry("priority", 25).containsEntry("responseTarget", "P15D");
    ComplaintState state = driver.state(complaint);
    assertThat(state.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
    assertThat(state.acknowledgedAt()).isNotNull();
    String reference = driver.reference(complaint);
    assertThat(driver.eventTypes(reference)).containsExactly(RECEIVED, ACCESS_CODE_ISSUED, ASSESSED, MESSAGE_SENT,
        ACKNOWLEDGED);
    assertThat(driver.timeline(reference).get(3).details()).contains("ACKNOWLEDGEMENT", "targetDate", reference);

    var task = driver.task(complaint, "Task_ReviewAssessment");
    assertThat(task.getName()).isEqualTo("Review assessment · " + reference);
    assertThat(task.getPriority()).isEqualTo(25);
    assertThat(task.getDueDate()).isEqualTo((Date) engine.getRuntimeService().getVariable(complaint.getId(), "responseDueDate"));
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "handlers".equals(link.getGroupId()));
    assertThat((String) engine.getTaskService().getVariableLocal(task.getId(), "complaintSummary"))
        .contains("late fee", "Jane Doe", "prefers E-mail, in English").doesNotContain("language en");
    assertThat((String) engine.getTaskService().getVariableLocal(task.getId(), "assessmentSummary"))
        .as("the assessment in words, the target in working time").contains("working days").doesNotContain("P15D", "P5D");

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
  }

  @Test
  void safetyComplaint_isCritical_andStartsImmediateActionAtOnce_alongsideTheReview() {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        with(phoneComplaint(), "description", "The heater caught fire and my son got a burn on his hand."));

    assertThat(complaint).isWaitingAt("Task_ReviewAssessment", "Task_TakeImmediateAction")
        .variables().containsEntry("severity", "critical").containsEntry("immediateActionNeeded", true);
    assertThat(driver.task(complaint, "Task_TakeImmediateAction").getPriority()).isEqualTo(100);

    driver.complete(complaint, "Task_TakeImmediateAction", "handler", "immediateActionTaken",
        "Called the customer, product recall opened, replacement sent.");
    assertThat(complaint).hasPassed("Gateway_ImmediateActionDone").isWaitingAt("Task_ReviewAssessment");
    assertThat(driver.eventTypes(driver.reference(complaint))).contains(IMMEDIATE_ACTION_TAKEN);
  }

  @Test
  void closingWaitsForAnOpenImmediateAction() {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        with(phoneComplaint(), "description", "The charger overheated and there was smoke in the kitchen."));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D",
        "overrideReason", "Checked: the charger was not ours, no one was hurt.");
    proposeResponse(complaint, "handler", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted",
        "complainantComment", "Happy with the replacement.");

    assertThat(driver.timeline(driver.reference(complaint))).filteredOn(e -> e.type() == DECISION_ACCEPTED)
        .singleElement().satisfies(e -> assertThat(e.details()).contains("Happy with the replacement."));
    assertThat(complaint).isWaitingAt("Task_TakeImmediateAction").hasNotPassed("Task_CloseComplaint");
    driver.complete(complaint, "Task_TakeImmediateAction", "handler", "immediateActionTaken",
        "Customer advised to stop using the charger; replacement sent.");
    assertThat(complaint).hasPassed("Gateway_ReadyToClose", "Task_CloseComplaint").isEnded();
  }

  @Test
  void aDescriptionOfTheFullAllowedLength_isStored_andTheTaskContextFitsCamundasTextColumn() {
    String longest = "The meter reading on my bill was wrong again & again. ".repeat(80).substring(0, 4000);
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "description", longest));

    assertThat(complaints.get(driver.reference(complaint)).description()).isEqualTo(longest.strip());
    String summary = (String) engine.getTaskService()
        .getVariableLocal(driver.task(complaint, "Task_ReviewAssessment").getId(), "complaintSummary");
    assertThat(summary).hasSizeLessThanOrEqualTo(3900).contains("shortened here");

    assertThatThrownBy(() -> driver.register("handler", with(phoneComplaint(), "description", longest + "!")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("description: must be at most 4000 characters");
  }

  @Test
  void keywordsMatchWholeWordsOnly_anIssueIsNotALawsuit() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "description",
        "I have an issue with the courteous but fired-up sales clerk and want to pursue this."));
    assertThat(complaint).variables().containsEntry("severity", "low");

    ProcessInstance legal = driver.registerAndAssess("handler", with(phoneComplaint(), "description",
        "If this is not fixed I will sue you and go to court."));
    assertThat(legal).variables().containsEntry("severity", "high");
  }

  @Test
  void handlerOverridesAssessment_withReason_newPriorityAndTargetAreRecorded() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "medium", "responseTarget", "P5D",
        "overrideReason", "The customer is vulnerable and has complained twice by phone.");

    assertThat(complaint).isWaitingAt("Task_InvestigateComplaint")
        .variables().containsEntry("severity", "medium").containsEntry("priority", 50).containsEntry("responseTarget", "P5D");
    ComplaintState state = driver.state(complaint);
    assertThat(state.assessmentOverridden()).isTrue();
    assertThat(state.severity()).isEqualTo("medium");
    var overridden = driver.timeline(driver.reference(complaint)).stream()
        .filter(e -> e.type() == ASSESSMENT_OVERRIDDEN).findFirst().orElseThrow();
    assertThat(overridden.actor()).isEqualTo("handler");
    assertThat(overridden.details()).contains("vulnerable", "\"from\"", "low", "P15D");
  }

  @Test
  void overrideWithoutReason_isRefused_andTheTaskStaysOpenWithNothingRecorded() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    int eventsBefore = driver.timeline(driver.reference(complaint)).size();

    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewAssessment", "handler",
        "severity", "high", "responseTarget", "P15D"))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("overrideReason: give a reason when you change the severity or the response target");

    assertThat(complaint).isWaitingAt("Task_ReviewAssessment").variables().containsEntry("severity", "low");
    assertThat(driver.timeline(driver.reference(complaint))).hasSize(eventsBefore);
    assertThat(driver.state(complaint).severity()).isEqualTo("low");
  }

  // ---------------------------------------------------------------- investigation, response, decision, closing

  @Test
  void lowSeverity_isResolvedDirectly_withoutInvestigationOrApproval_andClosedWhenAccepted() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    assertThat(complaint).isWaitingAt("Task_ProposeResponse").hasNotPassed("Task_InvestigateComplaint");

    proposeResponse(complaint, "handler", false);
    assertThat(complaint).hasNotPassed("Task_ApproveResponse").hasPassed("Task_CommunicateDecision")
        .isWaitingAt("Task_RecordComplainantAnswer");
    assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.DECISION_COMMUNICATED);

    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");

    assertThat(complaint).hasPassed("Task_CloseComplaint").isEnded().hasPassed("EndEvent_ComplaintClosed")
        .hasNotPassed("Task_CarryOutAgreedAction");
    ComplaintState state = driver.state(complaint);
    assertThat(state.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(state.outcome()).isEqualTo("accepted");
    assertThat(state.closedBy()).isEqualTo("handler2");
    assertThat(state.closedAt()).isNotNull();
    assertThat(state.decisionCommunicatedAt()).isNotNull();
    String reference = driver.reference(complaint);
    assertThat(driver.eventTypes(reference)).containsSubsequence(RECEIVED, ASSESSED, ACKNOWLEDGED,
        ASSESSMENT_CONFIRMED, RESPONSE_PROPOSED, DECISION_COMMUNICATED, DECISION_ACCEPTED, CLOSED);
    assertThat(driver.timeline(reference).get(driver.timeline(reference).size() - 1).details())
        .contains("timeToAcknowledge", "timeToDecision", "timeToClose");
  }

  @Test
  void mediumSeverity_getsInvestigation_withFindingsAndRootCause_butNoApproval() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 800));
    assertThat(complaint).variables().containsEntry("severity", "medium");

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "medium", "responseTarget", "P10D");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings",
        "The payment was booked late by the bank interface.", "rootCause", "billing-error",
        "complaintJustified", "justified");

    assertThat(complaint).isWaitingAt("Task_ProposeResponse");
    assertThat(driver.state(complaint).rootCause()).isEqualTo("billing-error");
    assertThat(driver.state(complaint).justified()).isEqualTo("justified");

    proposeResponse(complaint, "handler", false);
    assertThat(complaint).hasNotPassed("Task_ApproveResponse").isWaitingAt("Task_RecordComplainantAnswer");
  }

  @Test
  void investigationWithUnknownRootCause_isRefused() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 800));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "medium", "responseTarget", "P10D");

    assertThatThrownBy(() -> driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings",
        "The payment was booked late.", "rootCause", "gremlins", "complaintJustified", "justified"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("rootCause: must be one of");
    assertThat(complaint).isWaitingAt("Task_InvestigateComplaint");
  }

  @Test
  void highSeverity_needsApproval_approverSendsBackWithComment_thenApproves() {
    ProcessInstance complaint = registerHighSeverity();
    proposeResponse(complaint, "handler", false);
    assertThat(complaint).isWaitingAt("Task_ApproveResponse");
    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(complaint, "Task_ApproveResponse").getId()))
        .anyMatch(link -> "supervisors".equals(link.getGroupId()));

    driver.complete(complaint, "Task_ApproveResponse", "supervisor", "approvalDecision", "send-back",
        "approvalComment", "Offer a goodwill credit as well.");
    assertThat(complaint).isWaitingAt("Task_ProposeResponse").variables()
        .containsEntry("approvalComment", "Offer a goodwill credit as well.");

    proposeResponse(complaint, "handler", false);
    assertThat(complaint).isWaitingAt("Task_ApproveResponse").variables().doesNotContainKey("approvalComment");
    driver.complete(complaint, "Task_ApproveResponse", "supervisor", "approvalDecision", "approve");

    assertThat(complaint).isWaitingAt("Task_RecordComplainantAnswer");
    assertThat(driver.eventTypes(driver.reference(complaint))).containsSubsequence(RESPONSE_PROPOSED,
        RESPONSE_SENT_BACK, RESPONSE_PROPOSED, RESPONSE_APPROVED, DECISION_COMMUNICATED);
  }

  @Test
  void sendingBackWithoutComment_isRefused() {
    ProcessInstance complaint = registerHighSeverity();
    proposeResponse(complaint, "handler", false);

    assertThatThrownBy(() -> driver.complete(complaint, "Task_ApproveResponse", "supervisor",
        "approvalDecision", "send-back"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("approvalComment:");
    assertThat(complaint).isWaitingAt("Task_ApproveResponse");
  }

  @Test
  void proposerCannotApproveOwnResponse() {
    ProcessInstance complaint = registerHighSeverity();
    proposeResponse(complaint, "supervisor", false);

    assertThatThrownBy(() -> driver.complete(complaint, "Task_ApproveResponse", "supervisor",
        "approvalDecision", "approve"))
        .isInstanceOf(RefusedAction.class).hasMessageContaining("another supervisor must take this step");
    assertThat(complaint).isWaitingAt("Task_ApproveResponse");
    assertThat(driver.task(complaint, "Task_ApproveResponse").getAssignee()).as("still free").isNull();

    driver.complete(complaint, "Task_ApproveResponse", "supervisor2", "approvalDecision", "approve");
    assertThat(complaint).isWaitingAt("Task_RecordComplainantAnswer");
  }

  @Test
  void acceptedDecisionWithAgreedAction_needsThatActionCarriedOut_beforeClosing() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint, "handler", true);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted");

    assertThat(complaint).isWaitingAt("Task_CarryOutAgreedAction");
    driver.complete(complaint, "Task_CarryOutAgreedAction", "handler2", "actionTaken", "Late fee refunded on 2026-11-24.");

    assertThat(complaint).isEnded().hasPassed("Task_CarryOutAgreedAction", "EndEvent_ComplaintClosed");
    assertThat(driver.state(complaint).closedBy()).isEqualTo("handler2");
    assertThat(driver.eventTypes(driver.reference(complaint))).containsSubsequence(DECISION_ACCEPTED,
        AGREED_ACTION_CARRIED_OUT, CLOSED);
  }

  @Test
  void complainantRejects_goesToInternalReviewBySomeoneElse_thenAcceptsTheReviewedDecision() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint, "supervisor", false);

    assertThatThrownBy(() -> driver.complete(complaint, "Task_RecordComplainantAnswer", "handler",
        "complainantAnswer", "rejected"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("complainantReason:");
    engine.getTaskService().setAssignee(driver.task(complaint, "Task_RecordComplainantAnswer").getId(), null);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "A refund of the fee alone does not cover my costs.");

    assertThat(complaint).isWaitingAt("Task_ReviewDecision");
    assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.UNDER_INTERNAL_REVIEW);
    // the original decision maker may not review their own decision
    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewDecision", "supervisor", reviewValues()))
        .isInstanceOf(RefusedAction.class).hasMessageContaining("someone who was not involved");
    assertThat(driver.task(complaint, "Task_ReviewDecision").getAssignee()).as("still free").isNull();
    driver.complete(complaint, "Task_ReviewDecision", "supervisor2", reviewValues());

    assertThat(complaint).isWaitingAt("Task_RecordComplainantAnswer").variables().containsEntry("decisionReviewed", true)
        .containsEntry("responseRemedy", "Refund of the fee and EUR 20 for your costs.");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted");

    assertThat(complaint).isEnded().hasNotPassed("Task_InformOfExternalRecourse");
    assertThat(driver.state(complaint).decisionReviewed()).isTrue();
    assertThat(driver.eventTypes(driver.reference(complaint))).containsSubsequence(DECISION_COMMUNICATED,
        DECISION_REJECTED, INTERNAL_REVIEW_COMPLETED, DECISION_COMMUNICATED, DECISION_ACCEPTED, CLOSED);
  }

  @Test
  void complainantRejectsTheReviewedDecisionToo_isToldOfExternalRecourse_andTheReferralIsRecorded() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint, "handler", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "Not enough.");
    driver.complete(complaint, "Task_ReviewDecision", "supervisor", reviewValues());
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "Still not enough, I will go to the ombudsman.");

    assertThat(complaint).hasPassed("Task_InformOfExternalRecourse").isWaitingAt("Task_RecordExternalRecourse");
    assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.EXTERNAL_RECOURSE);
    assertThat(driver.eventTypes(driver.reference(complaint))).contains(EXTERNAL_RECOURSE_OFFERED);

    driver.complete(complaint, "Task_RecordExternalRecourse", "supervisor", "recourseTaken", "referred",
        "externalBody", "ombudsman", "externalReference", "OMB-2026-77",
        "externalOutcome", "The ombudsman found the goodwill offer fair.");

    assertThat(complaint).isEnded().hasPassed("EndEvent_ExternalRecourseRecorded", "EndEvent_ComplaintClosed");
    ComplaintState state = driver.state(complaint);
    assertThat(state.outcome()).isEqualTo("referred-externally");
    assertThat(state.closedBy()).isEqualTo("supervisor");
    assertThat(driver.timeline(driver.reference(complaint)).stream().filter(e -> e.type() == EXTERNAL_RECOURSE_RECORDED)
        .findFirst().orElseThrow().details()).contains("OMB-2026-77", "ombudsman");
  }

  // ---------------------------------------------------------------- timers

  @Test
  void noAnswerWithinTheAnswerPeriod_decisionIsDeemedAccepted_andRecordedAsSuch() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint, "handler", false);
    Date answerDue = (Date) engine.getRuntimeService().getVariable(complaint.getId(), "answerDueDate");

    driver.moveClockTo(new Date(answerDue.getTime() + 60_000));
    driver.runDueJobs(complaint);

    assertThat(complaint).hasPassed("BoundaryEvent_NoAnswer", "Task_DeemDecisionAccepted").isEnded();
    ComplaintState state = driver.state(complaint);
    assertThat(state.outcome()).isEqualTo("deemed-accepted");
    assertThat(state.closedBy()).isEqualTo("system");
    var deemed = driver.timeline(driver.reference(complaint)).stream().filter(e -> e.type() == DECISION_DEEMED_ACCEPTED)
        .findFirst().orElseThrow();
    assertThat(deemed.actor()).isEqualTo("system");
  }

  @Test
  void reminderBeforeTheTarget_thenEscalationToSupervisorsWhenOverdue() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    Date reminder = (Date) engine.getRuntimeService().getVariable(complaint.getId(), "reminderDate");
    Date due = (Date) engine.getRuntimeService().getVariable(complaint.getId(), "responseDueDate");
    assertThat(reminder).isBefore(due);

    driver.moveClockTo(new Date(reminder.getTime() + 60_000));
    driver.runDueJobs(complaint);
    assertThat(complaint).hasPassed("Task_RemindHandler").hasNotPassed("Task_EscalateComplaint")
        .isWaitingAt("Task_ProposeResponse");
    assertThat(driver.eventTypes(driver.reference(complaint))).contains(REMINDER_SENT).doesNotContain(ESCALATED);

    driver.moveClockTo(new Date(due.getTime() + 60_000));
    driver.runDueJobs(complaint);
    assertThat(complaint).hasPassed("Task_EscalateComplaint")
        .isWaitingAt("Task_ProposeResponse", "Task_SuperviseEscalatedComplaint")
        .variables().containsEntry("priority", 50);
    assertThat(driver.task(complaint, "Task_ProposeResponse").getPriority()).isEqualTo(50);
    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(complaint, "Task_SuperviseEscalatedComplaint").getId()))
        .anyMatch(link -> "supervisors".equals(link.getGroupId()));
    assertThat(driver.state(complaint).escalated()).isTrue();

    driver.complete(complaint, "Task_SuperviseEscalatedComplaint", "supervisor", "escalationNotes",
        "Reassigned to handler2, who has capacity this week.");
    assertThat(complaint).hasPassed("EndEvent_EscalationHandled").isWaitingAt("Task_ProposeResponse");
    assertThat(driver.eventTypes(driver.reference(complaint))).contains(ESCALATED, ESCALATION_HANDLED);
  }

  @Test
  void progressUpdate_isSentAtEachInterval_whileTheComplaintIsOpen_andStopsAtClosure() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    Date start = new Date();
    driver.moveClockTo(new Date(start.getTime() + 7 * 24 * 3600_000L + 60_000));
    driver.runDueJobs(complaint);
    String reference = driver.reference(complaint);
    assertThat(driver.eventTypes(reference)).containsOnlyOnce(PROGRESS_UPDATE_SENT);

    driver.moveClockTo(new Date(start.getTime() + 14 * 24 * 3600_000L + 120_000));
    driver.runDueJobs(complaint);
    assertThat(driver.eventTypes(reference).stream().filter(PROGRESS_UPDATE_SENT::equals)).hasSize(2);
    assertThat(complaint).hasPassed("Task_SendProgressUpdate").isWaitingAt("Task_ReviewAssessment");

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint, "handler", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted");
    assertThat(complaint).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(complaint.getId()).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance registerHighSeverity() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    assertThat(complaint).variables().containsEntry("severity", "high");
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "high", "responseTarget", "P5D");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings",
        "The contract was cancelled without notice by our sales partner.", "rootCause", "third-party",
        "complaintJustified", "justified");
    return complaint;
  }

  private void proposeResponse(ProcessInstance complaint, String user, boolean actionRequired) {
    driver.complete(complaint, "Task_ProposeResponse", user,
        "responseRemedy", "We remove the late fee and credit EUR 12.50.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "preventiveAction", "Bank interface fixed.",
        "actionRequired", actionRequired);
  }

  private static Object[] reviewValues() {
    return new Object[] {"reviewOutcome", "revised", "reviewReasons", "The costs of the customer were not considered.",
        "responseRemedy", "Refund of the fee and EUR 20 for your costs.",
        "responseExplanation", "On review we also cover the costs your bank charged.", "actionRequired", false};
  }
}
