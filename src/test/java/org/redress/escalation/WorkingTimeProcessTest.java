package org.redress.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;
import static org.redress.complaint.EventType.CLOCK_PAUSED;
import static org.redress.complaint.EventType.CLOCK_RESUMED;
import static org.redress.complaint.EventType.ESCALATED;
import static org.redress.complaint.EventType.QUESTION_ANSWERED;
import static org.redress.complaint.EventType.QUESTION_ASKED;
import static org.redress.complaint.EventType.QUESTION_REMINDER_SENT;
import static org.redress.complaint.EventType.QUESTION_UNANSWERED;
import static org.redress.complaint.EventType.REMINDER_SENT;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Response targets in working time (ISO 10002 4.15), with a fixed engine clock: an office in
 * Berlin, Monday to Friday 09:00-17:00, German public holidays.
 */
@RedressTest
@TestPropertySource(properties = {
    "redress.business-calendar.zone=Europe/Berlin",
    "redress.business-calendar.working-week=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
    "redress.business-calendar.hours=09:00-17:00",
    "redress.business-calendar.holidays=de"})
class WorkingTimeProcessTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired ComplainantQuestions questions;
  @Autowired WorkingCalendar calendar;
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

  /** Safety concern: a 2-working-day response target, and immediate action in calendar hours. */
  @Test
  void receivedFridayAtFive_withTwoWorkingDays_isDueTuesdayAtFive_remindedAndEscalatedInWorkingTime() {
    driver.moveClockTo(at("2026-11-27T17:00"));
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "safetyConcern", true));

    assertThat(driver.state(complaint).responseTarget()).isEqualTo("P2D");
    assertThat(variable(complaint, "responseDueDate")).isEqualTo(at("2026-12-01T17:00"));
    assertThat(variable(complaint, "reminderDate")).as("75 % of 16 working hours").isEqualTo(at("2026-12-01T13:00"));
    assertThat(variable(complaint, "immediateActionDueDate")).as("calendar hours").isEqualTo(at("2026-11-27T21:00"));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "critical", "responseTarget", "P2D");
    assertThat(timer(complaint, "BoundaryEvent_ReminderDue").getDuedate()).isEqualTo(at("2026-12-01T13:00"));
    assertThat(timer(complaint, "BoundaryEvent_ResponseOverdue").getDuedate()).isEqualTo(at("2026-12-01T17:00"));

    driver.moveClockTo(at("2026-12-01T12:59"));
    driver.runDueJobs(complaint);
    assertThat(driver.eventTypes(driver.reference(complaint))).doesNotContain(REMINDER_SENT);
    driver.moveClockTo(at("2026-12-01T13:01"));
    driver.runDueJobs(complaint);
    assertThat(driver.eventTypes(driver.reference(complaint))).contains(REMINDER_SENT).doesNotContain(ESCALATED);

    driver.moveClockTo(at("2026-12-01T17:01"));
    driver.runDueJobs(complaint);
    assertThat(complaint).hasPassed("Task_EscalateComplaint");
    assertThat(driver.task(complaint, "Task_SuperviseEscalatedComplaint").getDueDate())
        .as("escalation period P2D, counted from Wednesday's opening").isEqualTo(at("2026-12-03T17:00"));
  }

  @Test
  void aPublicHolidayOnTheMonday_makesItDueOneDayLater() {
    driver.moveClockTo(at("2026-05-22T17:00")); // Friday before Whit Monday
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "safetyConcern", true));
    assertThat(variable(complaint, "responseDueDate")).isEqualTo(at("2026-05-27T17:00"));
    assertThat(driver.state(complaint).responseDueAt().toInstant()).isEqualTo(at("2026-05-27T17:00").toInstant());
  }

  /** A process owner's own timer written as a duration in Modeler counts working time too. */
  @Test
  void aDurationTimerInAnyProcess_countsWorkingTime() {
    Deployment deployment = engine.getRepositoryService().createDeployment().addModelInstance("wait-one-day.bpmn",
        Bpmn.createExecutableProcess("wait-one-working-day").camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent("Event_OneDay").timerWithDuration("P1D").endEvent().done())
        .deploy();
    try {
      driver.moveClockTo(at("2026-11-27T16:00"));
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("wait-one-working-day");
      assertThat(timer(instance, "Event_OneDay").getDuedate()).isEqualTo(at("2026-11-30T16:00"));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  // ------------------------------------------------------------ asking the complainant (7.6)

  /** Medium complaint (P10D) received Monday 10:00; the handler asks during the investigation on Monday. */
  private ProcessInstance askedDuringInvestigation() {
    driver.moveClockTo(at("2026-11-30T10:00"));
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 600));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "medium", "responseTarget", "P10D");
    assertThat(complaint).isWaitingAt("Task_InvestigateComplaint");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "askComplainant", true,
        "complainantQuestion", "On which date did the technician visit you?");
    driver.runDueJobsWithCalled(complaint);
    return complaint;
  }

  @Test
  void aThreeDayPause_movesReminderAndEscalationByThreeWorkingDays_andTheAnswerResumesTheClock() {
    ProcessInstance complaint = askedDuringInvestigation();
    String reference = driver.reference(complaint);
    Date due = at("2026-12-14T10:00");
    assertThat(variable(complaint, "responseDueDate")).isEqualTo(due);
    Date reminder = timer(complaint, "BoundaryEvent_ReminderDue").getDuedate();
    assertThat(timer(complaint, "BoundaryEvent_ReminderDue").isSuspended()).as("the clock stands still").isTrue();
    assertThat(timer(complaint, "BoundaryEvent_ResponseOverdue").isSuspended()).isTrue();
    assertThat(driver.eventTypes(reference)).contains(CLOCK_PAUSED, QUESTION_ASKED);
    assertThat(questions.waiting(reference)).get().extracting(ComplainantQuestions.Question::question)
        .isEqualTo("On which date did the technician visit you?");

    driver.moveClockTo(at("2026-12-03T10:00")); // Thursday: three working days later
    assertThat(questions.answer(reference, "On 24 November, in the afternoon.", "status page")).isTrue();
    driver.runDueJobsWithCalled(complaint);

    assertThat(complaint).isWaitingAt("Task_InvestigateComplaint");
    assertThat(timer(complaint, "BoundaryEvent_ResponseOverdue").isSuspended()).isFalse();
    assertThat(timer(complaint, "BoundaryEvent_ResponseOverdue").getDuedate()).isEqualTo(at("2026-12-17T10:00"))
        .isEqualTo(calendar.after(due, "P3D"));
    assertThat(timer(complaint, "BoundaryEvent_ReminderDue").getDuedate()).isEqualTo(calendar.after(reminder, "P3D"));
    assertThat(variable(complaint, "responseDueDate")).isEqualTo(at("2026-12-17T10:00"));
    assertThat(driver.state(complaint).responseDueAt().toInstant()).isEqualTo(at("2026-12-17T10:00").toInstant());
    assertThat(variable(complaint, "responseClockPausedSeconds")).isEqualTo(3 * 8 * 3600L);
    assertThat(variable(complaint, "complainantAnswered")).isEqualTo(true);
    assertThat(driver.eventTypes(reference)).contains(QUESTION_ANSWERED, CLOCK_RESUMED);
    assertThat((String) engine.getTaskService().getVariableLocal(driver.task(complaint, "Task_InvestigateComplaint").getId(),
        "caseHistory")).as("the handler's task shows the answer").contains("On 24 November, in the afternoon.");

    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "askComplainant", false, "findings",
        "The technician came on 24 November and left the router unconfigured.", "rootCause", "billing-error", "complaintJustified", "justified");
    assertThat(complaint).isWaitingAt("Task_ProposeResponse");
  }

  @Test
  void noAnswer_leadsToOneReminder_thenTheStepComesBackToTheHandler() {
    ProcessInstance complaint = askedDuringInvestigation();
    String reference = driver.reference(complaint);

    driver.moveClockTo(at("2026-12-07T10:01")); // five working days after Monday 10:00
    driver.runDueJobsWithCalled(complaint);
    assertThat(driver.eventTypes(reference)).contains(QUESTION_REMINDER_SENT).doesNotContain(CLOCK_RESUMED);
    assertThat(questions.waiting(reference)).get().satisfies(q -> assertThat(q.remindedAt()).isNotNull());

    driver.moveClockTo(at("2026-12-14T10:02")); // five more
    driver.runDueJobsWithCalled(complaint);
    assertThat(complaint).isWaitingAt("Task_InvestigateComplaint");
    assertThat(variable(complaint, "complainantAnswered")).isEqualTo(false);
    assertThat(driver.eventTypes(reference)).contains(QUESTION_UNANSWERED, CLOCK_RESUMED).doesNotContain(QUESTION_ANSWERED);
    assertThat(questions.answer(reference, "too late", "status page")).as("no question waits any more").isFalse();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  static Date at(String berlinTime) {
    return Date.from(LocalDateTime.parse(berlinTime).atZone(BERLIN).toInstant());
  }
}
