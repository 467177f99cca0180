package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The process steps keep the milestones the KPIs count (V8) on complaint_status, in their own
 * transaction: driven through the real BPMN like Tasklist does.
 */
@RedressTest
class MonitoringMilestonesTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  ComplaintDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
  }

  Map<String, Object> milestones(ProcessInstance complaint) {
    Map<String, Object> row = jdbc.sql("SELECT * FROM complaint_status WHERE reference = :r")
        .param("r", driver.reference(complaint)).query().singleRow();
    return KpiFigures.lower(row);
  }

  static OffsetDateTime time(Object value) {
    return value == null ? null : KpiFigures.timestamp(value);
  }

  @Test
  void receiptAndAssessment_copyChannelAndTime_andKeepTheAssessedPriority() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    Map<String, Object> row = milestones(complaint);
    assertThat(row.get("channel")).isEqualTo("phone");
    assertThat(time(row.get("received_at"))).isEqualTo(complaints.get(driver.reference(complaint)).receivedAt());
    assertThat(row.get("assessed_priority")).isEqualTo(25);

    Date due = (Date) engine.getRuntimeService().getVariable(complaint.getId(), "responseDueDate");
    driver.moveClockTo(new Date(due.getTime() + 60_000));
    driver.runDueJobs(complaint);
    row = milestones(complaint);
    assertThat(row.get("priority")).as("raised by escalation").isEqualTo(50);
    assertThat(row.get("assessed_priority")).as("as assessed").isEqualTo(25);
    assertThat(time(row.get("escalated_at"))).isNotNull();
  }

  @Test
  void aProgressUpdateBeforeTheDecision_isTheFirstResponse() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    assertThat(milestones(complaint).get("first_response_at")).isNull();
    Date week = new Date(System.currentTimeMillis() + 7 * 24 * 3600_000L + 60_000);
    driver.moveClockTo(week);
    driver.runDueJobs(complaint);
    OffsetDateTime firstResponse = time(milestones(complaint).get("first_response_at"));
    assertThat(firstResponse).isNotNull();

    driver.moveClockTo(new Date(week.getTime() + 3600_000L));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint);
    Map<String, Object> row = milestones(complaint);
    assertThat(time(row.get("decision_communicated_at"))).isAfter(firstResponse);
    assertThat(time(row.get("first_response_at"))).as("unchanged by the decision").isEqualTo(firstResponse);
  }

  @Test
  void rejectedReviewedRejectedAgain_andReferredOutside_keepTheirFirstDates() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint);
    OffsetDateTime firstDecision = time(milestones(complaint).get("decision_communicated_at"));
    assertThat(time(milestones(complaint).get("first_response_at"))).isEqualTo(firstDecision);

    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "Not enough.");
    OffsetDateTime rejected = time(milestones(complaint).get("rejected_at"));
    assertThat(rejected).isNotNull();
    driver.moveClockTo(new Date(System.currentTimeMillis() + 3 * 24 * 3600_000L));
    driver.complete(complaint, "Task_ReviewDecision", "supervisor", "reviewOutcome", "upheld", "reviewReasons",
        "The decision follows our published terms.", "responseRemedy", "The late fee is removed.",
        "responseExplanation", "Our terms allow no more than this remedy.", "actionRequired", false);
    assertThat(time(milestones(complaint).get("reviewed_at"))).isNotNull();
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "rejected",
        "complainantReason", "I will go to the ombudsman.");
    driver.complete(complaint, "Task_RecordExternalRecourse", "supervisor", "recourseTaken", "referred",
        "externalBody", "ombudsman", "externalOutcome", "The ombudsman found the offer fair.");

    Map<String, Object> row = milestones(complaint);
    assertThat(time(row.get("rejected_at"))).as("the first rejection").isEqualTo(rejected);
    assertThat(time(row.get("decision_communicated_at"))).as("the first decision").isEqualTo(firstDecision);
    assertThat(time(row.get("referred_outside_at"))).isNotNull();
    assertThat(row.get("deemed_accepted_at")).isNull();
    assertThat(time(row.get("closed_at"))).isNotNull();
  }

  @Test
  void noAnswerInTime_isDeemedAccepted() {
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(complaint);
    Date answerDue = (Date) engine.getRuntimeService().getVariable(complaint.getId(), "answerDueDate");
    driver.moveClockTo(new Date(answerDue.getTime() + 60_000));
    driver.runDueJobs(complaint);
    Map<String, Object> row = milestones(complaint);
    assertThat(time(row.get("deemed_accepted_at"))).isNotNull();
    assertThat(row.get("rejected_at")).isNull();
    assertThat(row.get("referred_outside_at")).isNull();
  }

  private void proposeResponse(ProcessInstance complaint) {
    driver.complete(complaint, "Task_ProposeResponse", "handler",
        "responseRemedy", "We remove the late fee and credit EUR 12.50.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", false);
    driver.runDueJobs(complaint);
  }
}
