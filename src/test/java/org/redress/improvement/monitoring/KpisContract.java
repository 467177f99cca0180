package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPI figures against hand-computed expectations on {@link KpiFixture} (see its table): complaints
 * still open, a decision rejected and reviewed (the process's way of reopening a decision; a closed
 * complaint is never reopened), deemed accepted, and milestones on both sides of the period's bounds.
 * Run on H2 and PostgreSQL by the subclasses.
 */
abstract class KpisContract {

  static final LocalDate Q1_START = LocalDate.of(2025, 1, 1);
  static final LocalDate Q1_END = LocalDate.of(2025, 3, 31);

  @Autowired Kpis kpis;
  @Autowired KpiFigures figures;
  @Autowired Objectives objectives;
  @Autowired org.redress.escalation.WorkingCalendar calendar;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void fixture() {
    KpiFixture.insert(jdbc);
    ClockUtil.setCurrentTime(EngineClock.toDate(KpiFixture.NOW));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    KpiFixture.delete(jdbc);
  }

  static KpiQuery q1() {
    return new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, null);
  }

  Kpi kpi(KpiReport report, String id) {
    return report.kpi(id).orElseThrow(() -> new AssertionError("no KPI " + id));
  }

  @Test
  void received_countsComplaintsReceivedInThePeriodOnly() {
    Kpi received = kpi(kpis.report(q1()), "received");
    // A, B, C, E, G; D was received in December, F in April
    assertThat(received.value()).isEqualTo(5.0);
    assertThat(received.basis()).isEqualTo(5);
    assertThat(received.target()).isNull();
    assertThat(received.met()).isNull();
  }

  @Test
  void openNow_isASnapshotByStageAndAge_withTheShareOverdue() {
    KpiReport report = kpis.report(q1());
    assertThat(kpi(report, "open").value()).isEqualTo(2.0); // E and F
    assertThat(report.openByStage()).containsEntry("UNDER_INVESTIGATION", 1L).containsEntry("DECISION_COMMUNICATED", 1L)
        .containsEntry("RECEIVED", 0L);
    assertThat(report.openByAge()).containsExactly(Map.entry("0-7 days", 1L), Map.entry("8-30 days", 1L),
        Map.entry("31-90 days", 0L), Map.entry("over 90 days", 0L)); // F 2.5 days, E 26.5 days
    Kpi overdue = kpi(report, "open-overdue");
    assertThat(overdue.value()).isEqualTo(50.0); // E past 03-25 without a decision; F due 04-20
    assertThat(overdue.basis()).isEqualTo(2);
    assertThat(overdue.target()).isEqualTo(10.0);
    assertThat(overdue.met()).isFalse();
  }

  @Test
  void acknowledgement_timeAndShareWithinTarget() {
    KpiReport report = kpis.report(q1());
    Kpi time = kpi(report, "time-to-acknowledge");
    // acknowledged in Q1: A 1h, B 36h, C 2h, E 0.5h, G 1h (D in December, F in April)
    assertThat(time.value()).isEqualTo(8.1);
    assertThat(time.unit()).isEqualTo("hours");
    assertThat(time.basis()).isEqualTo(5);
    assertThat(time.met()).isTrue(); // target 24 h
    Kpi within = kpi(report, "acknowledged-within-target");
    assertThat(within.value()).isEqualTo(80.0); // all but B within 24 h
    assertThat(within.met()).isFalse(); // target 95 %
  }

  @Test
  void firstResponse_decision_andClose_countTheirOwnMilestoneInThePeriod() {
    KpiReport report = kpis.report(q1());
    Kpi firstResponse = kpi(report, "time-to-first-response");
    assertThat(firstResponse.value()).isEqualTo(10.0); // A 5, B 20, C 3, D 15, G 7
    assertThat(firstResponse.basis()).isEqualTo(5);
    Kpi decision = kpi(report, "time-to-decision");
    assertThat(decision.value()).isEqualTo(11.6); // A 10, B 20 (first decision; reviewed later), C 5, D 15, G 8
    assertThat(decision.met()).isTrue(); // target 15
    Kpi net = kpi(report, "time-to-decision-working");
    assertThat(net.value()).isEqualTo(11.4); // A 10 less a 1-day pause = 9, B 20, C 5, D 15, G 8 (a round-the-clock calendar)
    assertThat(net.unit()).isEqualTo("working days");
    assertThat(net.basis()).isEqualTo(5);
    assertThat(net.met()).isFalse(); // target 10
    Kpi close = kpi(report, "time-to-close");
    // closed in Q1: A 20, B 58d23h (closed 03-31 23:00, inside the period), C 24, D 20 (received in December)
    assertThat(close.value()).isEqualTo(30.74);
    assertThat(close.basis()).isEqualTo(4);
    assertThat(close.target()).isEqualTo(30.0);
    assertThat(close.met()).isFalse();
  }

  @Test
  void withinTarget_overallAndPerAssessedPriority() {
    KpiReport report = kpis.report(q1());
    assertThat(kpi(report, "within-target").value()).isEqualTo(60.0); // A, C, G by their due date; B, D late
    assertThat(kpi(report, "within-target").basis()).isEqualTo(5);
    assertThat(kpi(report, "within-target-p25").value()).isEqualTo(100.0); // A, G
    assertThat(kpi(report, "within-target-p25").met()).isTrue();
    assertThat(kpi(report, "within-target-p50").value()).isEqualTo(50.0); // C yes, D no
    assertThat(kpi(report, "within-target-p75").value()).isEqualTo(0.0); // B
    Kpi critical = kpi(report, "within-target-p100");
    assertThat(critical.value()).isNull(); // no data is not 0 %
    assertThat(critical.basis()).isZero();
    assertThat(critical.met()).isNull();
  }

  @Test
  void outcomes_areSharesOfTheComplaintsClosedInThePeriod() {
    KpiReport report = kpis.report(q1());
    for (String id : List.of("escalated", "rejected", "reviewed-internally", "referred-outside")) {
      assertThat(kpi(report, id).value()).as(id).isEqualTo(25.0); // B of A, B, C, D
      assertThat(kpi(report, id).basis()).as(id).isEqualTo(4);
    }
    assertThat(kpi(report, "deemed-accepted").value()).isEqualTo(25.0); // C
    assertThat(kpi(report, "escalated").met()).isFalse(); // at most 10 %
    assertThat(kpi(report, "deemed-accepted").met()).isTrue(); // at most 25 %
  }

  @Test
  void satisfaction_ofComplaintsClosedInThePeriod_whenEverAnswered() {
    KpiReport report = kpis.report(q1());
    Kpi satisfaction = kpi(report, "satisfaction");
    assertThat(satisfaction.value()).isEqualTo(3.67); // A 5, B 2 (answered in April), D 4; G closed in April
    assertThat(satisfaction.basis()).isEqualTo(3);
    assertThat(satisfaction.met()).isFalse(); // at least 4.0
    assertThat(report.satisfactionDistribution()).containsExactly(Map.entry(1, 0L), Map.entry(2, 1L),
        Map.entry(3, 0L), Map.entry(4, 1L), Map.entry(5, 1L));
    assertThat(kpi(report, "survey-response-rate").value()).isEqualTo(75.0); // 3 of 4, C unanswered
  }

  @Test
  void filters_narrowEveryPopulation() {
    KpiQuery medium = new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, "medium");
    KpiReport report = kpis.report(medium);
    assertThat(kpi(report, "received").value()).isEqualTo(2.0); // C, E
    assertThat(kpi(report, "time-to-close").value()).isEqualTo(22.0); // C 24, D 20
    assertThat(kpi(report, "open").value()).isEqualTo(1.0); // E
    assertThat(kpi(kpis.report(new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, "web", null, null)), "received")
        .value()).isEqualTo(3.0); // A, E, G
    assertThat(kpi(kpis.report(new KpiQuery(Q1_START, Q1_END, "billing", KpiFixture.PRODUCT, null, null, null)),
        "received").value()).isEqualTo(4.0); // A, B, E, G
    assertThat(kpi(kpis.report(new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, "team-b", null)),
        "time-to-close").basis()).isEqualTo(2); // C, D
  }

  @Test
  void periodBounds_areWholeDaysBothInclusive() {
    KpiQuery lastDay = new KpiQuery(Q1_END, Q1_END, null, KpiFixture.PRODUCT, null, null, null);
    assertThat(kpi(kpis.report(lastDay), "time-to-close").basis()).isEqualTo(1); // B at 23:00
    KpiQuery april = new KpiQuery(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), null, KpiFixture.PRODUCT, null,
        null, null);
    KpiReport report = kpis.report(april);
    assertThat(kpi(report, "received").value()).isEqualTo(1.0); // F
    assertThat(kpi(report, "time-to-close").basis()).isEqualTo(1); // G
    assertThat(kpi(report, "satisfaction").value()).isEqualTo(3.0); // G
    assertThat(kpi(report, "time-to-first-response").basis()).isEqualTo(1); // F
  }

  @Test
  void emptyPeriod_hasNoDataRatherThanZeros() {
    KpiReport report = kpis.report(new KpiQuery(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), null,
        KpiFixture.PRODUCT, null, null, null));
    assertThat(kpi(report, "received").value()).isEqualTo(0.0);
    assertThat(kpi(report, "time-to-close").value()).isNull();
    assertThat(kpi(report, "time-to-close").met()).isNull();
    assertThat(kpi(report, "satisfaction").value()).isNull();
  }

  @Test
  void monthlyTrend_bucketsEachMilestoneByItsOwnDate() {
    Kpis.Trend trend = kpis.trend(q1(), Kpis.Interval.MONTH);
    assertThat(trend.points()).extracting(Kpis.Trend.Point::from)
        .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1));
    assertThat(trend.points()).extracting(Kpis.Trend.Point::received).containsExactly(1L, 1L, 3L);
    assertThat(trend.points()).extracting(Kpis.Trend.Point::closed).containsExactly(2L, 0L, 2L);
    assertThat(trend.points()).extracting(Kpis.Trend.Point::timeToClose).containsExactly(20.0, null, 41.48);
    assertThat(trend.points()).extracting(Kpis.Trend.Point::withinTarget).containsExactly(50.0, 0.0, 100.0);
    assertThat(trend.targets()).containsEntry("time-to-close", 30.0).containsEntry("within-target", 90.0);
  }

  @Test
  void weeklyTrend_startsOnMonday() {
    Kpis.Trend trend = kpis.trend(q1(), Kpis.Interval.WEEK);
    assertThat(trend.points().get(0).from()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(trend.points()).hasSize(14);
    assertThat(trend.points().stream().mapToLong(Kpis.Trend.Point::received).sum()).isEqualTo(5);
  }

  @Test
  void breakdownByCategory() {
    List<Kpis.Breakdown> rows = kpis.breakdown(q1(), "category");
    assertThat(rows).extracting(Kpis.Breakdown::value).containsExactly("billing", "delivery");
    Kpis.Breakdown billing = rows.get(0);
    assertThat(billing.received()).isEqualTo(4); // A, B, E, G
    assertThat(billing.closed()).isEqualTo(2); // A, B
    assertThat(billing.timeToClose()).isCloseTo(39.48, within(0.01)); // (20 + 58.958) / 2
    assertThat(billing.escalated()).isEqualTo(50.0);
    assertThat(billing.satisfaction()).isEqualTo(3.5);
  }

  @Test
  void recurrence_comparesComplaintsForTheCauseBeforeAndAfterTheCorrectiveAction() {
    assertThat(kpi(kpis.report(q1()), "recurrence").value()).isNull(); // no action implemented: no data
    KpiFixture.insertCorrectiveAction(jdbc);
    KpiReport report = kpis.report(q1());
    // billing, 90 days before 2025-03-01: A, B = 2 in 90 days; after, until now (40.5 days): E, G, F = 3
    assertThat(report.recurrence()).singleElement().satisfies(r -> {
      assertThat(r.before()).isEqualTo(2);
      assertThat(r.after()).isEqualTo(3);
      assertThat(r.perDayAfter()).isCloseTo(3 / 40.5, within(1e-9));
    });
    Kpi recurrence = kpi(report, "recurrence");
    assertThat(recurrence.value()).isEqualTo(333.33); // (3 / 40.5) / (2 / 90)
    assertThat(recurrence.basis()).isEqualTo(1);
    assertThat(recurrence.met()).isFalse(); // at most 80 %
  }

  /** Issue 15: one or two complaints say nothing about a process — below the minimum sample, no Met or Not met. */
  @Test
  void belowTheMinimumSample_aKpiIsNotJudged_andTheDashboardSaysNotEnoughData() {
    Kpis strict = new Kpis(figures, new Objectives(objectives.targets(), objectives.acknowledgeWithin(),
        objectives.recurrenceWindow(), objectives.zone(), 5), calendar);
    KpiReport report = strict.report(q1());
    Kpi close = kpi(report, "time-to-close");
    assertThat(close.basis()).isEqualTo(4);
    assertThat(close.value()).as("the figure is still shown").isEqualTo(30.74);
    assertThat(close.met()).isNull();
    assertThat(close.tooFewToJudge()).isTrue();
    assertThat(new DashboardPage.Card(close, KpiDefinition.TIME_TO_CLOSE, "").stateText())
        .isEqualTo("Not enough data (n = 4)");
    Kpi decision = kpi(report, "time-to-decision");
    assertThat(decision.basis()).isEqualTo(5);
    assertThat(decision.met()).as("five complaints are judged").isTrue();
    assertThat(decision.tooFewToJudge()).isFalse();
  }
}
