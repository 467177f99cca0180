package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.KpiChanges;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
import org.redress.improvement.monitoring.KpiFigures.Figures;
import org.redress.improvement.monitoring.KpiFigures.Grouping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The daily KPI summary (kpi_daily): it gives the same sums as counting the complaints, for every
 * facet; it follows changes made after it was read; and it is rebuilt when the reporting zone changes.
 * On {@link KpiFixture}; run on H2 and PostgreSQL by the subclasses.
 */
abstract class KpiSummaryContract {

  static final LocalDate Q1_START = LocalDate.of(2025, 1, 1);
  static final LocalDate Q1_END = LocalDate.of(2025, 3, 31);

  @Autowired Kpis kpis;
  @Autowired KpiFigures figures;
  @Autowired Objectives objectives;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ComplaintRepository complaints;
  @Autowired SatisfactionSurvey survey;
  @Autowired KpiSummary summary;

  @BeforeEach
  void fixture() throws InterruptedException {
    KpiFixture.insert(jdbc);
    ClockUtil.setCurrentTime(EngineClock.toDate(KpiFixture.NOW));
    for (int i = 0; i < 600 && !summary.catchUp(); i++) {
      Thread.sleep(50); // the start-up build is still running
    }
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    KpiFixture.delete(jdbc);
  }

  @Test
  void everyFacet_givesTheSameSumsAsCountingTheComplaints() {
    List<KpiQuery> queries = List.of(
        new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, null),
        new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, "web", null, null),
        new KpiQuery(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 4, 30), "billing", KpiFixture.PRODUCT, null, null, null),
        new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, "team-b", null),
        new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, "medium"));
    int compared = 0;
    for (KpiQuery q : queries) {
      for (Population population : Population.values()) {
        for (Grouping grouping : Grouping.values()) {
          if (dimensions(q, grouping) > 2) {
            continue; // not in the summary: sums() counts the complaints itself
          }
          assertThat(byGroup(figures.sums(population, q, grouping)))
              .as("%s by %s for %s", population, grouping, q)
              .isEqualTo(byGroup(figures.counted(population, q, grouping)));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
    // and the figures above did come from the summary
    assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_daily WHERE facet = 'product' AND value1 = :product")
        .param("product", KpiFixture.PRODUCT).query(Long.class).single()).isPositive();
  }

  @Test
  void aChangeAfterTheSummaryWasRead_showsInTheNextReport() {
    KpiQuery billing = new KpiQuery(Q1_START, Q1_END, "billing", KpiFixture.PRODUCT, null, null, null);
    KpiQuery all = new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, null);
    assertThat(kpis.report(billing).kpi("received").orElseThrow().value()).isEqualTo(4.0); // A, B, E, G
    assertThat(kpis.report(all).kpi("satisfaction").orElseThrow().value()).isEqualTo(3.67); // A 5, B 2, D 4

    complaints.recordClassification("KPI-C", "billing", KpiFixture.PRODUCT); // C was "delivery"
    assertThat(kpis.report(billing).kpi("received").orElseThrow().value()).isEqualTo(5.0);

    survey.answer("KPI-C", new SurveyAnswer(1, null)); // C closed in March, unanswered until now
    KpiReport report = kpis.report(all);
    assertThat(report.kpi("satisfaction").orElseThrow().value()).isEqualTo(3.0); // (5 + 2 + 4 + 1) / 4
    assertThat(report.kpi("survey-response-rate").orElseThrow().value()).isEqualTo(100.0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_change").query(Long.class).single()).isZero();
  }

  @Test
  void catchingUp_touchesOnlyTheChangedComplaints_andStillEqualsACountOfTheComplaints() {
    KpiQuery q1 = new KpiQuery(Q1_START, Q1_END, null, KpiFixture.PRODUCT, null, null, null);
    long received = one(figures.sums(Population.RECEIVED, q1, Grouping.NONE)).count("n");
    try {
      // X: a copy of A (received the same day), written without a kpi_change row; then A changes
      KpiFixture.insertWithoutNote(jdbc, KpiFixture.ROWS.get(0).as("KPI-X"));
      complaints.recordClassification("KPI-A", "delivery", KpiFixture.PRODUCT);
      assertThat(summary.catchUp()).isTrue();
      // A's day was not recounted (it would have found X): only A's own contribution moved
      assertThat(one(figures.sums(Population.RECEIVED, q1, Grouping.NONE)).count("n")).isEqualTo(received);
      assertThat(byGroup(figures.sums(Population.CLOSED, q1, Grouping.CATEGORY)))
          .isNotEqualTo(byGroup(figures.counted(Population.CLOSED, q1, Grouping.CATEGORY)));

      KpiChanges.note(jdbc, "KPI-X"); // now told, X is counted, and the summary adds up like the complaints
      survey.answer("KPI-C", new SurveyAnswer(2, null));
      complaints.recordClassification("KPI-B", "delivery", KpiFixture.PRODUCT);
      assertThat(summary.catchUp()).isTrue();
      assertThat(one(figures.sums(Population.RECEIVED, q1, Grouping.NONE)).count("n")).isEqualTo(received + 1);
      for (Population population : Population.values()) {
        for (Grouping grouping : List.of(Grouping.NONE, Grouping.DAY, Grouping.CATEGORY, Grouping.CHANNEL)) {
          assertThat(byGroup(figures.sums(population, q1, grouping))).as("%s by %s", population, grouping)
              .isEqualTo(byGroup(figures.counted(population, q1, grouping)));
        }
      }
      assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_change").query(Long.class).single()).isZero();
    } finally {
      KpiChanges.note(jdbc, "KPI-X"); // leaves the summary without X once the fixture is deleted
      for (String table : List.of("satisfaction_survey", "complaint_status", "complaint")) {
        jdbc.sql("DELETE FROM " + table + " WHERE reference = 'KPI-X'").update();
      }
      summary.catchUp();
    }
  }

  @Test
  void theSummaryIsRebuilt_whenTheReportingZoneChanges() {
    // B closed 2025-03-31 23:00 UTC, which is 1 April 13:00 on Kiritimati (UTC+14)
    KpiQuery lastDayOfQ1 = new KpiQuery(Q1_END, Q1_END, null, KpiFixture.PRODUCT, null, null, null);
    KpiQuery firstOfApril = new KpiQuery(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), null, KpiFixture.PRODUCT,
        null, null, null);
    Objectives kiritimati = objectives.inZone(ZoneId.of("Pacific/Kiritimati"));
    KpiSummary kiritimatiSummary = new KpiSummary(jdbcTemplate, kiritimati, transactions);
    try {
      assertThat(kiritimatiSummary.catchUp()).as("readers do not build").isFalse();
      kiritimatiSummary.buildAndCatchUp();
      KpiChanges.note(jdbc, "KPI-B");
      assertThat(summary.catchUp()).as("a reader leaves a summary built for another configuration alone").isFalse();
      KpiFigures kiritimatiFigures = new KpiFigures(jdbc, kiritimati, kiritimatiSummary);
      assertThat(one(kiritimatiFigures.sums(Population.CLOSED, lastDayOfQ1, Grouping.NONE)).count("n")).isZero();
      assertThat(one(kiritimatiFigures.sums(Population.CLOSED, firstOfApril, Grouping.NONE)).count("n")).isEqualTo(1);
      assertThat(jdbc.sql("SELECT built_for FROM kpi_summary_state").query(String.class).single())
          .contains("Pacific/Kiritimati");
    } finally {
      new KpiSummary(jdbcTemplate, objectives, transactions).buildAndCatchUp(); // back to the configured zone
    }
    assertThat(jdbc.sql("SELECT built_for FROM kpi_summary_state").query(String.class).single())
        .contains(objectives.zone().getId());
    assertThat(one(figures.sums(Population.CLOSED, lastDayOfQ1, Grouping.NONE)).count("n")).isEqualTo(1);
  }

  @Test
  void whileTheSummaryIsBeingBuilt_readersCountTheComplaints() throws Exception {
    Objectives kiritimati = objectives.inZone(ZoneId.of("Pacific/Kiritimati"));
    KpiSummary building = new KpiSummary(jdbcTemplate, kiritimati, transactions);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread builder = new Thread(() -> { // stands in for the start-up build holding the summary
      building.catchingUp.lock();
      held.countDown();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        building.catchingUp.unlock();
      }
    });
    builder.start();
    try {
      held.await();
      assertThat(building.catchUp()).isFalse();
      KpiFigures figuresWhileBuilding = new KpiFigures(jdbc, kiritimati, building);
      KpiQuery firstOfApril = new KpiQuery(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), null,
          KpiFixture.PRODUCT, null, null, null);
      // counted from complaint_status in Kiritimati's days, although the summary holds UTC days: B closed there
      assertThat(one(figuresWhileBuilding.sums(Population.CLOSED, firstOfApril, Grouping.NONE)).count("n")).isEqualTo(1);
      assertThat(jdbc.sql("SELECT built_for FROM kpi_summary_state").query(String.class).single())
          .contains(objectives.zone().getId());
    } finally {
      done.countDown();
      builder.join();
    }
  }

  private static Figures one(List<Figures> rows) {
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty() ? new Figures(null, Map.of()) : rows.get(0);
  }

  private static int dimensions(KpiQuery q, Grouping grouping) {
    EnumSet<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
    dimensions.addAll(KpiFigures.filterValues(q).keySet());
    if (grouping != Grouping.NONE && grouping != Grouping.DAY) {
      dimensions.add(Dimension.valueOf(grouping.name()));
    }
    return dimensions.size();
  }

  /** Group → non-zero sums rounded to 6 places (the summary keeps zeros the complaint query leaves out). */
  private static Map<String, Map<String, Double>> byGroup(List<Figures> rows) {
    Map<String, Map<String, Double>> result = new TreeMap<>();
    for (Figures f : rows) {
      Map<String, Double> sums = new TreeMap<>();
      f.sums().forEach((name, value) -> {
        if (value != null && value.doubleValue() != 0) {
          sums.put(name, Math.round(value.doubleValue() * 1e6) / 1e6);
        }
      });
      if (!sums.isEmpty()) {
        result.put(String.valueOf(f.group()), sums);
      }
    }
    return result;
  }
}
