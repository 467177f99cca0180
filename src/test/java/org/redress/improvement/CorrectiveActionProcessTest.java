package org.redress.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.classification.CodeLists;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.InvalidSubmissionException;
import org.redress.improvement.action.CorrectiveAction;
import org.redress.improvement.action.CorrectiveActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of processes/corrective-action.bpmn (ISO 10002 8.7), started by hand from the Tasklist
 * start form and worked like Tasklist does; timers fire by moving the engine clock. Each test
 * works in its own year and with its own cause code, so complaints of other tests never count.
 */
@RedressTest
class CorrectiveActionProcessTest {

  static final String KEY = "corrective-action";

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired CodeLists codeLists;
  @Autowired CorrectiveActions actions;
  ComplaintDriver driver;
  ImprovementFixtures fixtures;
  OffsetDateTime start;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
    fixtures = new ImprovementFixtures(jdbc, codeLists, engine);
    start = OffsetDateTime.of(2030 + (int) (System.nanoTime() % 40), 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    driver.moveClockTo(EngineClock.toDate(start));
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
  }

  ProcessInstance proposeByHand(String user, String category, String linked) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("causeKind", "category", "causeCode", category,
        "actionTitle", "Fewer billing complaints", "actionReason", "Many customers complain about late fees."));
    if (linked != null) {
      form.put("linkedComplaints", linked);
    }
    return driver.as(user, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  CorrectiveAction action(ProcessInstance instance) {
    return actions.get(((Number) engine.getRuntimeService().getVariable(instance.getId(), "correctiveActionId")).longValue());
  }

  /** Triage, analysis and plan, due in ten days; waits at the implementation. */
  CorrectiveAction acceptAndPlan(ProcessInstance instance) {
    driver.complete(instance, "Task_TriageCorrectiveAction", "owner", "triageDecision", "accept");
    driver.complete(instance, "Task_AnalyseRootCause", "owner", "rootCauseAnalysis",
        "The bank interface books payments a day late.");
    driver.complete(instance, "Task_PlanCorrectiveAction", "owner", "actionPlan", "Book payments on the value date.",
        "actionOwner", "supervisor", "actionDueDay", start.toLocalDate().plusDays(10).toString());
    assertThat(instance).isWaitingAt("Task_ImplementCorrectiveAction");
    return action(instance);
  }

  void implement(ProcessInstance instance) {
    driver.complete(instance, "Task_ImplementCorrectiveAction", "supervisor", "implementationNote",
        "Value-date booking switched on for all accounts.");
    assertThat(instance).isWaitingAt("Event_EffectivenessPeriodOver");
  }

  void afterEffectivenessPeriod(ProcessInstance instance) {
    driver.moveClockTo(EngineClock.toDate(EngineClock.now().plusDays(91)));
    driver.runDueJobs(instance);
  }

  @Test
  void manualStart_recordsTheAction_linksComplaints_andWaitsForTriage() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    List<String> linked = fixtures.complaints(2, start.minusDays(3), category, null, null);

    ProcessInstance instance = proposeByHand("owner", category, String.join(", ", linked));

    CorrectiveAction action = action(instance);
    assertThat(instance).isWaitingAt("Task_TriageCorrectiveAction").hasPassed("Task_RecordCorrectiveAction")
        .hasBusinessKey("CA-" + action.id());
    assertThat(action.status()).isEqualTo(CorrectiveAction.PROPOSED);
    assertThat(action.proposedBy()).isEqualTo("owner");
    assertThat(action.processInstanceId()).isEqualTo(instance.getId());
    assertThat(actions.linkedReferences(action.id())).containsExactlyInAnyOrderElementsOf(linked);
    assertThat(driver.eventTypes(linked.get(0))).contains(EventType.CORRECTIVE_ACTION_LINKED);
    var triage = driver.task(instance, "Task_TriageCorrectiveAction");
    assertThat(triage.getName()).isEqualTo("Triage proposal · CA-" + action.id());
    assertThat((String) engine.getTaskService().getVariableLocal(triage.getId(), "actionSummary"))
        .contains("Fewer billing complaints", linked.get(0), "Linked complaints (2)");
    assertThat(engine.getTaskService().getIdentityLinksForTask(triage.getId())).extracting(IdentityLink::getGroupId)
        .contains("process-owners", "management");
  }

  @Test
  void manualStart_isRefused_forAnUnknownCode_anUnknownComplaint_andWhileAnActionIsOpenForTheCause() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    assertThatThrownBy(() -> proposeByHand("owner", "no-such-category", null))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("causeCode: must be one of");
    assertThatThrownBy(() -> proposeByHand("owner", category, "C-1999-000001"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessage("linkedComplaints: no complaint C-1999-000001");

    ProcessInstance first = proposeByHand("owner", category, null);
    assertThatThrownBy(() -> proposeByHand("manager", category, null))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("corrective action #" + action(first).id() + " is already open for category " + category);
  }

  @Test
  void declined_endsWithTheReason_andFreesTheCause() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, null);
    long id = action(instance).id();

    assertThatThrownBy(() -> driver.complete(instance, "Task_TriageCorrectiveAction", "manager", "triageDecision", "decline"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("declineReason:");
    driver.complete(instance, "Task_TriageCorrectiveAction", "manager", "triageDecision", "decline",
        "declineReason", "A one-off caused by the October price change.");

    assertThat(instance).isEnded().hasPassed("EndEvent_ActionDeclined").hasNotPassed("Task_AnalyseRootCause");
    CorrectiveAction declined = actions.get(id);
    assertThat(declined.status()).isEqualTo(CorrectiveAction.DECLINED);
    assertThat(declined.declineReason()).isEqualTo("A one-off caused by the October price change.");
    assertThat(proposeByHand("owner", category, null)).as("a new proposal for the cause is possible").isNotNull();
  }

  @Test
  void accepted_implemented_effective_isClosed() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, null);
    CorrectiveAction planned = acceptAndPlan(instance);
    assertThat(planned.status()).isEqualTo(CorrectiveAction.OPEN);
    assertThat(planned.actionOwner()).isEqualTo("supervisor");
    assertThat(planned.dueDate()).isEqualTo(start.toLocalDate().plusDays(10));
    assertThat(driver.task(instance, "Task_ImplementCorrectiveAction").getAssignee()).isEqualTo("supervisor");
    // 9 complaints in the 90 days before implementation, none after: effective
    fixtures.complaints(9, start.minusDays(30), category, null, null);

    implement(instance);
    assertThat(action(instance).status()).isEqualTo(CorrectiveAction.IMPLEMENTED);
    afterEffectivenessPeriod(instance);

    assertThat(instance).isEnded().hasPassed("Task_CheckEffectiveness", "Task_CloseCorrectiveAction", "EndEvent_ActionClosed")
        .hasNotPassed("Task_ReopenCorrectiveAction");
    CorrectiveAction closed = actions.get(planned.id());
    assertThat(closed.status()).isEqualTo(CorrectiveAction.CLOSED);
    assertThat(closed.effective()).isTrue();
    assertThat(closed.rateBefore()).isEqualTo(9 / 90.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(closed.rateAfter()).isZero();
    assertThat(closed.closedAt()).isNotNull();
  }

  @Test
  void notEffective_isReopened_analysedAgain_andClosedWhenTheSecondActionWorks() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, null);
    long id = acceptAndPlan(instance).id();
    fixtures.complaints(4, start.minusDays(30), category, null, null);
    implement(instance);
    // as many complaints after implementation as before: not effective
    fixtures.complaints(4, start.plusDays(20), category, null, null);

    afterEffectivenessPeriod(instance);

    assertThat(instance).hasPassed("Task_CheckEffectiveness", "Task_ReopenCorrectiveAction")
        .hasNotPassed("Task_CloseCorrectiveAction").isWaitingAt("Task_AnalyseRootCause");
    CorrectiveAction reopened = actions.get(id);
    assertThat(reopened.status()).isEqualTo(CorrectiveAction.REOPENED);
    assertThat(reopened.effective()).isFalse();
    assertThat(reopened.timesReopened()).isEqualTo(1);
    assertThat(reopened.rateAfter()).isGreaterThan(reopened.rateBefore() * 0.8);

    // second round: analysed, planned, implemented, and this time no complaints follow
    start = EngineClock.now();
    driver.complete(instance, "Task_AnalyseRootCause", "owner", "rootCauseAnalysis",
        "The fix only covered new accounts; old accounts kept the old booking.");
    driver.complete(instance, "Task_PlanCorrectiveAction", "owner", "actionPlan", "Migrate the old accounts too.",
        "actionOwner", "supervisor", "actionDueDay", start.toLocalDate().plusDays(5).toString());
    implement(instance);
    afterEffectivenessPeriod(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_ActionClosed");
    assertThat(actions.get(id).status()).isEqualTo(CorrectiveAction.CLOSED);
    assertThat(actions.get(id).effective()).isTrue();
  }

  @Test
  void implementation_remindsTheOwnerBeforeTheDueDate_andEscalatesToManagementWhenOverdue() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, null);
    acceptAndPlan(instance);
    String taskId = driver.task(instance, "Task_ImplementCorrectiveAction").getId();
    LocalDate due = start.toLocalDate().plusDays(10);

    // the reminder is due 3 days before the end of the due day
    driver.moveClockTo(EngineClock.toDate(due.minusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC).minusHours(1)));
    driver.runDueJobs(instance);
    assertThat(instance).hasNotPassed("Task_RemindActionOwner");
    driver.moveClockTo(EngineClock.toDate(due.minusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(1)));
    driver.runDueJobs(instance);
    assertThat(instance).hasPassed("Task_RemindActionOwner", "EndEvent_OwnerReminded").hasNotPassed("Task_EscalateOverdueAction")
        .isWaitingAt("Task_ImplementCorrectiveAction");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getPriority()).isEqualTo(75);

    driver.moveClockTo(EngineClock.toDate(due.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(1)));
    driver.runDueJobs(instance);
    assertThat(instance).hasPassed("Task_EscalateOverdueAction", "EndEvent_Escalated").isWaitingAt("Task_ImplementCorrectiveAction");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getPriority()).isEqualTo(100);
    assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId).contains("management");
    assertThat(driver.task(instance, "Task_ImplementCorrectiveAction").getId()).as("the owner's task stays").isEqualTo(taskId);
  }

  @Test
  void plan_isRefused_withAnUnknownOwner_orADueDateInThePast() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, null);
    driver.complete(instance, "Task_TriageCorrectiveAction", "owner", "triageDecision", "accept");
    driver.complete(instance, "Task_AnalyseRootCause", "owner", "rootCauseAnalysis", "The bank interface books late.");

    assertThatThrownBy(() -> driver.complete(instance, "Task_PlanCorrectiveAction", "owner", "actionPlan",
        "Book on the value date.", "actionOwner", "nobody", "actionDueDay", start.toLocalDate().plusDays(3).toString()))
        .isInstanceOf(InvalidSubmissionException.class).hasMessage("actionOwner: is not a Redress user");
    assertThatThrownBy(() -> driver.complete(instance, "Task_PlanCorrectiveAction", "owner", "actionPlan",
        "Book on the value date.", "actionOwner", "supervisor", "actionDueDay", start.toLocalDate().minusDays(1).toString()))
        .isInstanceOf(InvalidSubmissionException.class).hasMessage("actionDueDay: must not be in the past");
    assertThat(instance).isWaitingAt("Task_PlanCorrectiveAction");
  }

  @Test
  void aLinkedComplaint_showsItsOpenActionInItsNextTask() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    String reference = driver.reference(complaint);
    String category = fixtures.newCode(CodeLists.CATEGORY, "ca");
    ProcessInstance instance = proposeByHand("owner", category, reference);

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");

    String context = (String) engine.getTaskService().getVariableLocal(
        driver.task(complaint, "Task_ProposeResponse").getId(), "assessmentSummary");
    assertThat(context).contains("Corrective action CA-" + action(instance).id(), "Fewer billing complaints");
    assertThat(driver.timeline(reference)).filteredOn(e -> e.type() == EventType.CORRECTIVE_ACTION_LINKED)
        .singleElement().satisfies(e -> assertThat(e.summary()).startsWith("Linked to corrective action #" + action(instance).id()));
  }
}
