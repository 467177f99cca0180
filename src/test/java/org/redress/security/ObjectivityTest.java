package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.RefusedAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ISO 10002 4.7 objectivity and 4.12 accountability, enforced by the engine: staff named in a
 * complaint cannot claim, be given or complete its tasks, and every attempt is on the timeline.
 */
@RedressTest
class ObjectivityTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired NamedStaff namedStaff;
  @Autowired PlatformTransactionManager transactions;
  ComplaintDriver driver;
  StaffHttp http;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    http = new StaffHttp(port);
  }

  @Test
  void registration_storesTheNamedStaff_andKeepsThemOutOfTheProcess() {
    ProcessInstance complaint = driver.register("handler", with(phoneComplaint(), "namedStaff", " handler2, supervisor2 ,handler2"));

    String reference = driver.reference(complaint);
    assertThat(namedStaff.of(reference)).containsExactly("handler2", "supervisor2");
    assertThat(engine.getRuntimeService().getVariable(complaint.getId(), "namedStaff")).isNull();
  }

  @Test
  void namingSomeoneUnknown_orNotAUserName_isRefusedAtRegistration() {
    assertThatThrownBy(() -> driver.register("handler", with(phoneComplaint(), "namedStaff", "handler2, nobody42")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("namedStaff: no staff member with the user name nobody42");
    assertThatThrownBy(() -> driver.register("handler", with(phoneComplaint(), "namedStaff", "Hugo Handler")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("namedStaff: must be user names");
  }

  @Test
  void namedHandler_cannotClaim_andTheAttemptIsOnTheTimeline() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "handler2"));
    String reference = driver.reference(complaint);
    Task review = driver.task(complaint, "Task_ReviewAssessment");

    assertThatThrownBy(() -> driver.as("handler2", () -> {
      engine.getTaskService().claim(review.getId(), "handler2");
      return null;
    })).isInstanceOf(RefusedAction.class)
        .hasMessage("You are named in this complaint and may not work on it; a colleague who is not named must take this step.");

    assertThat(driver.task(complaint, "Task_ReviewAssessment").getAssignee()).isNull();
    TimelineEvent refusal = last(reference);
    assertThat(refusal.type()).isEqualTo(EventType.OBJECTIVITY_REFUSAL);
    assertThat(refusal.actor()).isEqualTo("handler2");
    assertThat(refusal.summary()).contains("claim", "Review assessment");
    assertThat(refusal.visibleToComplainant()).isFalse();

    StaffHttp.Response overHttp = http.postJson("handler2", "/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", "handler2"));
    assertThat(overHttp.status()).isEqualTo(400);
    assertThat(overHttp.json().path("message").asText()).contains("You are named in this complaint")
        .doesNotContain("Exception", "ENGINE-");
    assertThat(driver.timeline(reference)).filteredOn(e -> e.type() == EventType.OBJECTIVITY_REFUSAL).hasSize(2);
  }

  @Test
  void supervisor_cannotAssignTheTaskToANamedHandler() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "handler2"));
    String reference = driver.reference(complaint);
    Task review = driver.task(complaint, "Task_ReviewAssessment");

    StaffHttp.Response response = http.postJson("supervisor", "/engine-rest/task/" + review.getId() + "/assignee",
        Map.of("userId", "handler2"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).startsWith("Hugo Handler is named in this complaint");
    assertThat(driver.task(complaint, "Task_ReviewAssessment").getAssignee()).isNull();
    TimelineEvent refusal = last(reference);
    assertThat(refusal.type()).isEqualTo(EventType.OBJECTIVITY_REFUSAL);
    assertThat(refusal.actor()).isEqualTo("supervisor");
    assertThat(refusal.summary()).contains("assign to handler2");

    assertThat(http.postJson("supervisor", "/engine-rest/task/" + review.getId() + "/assignee",
        Map.of("userId", "handler")).status()).as("a colleague who is not named").isEqualTo(204);
  }

  @Test
  void namedHandler_cannotComplete_evenWithoutClaiming() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "handler2"));
    String reference = driver.reference(complaint);
    Task review = driver.task(complaint, "Task_ReviewAssessment");
    Map<String, Object> confirm = Map.of("severity", "low", "responseTarget", "P15D");

    assertThatThrownBy(() -> driver.as("handler2", () -> {
      engine.getFormService().submitTaskForm(review.getId(), confirm);
      return null;
    })).isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("You are named in this complaint");

    StaffHttp.Response overHttp = http.postJson("handler2", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", AccessMatrixTest.variables(Map.of("severity", "low", "responseTarget", "P15D"))));
    assertThat(overHttp.status()).isEqualTo(400);
    assertThat(overHttp.json().path("message").asText()).contains("You are named in this complaint");
    assertThat(driver.task(complaint, "Task_ReviewAssessment").getId()).as("still open").isEqualTo(review.getId());
    assertThat(driver.timeline(reference)).filteredOn(e -> e.type() == EventType.OBJECTIVITY_REFUSAL)
        .hasSize(2).allSatisfy(e -> assertThat(e.summary()).contains("complete"));
    assertThat(driver.eventTypes(reference)).doesNotContain(EventType.ASSESSMENT_CONFIRMED);

    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    assertThat(driver.eventTypes(reference)).contains(EventType.ASSESSMENT_CONFIRMED);
  }

  @Test
  void everyStepIsAttributed_onTheTimeline_andInCamundasOperationLog() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    String reference = driver.reference(complaint);
    Task review = driver.task(complaint, "Task_ReviewAssessment");

    assertThat(http.postJson("handler", "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "handler"))
        .status()).isEqualTo(204);
    assertThat(http.postJson("handler", "/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", AccessMatrixTest.variables(Map.of("severity", "low", "responseTarget", "P15D",
            "category", "other")))).status()).isEqualTo(204);

    List<UserOperationLogEntry> log = engine.getHistoryService().createUserOperationLogQuery()
        .taskId(review.getId()).list();
    assertThat(log).extracting(UserOperationLogEntry::getOperationType)
        .contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly("handler");
    assertThat(driver.timeline(reference)).allSatisfy(e -> assertThat(e.actor()).isIn("handler", Actors.SYSTEM));
    assertThat(driver.timeline(reference)).filteredOn(e -> e.type() == EventType.ASSESSMENT_CONFIRMED)
        .extracting(TimelineEvent::actor).containsExactly("handler");
  }

  /**
   * A refused step whose transaction already wrote to the complaint's timeline holds the lock on
   * its hash chain: the attempt is recorded once that transaction has rolled back, instead of a
   * separate transaction waiting for the lock for ever.
   */
  @Test
  void refusalInAStepThatAlreadyWroteToTheTimeline_isRecordedAfterTheRollback_withoutWaiting() {
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "namedStaff", "handler2"));
    String reference = driver.reference(complaint);
    Task review = driver.task(complaint, "Task_ReviewAssessment");
    int before = driver.timeline(reference).size();
    long started = System.nanoTime();

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      timeline.record(reference, EventType.REMINDER_SENT, Actors.SYSTEM, "written first, rolled back with the step",
          Map.of(), null, null);
      driver.as("handler2", () -> {
        engine.getTaskService().claim(review.getId(), "handler2");
        return null;
      });
    })).isInstanceOf(RefusedAction.class);

    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    List<TimelineEvent> events = driver.timeline(reference);
    assertThat(events).hasSize(before + 1);
    assertThat(last(reference).type()).isEqualTo(EventType.OBJECTIVITY_REFUSAL);
    assertThat(events).extracting(TimelineEvent::summary).doesNotContain("written first, rolled back with the step");
    assertThat(org.redress.complaint.TimelineChain.verify(events)).isEmpty();
  }

  private TimelineEvent last(String reference) {
    List<TimelineEvent> events = driver.timeline(reference);
    return events.get(events.size() - 1);
  }
}
