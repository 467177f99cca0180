package org.redress.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.classification.CodeLists;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.redress.engine.InvalidSubmissionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Classification (ISO 10002 8.2): handlers file a complaint under a category and a product when they
 * review the assessment and name the root cause when they investigate — always from the active
 * entries of the code lists, which the forms get as options and the server checks.
 */
@RedressTest
class ClassificationTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired CodeLists codeLists;
  ComplaintDriver driver;
  ImprovementFixtures fixtures;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
    fixtures = new ImprovementFixtures(jdbc, codeLists, engine);
  }

  List<String> optionValues(String taskId, String variable) {
    SpinJsonNode options = (SpinJsonNode) engine.getTaskService().getVariableLocal(taskId, variable);
    return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
  }

  Map<String, Object> classification(String reference) {
    return jdbc.sql("SELECT category, product, root_cause FROM complaint_status WHERE reference = :r").param("r", reference)
        .query().singleRow();
  }

  @Test
  void reviewAssessment_offersTheActiveCodes_suggestsTheProduct_andStoresTheChoice() {
    String added = fixtures.newCode(CodeLists.CATEGORY, "cl");
    String retired = fixtures.newCode(CodeLists.CATEGORY, "cl");
    codeLists.update(CodeLists.CATEGORY, new CodeLists.Entry(retired, "Retired", false, 1));
    ProcessInstance complaint = driver.registerAndAssess("handler",
        with(phoneComplaint(), "productOrService", "Parcel from the online shop"));
    String reference = driver.reference(complaint);
    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();

    assertThat(optionValues(taskId, "categoryOptions")).contains("billing", "other", added).doesNotContain(retired);
    assertThat(optionValues(taskId, "productOptions")).contains("general", "online-shop");
    assertThat(engine.getTaskService().getVariableLocal(taskId, "product")).as("suggested from the complainant's words")
        .isEqualTo("online-shop");

    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low",
        "responseTarget", "P15D", "category", retired))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("category: must be one of");
    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low",
        "responseTarget", "P15D", "category", "billing", "product", "spaceships"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("product: must be one of");
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D",
        "category", added);

    assertThat(classification(reference)).containsEntry("CATEGORY", added).containsEntry("PRODUCT", "online-shop");
  }

  @Test
  void categoryIsRequired() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low",
        "responseTarget", "P15D", "category", ""))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("category: is required");
    assertThat(complaint).isWaitingAt("Task_ReviewAssessment");
  }

  @Test
  void investigation_takesTheRootCauseFromTheCodeList_includingNewOnes() {
    String added = fixtures.newCode(CodeLists.ROOT_CAUSE, "cl");
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    String reference = driver.reference(complaint);
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "medium", "responseTarget", "P10D",
        "category", "billing", "product", "billing-account", "overrideReason", "Repeated late fees.");
    String taskId = driver.task(complaint, "Task_InvestigateComplaint").getId();
    assertThat(optionValues(taskId, "rootCauseOptions")).contains("billing-error", added);

    assertThatThrownBy(() -> driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings",
        "The bank booked the payment late.", "rootCause", "gremlins", "complaintJustified", "justified"))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageStartingWith("rootCause: must be one of");
    driver.complete(complaint, "Task_InvestigateComplaint", "handler", "findings", "The bank booked the payment late.",
        "rootCause", added, "complaintJustified", "justified");

    assertThat(classification(reference)).containsEntry("CATEGORY", "billing").containsEntry("PRODUCT", "billing-account")
        .containsEntry("ROOT_CAUSE", added);
  }
}
