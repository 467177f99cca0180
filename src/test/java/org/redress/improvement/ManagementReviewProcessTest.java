package org.redress.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.redress.complaint.Timeline;
import org.redress.engine.InvalidSubmissionException;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.CorrectiveAction;
import org.redress.improvement.action.CorrectiveActions;
import org.redress.improvement.review.ManagementReview;
import org.redress.improvement.review.ManagementReviews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/management-review.bpmn (ISO 10002 8.6): the monthly schedule and the start by hand,
 * the stored report (HTML and PDF, read back with PDFBox), the decisions recorded, and a decision
 * that starts a corrective action.
 */
@RedressTest
class ManagementReviewProcessTest {

  static final String KEY = "management-review";

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired CodeLists codeLists;
  @Autowired CorrectiveActions actions;
  @Autowired ManagementReviews reviews;
  ComplaintDriver driver;
  ImprovementFixtures fixtures;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
    fixtures = new ImprovementFixtures(jdbc, codeLists, engine);
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
  }

  ProcessInstance startByHand(String from, String to) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance instance = driver.as("manager", () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("periodStart", from, "periodEnd", to)));
    driver.runDueJobs(instance);
    return instance;
  }

  ManagementReview review(ProcessInstance instance) {
    return reviews.find(((Number) engine.getRuntimeService().getVariable(instance.getId(), "managementReviewId")).longValue())
        .orElseThrow();
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  @Test
  void monthlySchedule_startsAReviewOfThePreviousMonth_forManagement() {
    driver.moveClockTo(EngineClock.toDate(OffsetDateTime.of(2061, 3, 1, 6, 0, 0, 0, ZoneOffset.UTC)));

    String schedule = fixtures.runTimerStart("management-review-schedule");

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(schedule)
        .singleResult();
    assertThat(instance).isNotNull();
    driver.runDueJobs(instance);
    assertThat(instance).hasPassed("Task_AssembleReviewReport").isWaitingAt("Task_ConductManagementReview");
    ManagementReview review = review(instance);
    assertThat(review.periodStart()).isEqualTo(LocalDate.of(2061, 2, 1));
    assertThat(review.periodEnd()).isEqualTo(LocalDate.of(2061, 2, 28));
    assertThat(review.startedBy()).isEqualTo("system");
    var task = driver.task(instance, "Task_ConductManagementReview");
    assertThat(task.getName()).isEqualTo("Conduct management review · MR-" + review.id());
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("management");
    assertThat((String) engine.getTaskService().getVariableLocal(task.getId(), "reviewSummary"))
        .contains("/staff/management-reviews/" + review.id() + "/report.html", "/report.pdf");

    driver.complete(instance, "Task_ConductManagementReview", "manager", "reviewDecisions",
        "Objectives kept; no new resources needed.", "correctiveActionDecided", false);
    assertThat(instance).isEnded().hasPassed("EndEvent_ReviewCompleted").hasNotPassed("Task_StartCorrectiveAction");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(schedule).singleResult()
        .getEndTime()).as("the schedule's instance ends with the review").isNotNull();
    ManagementReview completed = reviews.find(review.id()).orElseThrow();
    assertThat(completed.completedBy()).isEqualTo("manager");
    assertThat(completed.completedAt()).isNotNull();
    assertThat(completed.decisions()).isEqualTo("Objectives kept; no new resources needed.");
  }

  @Test
  void startedByHand_reportsThePeriod_asHtmlAndPdf() throws IOException {
    driver.moveClockTo(EngineClock.toDate(OffsetDateTime.of(2062, 5, 10, 9, 0, 0, 0, ZoneOffset.UTC)));
    String category = fixtures.newCode(CodeLists.CATEGORY, "mr");
    String rootCause = fixtures.newCode(CodeLists.ROOT_CAUSE, "mr");
    OffsetDateTime inPeriod = OffsetDateTime.of(2062, 4, 12, 10, 0, 0, 0, ZoneOffset.UTC);
    fixtures.complaints(7, inPeriod, category, null, rootCause);
    fixtures.complaints(2, inPeriod.minusMonths(2), category, null, rootCause); // before the period
    actions.propose(new Cause("category", category), "Clearer invoices", "Trend detected: 7 complaints", "system", null);

    ProcessInstance instance = startByHand("2062-04-01", "2062-04-30");

    assertThat(instance).isWaitingAt("Task_ConductManagementReview");
    ManagementReview review = review(instance);
    assertThat(review.startedBy()).isEqualTo("manager");
    assertThat(review.periodStart()).isEqualTo(LocalDate.of(2062, 4, 1));
    String html = reviews.html(review.id()).orElseThrow();
    assertThat(html).contains("Management review (ISO 10002 8.6)", "2062-04-01", "Test " + category, "Test " + rootCause,
        "Clearer invoices", "KPIs against objectives", "Satisfaction with complaints handling", "Audit findings");
    String pdf = pdfText(reviews.pdf(review.id()).orElseThrow());
    assertThat(pdf).contains("Management review (ISO 10002 8.6)", "Period 2062-04-01 to 2062-04-30",
        "Received in the period 7", "KPIs against objectives", "Acknowledged within target", "Complaints received 7 ",
        "Top categories", "Test " + category + " 7", "Top root causes",
        "Test " + rootCause + " 7", "Clearer", "PROPOSED", "not checked yet")
        .containsPattern("\\d+ open; \\d+ completed in the period"); // other tests' actions share the database
  }

  @Test
  void aDecisionToStartACorrectiveAction_startsOne_linkedToTheReview() {
    driver.moveClockTo(EngineClock.toDate(OffsetDateTime.of(2063, 7, 3, 9, 0, 0, 0, ZoneOffset.UTC)));
    String product = fixtures.newCode(CodeLists.PRODUCT, "mr");
    ProcessInstance instance = startByHand("2063-06-01", "2063-06-30");
    long reviewId = review(instance).id();

    assertThatThrownBy(() -> driver.complete(instance, "Task_ConductManagementReview", "manager", "reviewDecisions",
        "Act on the delivery product.", "correctiveActionDecided", true, "causeKind", "product", "causeCode", "nonsense",
        "actionTitle", "Faster delivery"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("causeCode: must be one of");
    driver.complete(instance, "Task_ConductManagementReview", "manager", "reviewDecisions",
        "Act on the delivery product.", "reviewActions", "Owner to report in the next review.",
        "correctiveActionDecided", true, "causeKind", "product", "causeCode", product, "actionTitle", "Faster delivery");

    assertThat(instance).isEnded().hasPassed("Task_StartCorrectiveAction", "EndEvent_ReviewCompleted");
    CorrectiveAction action = actions.openFor(new Cause("product", product)).orElseThrow();
    assertThat(action.title()).isEqualTo("Faster delivery");
    assertThat(action.managementReviewId()).isEqualTo(reviewId);
    assertThat(action.proposedBy()).isEqualTo("manager");
    assertThat(action.reason()).isEqualTo("Decided in management review MR-" + reviewId);
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(action.processInstanceId()).singleResult();
    assertThat(started).isWaitingAt("Task_TriageCorrectiveAction");
    assertThat(reviews.find(reviewId).orElseThrow().actions()).isEqualTo("Owner to report in the next review.");
  }
}
