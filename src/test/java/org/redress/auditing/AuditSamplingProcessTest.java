package org.redress.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.InvalidSubmissionException;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * processes/audit-sampling.bpmn (ISO 10002 8.5): the timer starts it, a random sample of the
 * complaints closed in the period is drawn, each becomes a review task for the auditors with the
 * checklist, the results are stored and reported; a period without closures ends at once. The
 * clock is moved decades ahead so that only this test's complaints fall into the period.
 */
@RedressTest
class AuditSamplingProcessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditSamplingSettings settings;
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

  @Test
  void timerFires_sampleOfTheClosedComplaintsIsDrawn_eachIsAuditedWithTheChecklist_resultsAreStoredAndReported() {
    OffsetDateTime future = EngineClock.now().plusYears(30);
    driver.moveClockTo(EngineClock.toDate(future));
    String first = closedComplaint();
    String second = closedComplaint();
    driver.moveClockTo(EngineClock.toDate(future.plusDays(1)));

    ProcessInstance sampling = fireTimer();
    assertThat(sampling).hasPassed("StartEvent_AuditDue", "Task_DrawAuditSample", "Gateway_AnythingToAudit")
        .isWaitingAt("Task_AuditClosedComplaint");
    assertThat(sampling).variables().containsEntry(ComplaintVariables.AUDIT_SAMPLE_SIZE, 2);
    List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(sampling.getId()).list();
    assertThat(reviews).hasSize(2);
    assertThat(reviews).extracting(Task::getName).containsExactlyInAnyOrder(
        "Audit closed complaint · " + first, "Audit closed complaint · " + second);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(sampling.getId())
        .taskCandidateGroup("auditors").count()).isEqualTo(2);
    Task firstReview = review(sampling, first);
    assertThat((String) engine.getTaskService().getVariableLocal(firstReview.getId(), ComplaintVariables.AUDIT_CONTEXT))
        .contains("**Decision communicated**", "/case-file.html").doesNotContain("Jane Doe");

    submit(firstReview, allYes());
    Task secondReview = review(sampling, second);
    Map<String, Object> notConforming = allYes();
    notConforming.put("acknowledgedInTime", "no");
    assertThatThrownBy(() -> submit(secondReview, notConforming)).isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("findings");
    Map<String, Object> wrongAnswer = allYes();
    wrongAnswer.put("timelineComplete", "na");
    assertThatThrownBy(() -> submit(secondReview, wrongAnswer)).hasMessageContaining("timelineComplete");
    notConforming.put("findings", "=Acknowledgement went out after three days.");
    submit(secondReview, notConforming);

    assertThat(sampling).isEnded().hasPassed("Task_AuditClosedComplaint", "EndEvent_SampleAudited");
    AuditReviews.Report report = new AuditReviews(jdbc).report(future.toLocalDate().toString(), null);
    assertThat(report.reviews()).isEqualTo(2);
    assertThat(report.conforming()).isEqualTo(1);
    assertThat(report.items()).anySatisfy(r -> {
      assertThat(r.reference()).isEqualTo(second);
      assertThat(r.conforming()).isFalse();
      assertThat(r.reviewedBy()).isEqualTo("auditor");
      assertThat(r.answers()).containsEntry("acknowledgedInTime", "no").containsEntry("recourseOffered", "na");
      assertThat(r.periodEnd()).isEqualTo(future.plusDays(1).toLocalDate());
    });

    StaffHttp http = new StaffHttp(port);
    JsonNode json = http.get("auditor", "/api/staff/audit/reviews?from=" + future.toLocalDate()).json();
    assertThat(json.path("reviews").asInt()).isEqualTo(2);
    assertThat(json.path("conformingShare").asDouble()).isEqualTo(0.5);
    StaffHttp.Response csv = http.get("auditor", "/api/staff/audit/reviews.csv?from=" + future.toLocalDate());
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("reference,reviewed_at,reviewed_by,conforming,acknowledged_in_time")
        .contains(second + ",").contains("'=Acknowledgement went out after three days.");
    assertThat(http.get("handler", "/api/staff/audit/reviews").status()).isEqualTo(403);
    assertThat(http.get("auditor", "/api/staff/audit/reviews?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void anAuditorWhoWorkedOnTheComplaint_mayNotAuditIt() {
    OffsetDateTime future = EngineClock.now().plusYears(50);
    driver.moveClockTo(EngineClock.toDate(future));
    String handledByTheAuditor = closedComplaint();
    new TransactionTemplate(transactions).executeWithoutResult(status -> timeline.record(handledByTheAuditor,
        EventType.COMPLAINANT_MESSAGE_RECEIVED, "auditor", "Took a phone call from the complainant", Map.of(), null, null));
    driver.moveClockTo(EngineClock.toDate(future.plusDays(1)));

    ProcessInstance sampling = fireTimer();
    Task review = review(sampling, handledByTheAuditor);
    assertThatThrownBy(() -> driver.as("auditor", () -> {
      engine.getTaskService().claim(review.getId(), "auditor");
      return null;
    })).hasMessageContaining("may not audit it");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aPeriodWithoutClosedComplaints_endsWithoutReviews() {
    driver.moveClockTo(EngineClock.toDate(EngineClock.now().plusYears(70)));
    ProcessInstance sampling = fireTimer();
    assertThat(sampling).isEnded().hasPassed("Task_DrawAuditSample", "EndEvent_NothingToAudit")
        .hasNotPassed("Task_AuditClosedComplaint");
  }

  @Test
  void theSampleIsAtMostTheConfiguredSize_drawnFromThePeriodOnly() {
    OffsetDateTime future = EngineClock.now().plusYears(90);
    driver.moveClockTo(EngineClock.toDate(future.minusMonths(3)));
    String tooEarly = closedComplaint();
    driver.moveClockTo(EngineClock.toDate(future));
    List<String> inPeriod = List.of(closedComplaint(), closedComplaint(), closedComplaint());
    driver.moveClockTo(EngineClock.toDate(future.plusDays(1)));

    DelegateExecution execution = mock(DelegateExecution.class);
    new DrawAuditSample(jdbc, new AuditSamplingSettings(settings.getCycle(), Period.ofMonths(1), 2)).execute(execution);
    org.mockito.ArgumentCaptor<Object> sample = org.mockito.ArgumentCaptor.forClass(Object.class);
    verify(execution).setVariable(eq(ComplaintVariables.AUDIT_SAMPLE), sample.capture());
    verify(execution).setVariable(ComplaintVariables.AUDIT_SAMPLE_SIZE, 2);
    @SuppressWarnings("unchecked") List<String> drawn = (List<String>) sample.getValue();
    assertThat(drawn).hasSize(2).doesNotContain(tooEarly).allMatch(inPeriod::contains);
  }

  private ProcessInstance fireTimer() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("audit-sampling").timers()
        .singleResult();
    assertThat(timer).as("the audit-sampling timer is scheduled").isNotNull();
    // the tests move the clock back and forth: tell the new instance by its id, not its start time
    List<String> before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("audit-sampling").list().stream().map(HistoricProcessInstance::getId).toList();
    engine.getManagementService().executeJob(timer.getId());
    HistoricProcessInstance started = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("audit-sampling").list().stream().filter(p -> !before.contains(p.getId()))
        .findFirst().orElseThrow();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.getId()).singleResult();
    driver.runDueJobs(instance);
    ProcessInstance now = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getId())
        .singleResult();
    return now != null ? now : instance;
  }

  private Task review(ProcessInstance sampling, String reference) {
    return engine.getTaskService().createTaskQuery().processInstanceId(sampling.getId()).list().stream()
        .filter(t -> t.getName().endsWith(reference)).findFirst().orElseThrow();
  }

  private void submit(Task task, Map<String, Object> values) {
    driver.as("auditor", () -> {
      if (engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), "auditor");
      }
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  private static Map<String, Object> allYes() {
    Map<String, Object> values = new HashMap<>();
    AuditClosedComplaint.CHECKLIST.keySet().forEach(field -> values.put(field, "yes"));
    values.put("recourseOffered", "na");
    return values;
  }

  private String closedComplaint() {
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(complaint, "Task_ProposeResponse", "handler", "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    return driver.reference(complaint);
  }
}
