package org.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.privacy.PrivacyFixtures.*;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/data-retention.bpmn (ISO 10002 4.10, 8.1): when the retention period after closure has
 * passed, the complainant's personal data leaves Redress's tables and Camunda's history; the
 * statistics stay. Complaints closed recently, or still open, keep theirs.
 */
@RedressTest
class DataRetentionTest {

  @Autowired ProcessEngine engine;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired RetentionSettings settings;
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
  void retentionPeriodOver_personalDataIsAnonymised_inRedressAndInProcessHistory_statisticsStay() {
    ProcessInstance old = registerAndClose(driver, distinctiveComplaint());
    String oldReference = driver.reference(old);
    assertThat(personalHistory(old)).as("history holds the start form before").isNotEmpty();

    driver.moveClockTo(EngineClock.toDate(EngineClock.now().plus(settings.anonymiseAfter()).plusDays(1)));
    ProcessInstance recent = registerAndClose(driver, distinctiveComplaint());
    ProcessInstance open = driver.registerAndAssess("handler", distinctiveComplaint());

    ProcessInstance retention = runRetentionProcess();

    assertThat(retention).isEnded().hasPassedInOrder("StartEvent_RetentionDue", "Task_AnonymiseExpiredComplaints",
        "EndEvent_RetentionApplied");

    Complaint anonymised = complaints.get(oldReference);
    assertThat(anonymised.complainantName()).isEqualTo(PersonalData.ANONYMISED);
    assertThat(anonymised.complainantEmail()).isNull();
    assertThat(anonymised.complainantPhone()).isNull();
    assertThat(anonymised.complainantAddress()).isNull();
    assertThat(anonymised.description()).isEqualTo(PersonalData.ANONYMISED);
    assertThat(anonymised.productOrService()).startsWith("Broadband");
    assertThat(anonymised.channel().code()).isEqualTo("phone");
    assertThat(complaints.state(oldReference)).satisfies(s -> {
      assertThat(s.status()).isEqualTo(ComplaintStatus.CLOSED);
      assertThat(s.severity()).isEqualTo("low");
      assertThat(s.outcome()).isEqualTo("accepted");
    });
    List<TimelineEvent> events = driver.timeline(oldReference);
    assertThat(events).extracting(TimelineEvent::type).contains(EventType.RECEIVED, EventType.CLOSED)
        .endsWith(EventType.PERSONAL_DATA_ANONYMISED);
    assertThat(events.get(events.size() - 1).actor()).isEqualTo("system");
    assertThat(events).allSatisfy(e -> assertThat(e.summary() + e.details()).doesNotContain(NAME, EMAIL_PREFIX, PHONE));

    assertThat(personalHistory(old)).as("no personal value left in process history").isEmpty();
    assertThat(variableNames(old)).contains("severity", "channel", "complaintReference")
        .doesNotContain("complainantName", "complainantEmail", "description", "complaintSummary");

    assertThat(complaints.get(driver.reference(recent)).complainantName()).as("closed recently").isEqualTo(NAME);
    assertThat(personalHistory(recent)).isNotEmpty();
    assertThat(complaints.get(driver.reference(open)).complainantName()).as("still open").isEqualTo(NAME);
  }

  @Test
  void historyCleanup_runsInABatchWindow_andEveryProcessAndDecisionHasATimeToLive() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull();
    }
  }

  private ProcessInstance runRetentionProcess() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("data-retention").timers()
        .singleResult();
    assertThat(timer).as("the retention timer is scheduled").isNotNull();
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("data-retention").count();
    engine.getManagementService().executeJob(timer.getId());
    HistoricProcessInstance started = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("data-retention").orderByProcessInstanceStartTime().desc().list().get(0);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("data-retention").count())
        .isEqualTo(before + 1);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.getId()).singleResult();
    driver.runDueJobs(instance);
    return instance;
  }

  /** Every historic variable value or detail of the instance that still names the complainant. */
  private List<String> personalHistory(ProcessInstance instance) {
    List<String> found = new java.util.ArrayList<>();
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (containsPersonal(String.valueOf(v.getValue()))) {
        found.add("variable " + v.getName());
      }
    }
    for (HistoricDetail d : engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).list()) {
      Object value = d instanceof HistoricVariableUpdate u ? u.getValue()
          : d instanceof org.camunda.bpm.engine.history.HistoricFormField f ? f.getFieldValue() : null;
      if (containsPersonal(String.valueOf(value))) {
        found.add("detail " + d.getClass().getSimpleName());
      }
    }
    return found;
  }

  private static boolean containsPersonal(String text) {
    return text.contains(NAME) || text.contains(EMAIL_PREFIX) || text.contains(PHONE) || text.contains(STREET);
  }

  private List<String> variableNames(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .stream().map(HistoricVariableInstance::getName).toList();
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KEEP = {OffsetDateTime.class};
}
