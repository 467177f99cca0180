package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.RefusedAction;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ISO 10002 4.7 objectivity as one rule, for every user task of complaint-handling.bpmn: an
 * excluded person is refused when they claim the task (or someone assigns it to them), the refusal
 * says why in a sentence, the task stays free, and an eligible colleague can then claim it.
 */
@RedressTest
class ObjectivityEveryTaskTest {

  /** Two more supervisors than the demo accounts have: an internal review needs someone not involved. */
  static final List<String> EXTRA_SUPERVISORS = List.of("supervisor3", "supervisor4");

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired TaskEligibility eligibility;
  ComplaintDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
    var identity = engine.getIdentityService();
    for (String id : EXTRA_SUPERVISORS) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName(id.equals("supervisor3") ? "Sara" : "Simon");
        user.setLastName("Supervisor");
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, Roles.SUPERVISORS);
        identity.createMembership(id, Roles.HANDLERS);
      }
    }
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
  }

  // ------------------------------------------------------------------ named staff, every task kind

  @Test
  void namedStaff_areRefusedEveryTask_ofTheLowPath_andItsReviewAndRecourse() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "supervisor2"));

    refusedThenFree(complaint, "Task_ReviewAssessment", "supervisor2", "handler", "named in this complaint");
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    refusedThenFree(complaint, "Task_ProposeResponse", "supervisor2", "handler", "named in this complaint");
    propose(complaint, "handler", false);
    refusedThenFree(complaint, "Task_RecordComplainantAnswer", "supervisor2", "handler2", "named in this complaint");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "rejected",
        "complainantReason", "Not enough.");
    refusedThenFree(complaint, "Task_ReviewDecision", "supervisor2", "supervisor", "named in this complaint");
    driver.complete(complaint, "Task_ReviewDecision", "supervisor", reviewValues());
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "rejected",
        "complainantReason", "Still not enough.");
    refusedThenFree(complaint, "Task_RecordExternalRecourse", "supervisor2", "supervisor", "named in this complaint");
    driver.complete(complaint, "Task_RecordExternalRecourse", "supervisor", "recourseTaken", "not-pursued",
        "externalOutcome", "The complainant did not take it further.");
    assertThat(complaint).isEnded();
  }

  @Test
  void namedStaff_areRefusedEveryTask_ofTheCriticalPath_andTheAgreedAction() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "supervisor2",
        "description", "The heater caught fire and my son got a burn on his hand."));

    refusedThenFree(complaint, "Task_TakeImmediateAction", "supervisor2", "handler", "named in this complaint");
    driver.complete(complaint, "Task_TakeImmediateAction", "handler", "immediateActionTaken", "Recall opened.");
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "high", "responseTarget", "P5D",
        "overrideReason", "Burn was minor; high is enough.");
    refusedThenFree(complaint, "Task_InvestigateComplaint", "supervisor2", "handler", "named in this complaint");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings", "Faulty thermostat.",
        "rootCause", "third-party", "complaintJustified", "justified");
    propose(complaint, "handler2", true);
    refusedThenFree(complaint, "Task_ApproveResponse", "supervisor2", "supervisor", "named in this complaint");
    driver.complete(complaint, "Task_ApproveResponse", "supervisor", "approvalDecision", "approve");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted");
    refusedThenFree(complaint, "Task_CarryOutAgreedAction", "supervisor2", "handler", "named in this complaint");
    driver.complete(complaint, "Task_CarryOutAgreedAction", "handler", "actionTaken", "Heater replaced.");
    assertThat(complaint).isEnded();
  }

  @Test
  void namedStaff_areRefusedTheEscalation() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "supervisor2"));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    Date due = (Date) engine.getRuntimeService().getVariable(complaint.getId(), ComplaintVariables.RESPONSE_DUE_DATE);
    driver.moveClockTo(new Date(due.getTime() + 60_000));
    driver.runDueJobs(complaint);

    refusedThenFree(complaint, "Task_SuperviseEscalatedComplaint", "supervisor2", "supervisor", "named in this complaint");
  }

  @Test
  void namedStaff_areRefusedEverySendLetterTask() {
    ProcessInstance complaint = driver.registerAndAssess("handler", byPost(with(phoneComplaint(), "namedStaff",
        "supervisor2")));
    driver.complete(complaint, "Task_HandOverAccessCode", "handler");
    refusedThenFree(complaint, "Task_SendAcknowledgementLetter", "supervisor2", "handler2", "named in this complaint");
    sendLetter(complaint, "Task_SendAcknowledgementLetter", "handler2");
    Date start = new Date();
    driver.moveClockTo(new Date(start.getTime() + 7 * 24 * 3600_000L + 60_000));
    driver.runDueJobs(complaint);
    refusedThenFree(complaint, "Task_SendProgressUpdateLetter", "supervisor2", "handler2", "named in this complaint");
    sendLetter(complaint, "Task_SendProgressUpdateLetter", "handler2");
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    propose(complaint, "handler", false);
    refusedThenFree(complaint, "Task_SendDecisionLetter", "supervisor2", "handler2", "named in this complaint");
    sendLetter(complaint, "Task_SendDecisionLetter", "handler2");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "rejected",
        "complainantReason", "Not enough.");
    driver.complete(complaint, "Task_ReviewDecision", "supervisor", reviewValues());
    sendLetter(complaint, "Task_SendDecisionLetter", "handler2");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "rejected",
        "complainantReason", "Still not enough.");
    refusedThenFree(complaint, "Task_SendExternalRecourseLetter", "supervisor2", "handler2", "named in this complaint");
    sendLetter(complaint, "Task_SendExternalRecourseLetter", "handler2");
    driver.complete(complaint, "Task_RecordExternalRecourse", "supervisor", "recourseTaken", "not-pursued",
        "externalOutcome", "The complainant did not take it further.");
    refusedThenFree(complaint, "Task_SendClosureLetter", "supervisor2", "handler2", "named in this complaint");
    sendLetter(complaint, "Task_SendClosureLetter", "handler2");
    assertThat(complaint).isEnded();
  }

  /** The hand-over task is the registering handler's from the start: nobody may give it to a named person. */
  @Test
  void theHandOverOfTheAccessCode_cannotBeGivenToANamedPerson() {
    ProcessInstance complaint = driver.register("handler", with(phoneComplaint(), "namedStaff", "supervisor2"));
    Task handOver = driver.task(complaint, "Task_HandOverAccessCode");
    assertThat(handOver.getAssignee()).isEqualTo("handler");

    assertThatThrownBy(() -> driver.as("supervisor", () -> {
      engine.getTaskService().setAssignee(handOver.getId(), "supervisor2");
      return null;
    })).isInstanceOf(RefusedAction.class).hasMessageStartingWith("Sofia Supervisor is named in this complaint");
    assertThat(driver.task(complaint, "Task_HandOverAccessCode").getAssignee()).isEqualTo("handler");
  }

  // ------------------------------------------------------------------ involvement, from the timeline

  @Test
  void approval_refusesWhoeverProposedAnyVersion_andTheInternalReview_everyoneInvolved() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    String reference = driver.reference(complaint);
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "high", "responseTarget", "P5D");
    driver.complete(complaint, "Task_InvestigateComplaint", "supervisor3", "findings", "Partner cancelled.",
        "rootCause", "third-party", "complaintJustified", "justified");
    propose(complaint, "supervisor", false);
    driver.complete(complaint, "Task_ApproveResponse", "supervisor2", "approvalDecision", "send-back",
        "approvalComment", "Explain the fee.");
    propose(complaint, "handler", false);

    // whoever proposed the earlier version may not approve the new one
    refusedThenFree(complaint, "Task_ApproveResponse", "supervisor", "supervisor2",
        "You proposed this response and may not approve it; another supervisor must take this step.");
    driver.complete(complaint, "Task_ApproveResponse", "supervisor2", "approvalDecision", "approve");
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "Not enough.");

    // internal review: not who investigated, proposed, sent back or approved
    refusedThenFree(complaint, "Task_ReviewDecision", "supervisor3", "supervisor4",
        "You investigated this complaint and may not do its internal review");
    refusedThenFree(complaint, "Task_ReviewDecision", "supervisor", "supervisor4",
        "You proposed a response to this complaint");
    refusedThenFree(complaint, "Task_ReviewDecision", "supervisor2", "supervisor4",
        "You took part in approving the decision on this complaint");
    // nor may anyone give it to them; the sentence names the person, not their user name
    Task review = driver.task(complaint, "Task_ReviewDecision");
    assertThatThrownBy(() -> driver.as("supervisor4", () -> {
      engine.getTaskService().setAssignee(review.getId(), "supervisor");
      return null;
    })).isInstanceOf(RefusedAction.class).hasMessageStartingWith("Sam Supervisor proposed a response")
        .hasMessageNotContaining(reference).hasMessageNotContaining("Task_");
    assertThat(driver.task(complaint, "Task_ReviewDecision").getAssignee()).isNull();

    driver.complete(complaint, "Task_ReviewDecision", "supervisor4", reviewValues());
    assertThat(driver.eventTypes(reference)).contains(EventType.INTERNAL_REVIEW_COMPLETED);
    assertThat(driver.timeline(reference)).filteredOn(e -> e.type() == EventType.OBJECTIVITY_REFUSAL)
        .hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> assertThat(e.visibleToComplainant()).isFalse());
  }

  @Test
  void theRuleAnswersBeforeRedressAssignsATaskItself() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "high", "responseTarget", "P5D");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings", "Partner cancelled.",
        "rootCause", "third-party", "complaintJustified", "justified");
    propose(complaint, "supervisor", false);
    String approval = driver.task(complaint, "Task_ApproveResponse").getId();

    assertThat(askRule(approval, "supervisor")).hasValueSatisfying(
        sentence -> assertThat(sentence).startsWith("Sam Supervisor proposed this response"));
    assertThat(askRule(approval, "supervisor2")).isEmpty();
  }

  java.util.Optional<String> askRule(String taskId, String userId) {
    return ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine).getProcessEngineConfiguration()
        .getCommandExecutorTxRequired().execute(context -> eligibility.refusal(
            context.getTaskManager().findTaskById(taskId), userId));
  }

  /** Every user task kind of the complaint process is exercised above (this list is checked against the model). */
  @Test
  void everyUserTaskKind_isCovered() {
    Set<String> inModel = new TreeSet<>();
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).latestVersion().singleResult().getId();
    engine.getRepositoryService().getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)
        .forEach(task -> inModel.add(task.getId()));
    assertThat(COVERED).containsExactlyInAnyOrderElementsOf(inModel);
  }

  static final Set<String> COVERED = Set.of("Task_ReviewAssessment", "Task_ProposeResponse",
      "Task_RecordComplainantAnswer", "Task_ReviewDecision", "Task_RecordExternalRecourse", "Task_TakeImmediateAction",
      "Task_InvestigateComplaint", "Task_ApproveResponse", "Task_CarryOutAgreedAction",
      "Task_SuperviseEscalatedComplaint", "Task_HandOverAccessCode", "Task_SendAcknowledgementLetter",
      "Task_SendDecisionLetter", "Task_SendExternalRecourseLetter", "Task_SendClosureLetter",
      "Task_SendProgressUpdateLetter");

  // ------------------------------------------------------------------ helpers

  /** Claim refused with the sentence, the task still free, then the eligible person's claim succeeds. */
  void refusedThenFree(ProcessInstance complaint, String taskKey, String excluded, String eligible, String sentence) {
    Task task = driver.task(complaint, taskKey);
    if (task.getAssignee() != null) {
      // case ownership (issue 15) gave the step to its handler: back to the queue, where anyone may try to claim it
      engine.getTaskService().setAssignee(task.getId(), null);
    }
    assertThatThrownBy(() -> driver.as(excluded, () -> {
      engine.getTaskService().claim(task.getId(), excluded);
      return null;
    })).isInstanceOf(RefusedAction.class).hasMessageContaining(sentence)
        .hasMessageNotContaining("Task_").hasMessageNotContaining("ENGINE-");
    assertThat(driver.task(complaint, taskKey).getAssignee()).as("%s stays free", taskKey).isNull();

    driver.as(eligible, () -> {
      engine.getTaskService().claim(task.getId(), eligible);
      return null;
    });
    assertThat(driver.task(complaint, taskKey).getAssignee()).isEqualTo(eligible);
    engine.getTaskService().setAssignee(task.getId(), null); // the next step claims it again
  }

  static java.util.Map<String, Object> byPost(java.util.Map<String, Object> form) {
    java.util.Map<String, Object> copy = new java.util.HashMap<>(form);
    copy.remove("complainantEmail");
    copy.put("preferredChannel", "letter");
    copy.put("complainantAddress", "1 Example Street\n12345 Example Town");
    return copy;
  }

  void sendLetter(ProcessInstance complaint, String taskKey, String user) {
    driver.complete(complaint, taskKey, user, "letterSentOn",
        org.redress.complaint.EngineClock.now().toLocalDate().toString(), "letterSentHow", "post");
  }

  void propose(ProcessInstance complaint, String user, boolean actionRequired) {
    driver.complete(complaint, "Task_ProposeResponse", user,
        "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Your payment reached us on time.",
        "actionRequired", actionRequired);
  }

  static Object[] reviewValues() {
    return new Object[] {"reviewOutcome", "upheld", "reviewReasons", "The decision was fair.",
        "responseRemedy", "We remove the late fee.", "responseExplanation", "Your payment reached us on time.",
        "actionRequired", false};
  }
}
