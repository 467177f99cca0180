package org.redress.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.classification.CodeLists;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.CorrectiveAction;
import org.redress.improvement.action.CorrectiveActions;
import org.redress.improvement.trends.TrendSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/trend-detection.bpmn (ISO 10002 8.2) with the default settings: window P30D, threshold
 * 10, growth factor 2 with at least 5. Each test uses its own cause codes in a year of its own.
 */
@RedressTest
class TrendDetectionTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CodeLists codeLists;
  @Autowired CorrectiveActions actions;
  @Autowired Timeline timeline;
  @Autowired TrendSettings settings;
  ImprovementFixtures fixtures;
  OffsetDateTime now;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    fixtures = new ImprovementFixtures(jdbc, codeLists, engine);
    now = OffsetDateTime.of(2080 + (int) (System.nanoTime() % 15), 6, 15, 3, 15, 0, 0, ZoneOffset.UTC);
    ClockUtil.setCurrentTime(EngineClock.toDate(now));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(settings.window()).hasToString("P30D");
    assertThat(settings.threshold()).isEqualTo(10);
    assertThat(settings.growthFactor()).isEqualTo(2.0);
    assertThat(settings.growthMinimum()).isEqualTo(5);
  }

  @Test
  void belowTheThreshold_proposesNothing() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "tr");
    fixtures.complaints(9, now.minusDays(10), category, null, null);
    fixtures.complaints(9, now.minusDays(40), category, null, null); // the window before: no sharp growth either

    String run = fixtures.runTimerStart("trend-detection");

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
        .getEndTime()).as("the run ended").isNotNull();
    assertThat(actions.openFor(new Cause("category", category))).isEmpty();
  }

  @Test
  void aboveTheThreshold_proposesExactlyOneAction_linksItsComplaints_andStartsTheProcess_evenWhenRunTwice() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "tr");
    List<String> inWindow = fixtures.complaints(10, now.minusDays(10), category, null, null);
    List<String> older = fixtures.complaints(12, now.minusDays(45), category, null, null);

    fixtures.runTimerStart("trend-detection");
    fixtures.runTimerStart("trend-detection");

    List<CorrectiveAction> proposed = actions.list(null).stream()
        .filter(a -> a.causeKind().equals("category") && a.causeCode().equals(category)).toList();
    assertThat(proposed).hasSize(1);
    CorrectiveAction action = proposed.get(0);
    assertThat(action.status()).isEqualTo(CorrectiveAction.PROPOSED);
    assertThat(action.proposedBy()).isEqualTo("system");
    assertThat(action.reason()).isEqualTo("Trend detected: 10 complaints in P30D (threshold 10)");
    assertThat(actions.linkedReferences(action.id())).containsExactlyInAnyOrderElementsOf(inWindow)
        .doesNotContainAnyElementsOf(older);
    List<TimelineEvent> events = timeline.of(inWindow.get(0));
    assertThat(events).extracting(TimelineEvent::type).containsExactly(EventType.CORRECTIVE_ACTION_LINKED);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(action.processInstanceId()).singleResult();
    assertThat(instance).isWaitingAt("Task_TriageCorrectiveAction").hasBusinessKey("CA-" + action.id());
  }

  @Test
  void sharpGrowth_belowTheThreshold_proposesAnAction_forTheRootCause() {
    String rootCause = fixtures.newCode(CodeLists.ROOT_CAUSE, "tr");
    String grown = fixtures.newCode(CodeLists.ROOT_CAUSE, "tr");
    String steady = fixtures.newCode(CodeLists.ROOT_CAUSE, "tr");
    fixtures.complaints(6, now.minusDays(5), null, null, rootCause);   // 6 now, 3 before: growth x2
    fixtures.complaints(3, now.minusDays(35), null, null, rootCause);
    fixtures.complaints(4, now.minusDays(5), null, null, grown);       // x4, but fewer than the minimum 5
    fixtures.complaints(1, now.minusDays(35), null, null, grown);
    fixtures.complaints(6, now.minusDays(5), null, null, steady);      // 6 now, 4 before: only x1.5
    fixtures.complaints(4, now.minusDays(35), null, null, steady);

    fixtures.runTimerStart("trend-detection");

    assertThat(actions.openFor(new Cause("root-cause", rootCause))).hasValueSatisfying(a ->
        assertThat(a.reason()).isEqualTo("Trend detected: 6 complaints in P30D against 3 in the P30D before (growth factor 2.0)"));
    assertThat(actions.openFor(new Cause("root-cause", grown))).isEmpty();
    assertThat(actions.openFor(new Cause("root-cause", steady))).isEmpty();
  }

  @Test
  void aProductTrend_isProposedForTheProduct() {
    String product = fixtures.newCode(CodeLists.PRODUCT, "tr");
    fixtures.complaints(11, now.minusDays(1), null, product, null);

    fixtures.runTimerStart("trend-detection");

    assertThat(actions.openFor(new Cause("product", product))).isPresent();
  }

  @Test
  void twoProposalsForTheSameCause_cannotBothBeOpen() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "tr");
    Cause cause = new Cause("category", category);
    assertThat(actions.propose(cause, "First", "r", "system", null)).isPresent();
    assertThat(actions.propose(cause, "Second", "r", "system", null)).isEmpty();
    // even a writer that skips the check is stopped by the unique open cause
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
        INSERT INTO corrective_action (cause_kind, cause_code, status, title, proposed_by, proposed_at, open_cause)
        VALUES ('category', :code, 'PROPOSED', 'Racing', 'system', :at, :key)""")
        .param("code", category).param("at", now).param("key", cause.key()).update())
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
  }
}
