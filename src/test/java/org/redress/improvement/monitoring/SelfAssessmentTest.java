package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.complaint.EngineClock;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ISO 10002 self-assessment on {@link KpiFixture}: shortfalls in red, evidence per clause, the PDF. */
@RedressTest
class SelfAssessmentTest {

  static final String Q1 = "from=2025-01-01&to=2025-03-31";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SelfAssessment assessment;
  @Autowired KpiFigures figures;
  @Autowired Objectives objectives;
  @Autowired org.redress.escalation.WorkingCalendar calendar;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @BeforeEach
  void fixture() {
    KpiFixture.insert(jdbc);
    ClockUtil.setCurrentTime(EngineClock.toDate(KpiFixture.NOW));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    jdbc.sql("DELETE FROM management_review WHERE started_by = 'kpi-fixture'").update();
    jdbc.sql("DELETE FROM audit_review WHERE reference LIKE 'KPI-%'").update();
    KpiFixture.delete(jdbc);
  }

  SelfAssessment.Finding finding(SelfAssessment.Report report, String clause, String title) {
    return report.sections().stream().flatMap(s -> s.findings().stream())
        .filter(f -> f.clause().equals(clause) && f.title().startsWith(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + clause + " " + title));
  }

  /** Issue 15: a clause judged from fewer complaints than the minimum sample says so, not "Conforms". */
  @Test
  void belowTheMinimumSample_aClauseSaysNotEnoughData() {
    Objectives strict = new Objectives(objectives.targets(), objectives.acknowledgeWithin(),
        objectives.recurrenceWindow(), objectives.zone(), 6);
    SelfAssessment small = new SelfAssessment(new Kpis(figures, strict, calendar), jdbc, identity);
    SelfAssessment.Finding decision = finding(small.report(KpiQuery.period(KpisContract.Q1_START, KpisContract.Q1_END)),
        "7.8", "Communicating");
    assertThat(decision.status()).isEqualTo(SelfAssessment.Status.NO_DATA);
    assertThat(decision.evidence()).startsWith("Not enough data (n = 5) for average time to decision");
  }

  @Test
  void acknowledgementBelowItsObjective_isAShortfall() {
    SelfAssessment.Report report = assessment.report(KpiQuery.period(KpisContract.Q1_START, KpisContract.Q1_END));
    SelfAssessment.Finding acknowledgement = finding(report, "7.4", "Acknowledgement");
    assertThat(acknowledgement.status()).isEqualTo(SelfAssessment.Status.SHORTFALL);
    assertThat(acknowledgement.evidence()).isEqualTo("Acknowledged within target: 80 % of 5 (target at least 95 %).");
    assertThat(finding(report, "7.9", "Closing: recourse").evidence())
        .isEqualTo("Recourse offered on every rejected decision: yes (1/1).");
    assertThat(finding(report, "7.9", "Closing: recourse").status()).isEqualTo(SelfAssessment.Status.OK);
    assertThat(finding(report, "8.5", "Auditing").evidence()).isEqualTo("No audit reviews in the period.");
    assertThat(finding(report, "8.5", "Auditing").status()).isEqualTo(SelfAssessment.Status.NO_DATA);
    assertThat(finding(report, "8.6", "Management review").status()).isEqualTo(SelfAssessment.Status.NO_DATA);
    assertThat(finding(report, "8.4", "Monitoring").status()).isEqualTo(SelfAssessment.Status.SHORTFALL);
    assertThat(finding(report, "8.4", "Monitoring").evidence()).contains("not met: ", "Time to close");
    assertThat(report.shortfalls()).isPositive();
  }

  @Test
  void objectiveMet_conforms_andTheLastManagementReviewIsShown() {
    jdbc.sql("""
        INSERT INTO management_review (period_start, period_end, started_at, started_by, completed_at, completed_by)
        VALUES (DATE '2025-02-01', DATE '2025-02-28', :at, 'kpi-fixture', :at, 'manager')""")
        .param("at", KpiFixture.at("2025-03-31T10:00")).update();
    SelfAssessment.Report report = assessment.report(KpiQuery.period(KpisContract.Q1_START, KpisContract.Q1_END));
    assertThat(finding(report, "8.6", "Management review").evidence())
        .isEqualTo("Last management review: 2025-03-31; 1 completed in the period.");
    assertThat(finding(report, "8.6", "Management review").status()).isEqualTo(SelfAssessment.Status.OK);
    for (String reference : new String[] {"KPI-A", "KPI-B"}) {
      String answer = reference.equals("KPI-A") ? "yes" : "no";
      jdbc.sql("""
          INSERT INTO audit_review (reference, reviewed_at, reviewed_by, conforming, acknowledged_in_time,
            assessment_reasonable, investigation_proportionate, decision_communicated, recourse_offered, timeline_complete)
          VALUES (:r, :at, 'auditor', :conforming, 'yes', 'yes', 'yes', 'yes', :answer, 'yes')""")
          .param("r", reference).param("at", KpiFixture.at("2025-03-15")).param("conforming", answer.equals("yes"))
          .param("answer", answer).update();
    }
    report = assessment.report(KpiQuery.period(KpisContract.Q1_START, KpisContract.Q1_END));
    assertThat(finding(report, "8.5", "Auditing").evidence()).isEqualTo("Audit reviews in the period: 2, 1 conforming.");
    assertThat(finding(report, "8.5", "Auditing").status()).isEqualTo(SelfAssessment.Status.SHORTFALL);
    SelfAssessment.Finding timeliness = finding(report, "4.6", "Responsiveness");
    assertThat(timeliness.evidence()).startsWith("Decided within the response target: 60 % of 5");
    SelfAssessment.Finding decision = finding(report, "7.8", "Communicating");
    assertThat(decision.evidence()).startsWith("Average time to decision in working days, net of the time the complainant was asked: 11.4 working days of 5");
    assertThat(decision.status()).as("11.4 working days net of pauses, target 10").isEqualTo(SelfAssessment.Status.SHORTFALL);
  }

  @Test
  void page_marksShortfallsRed_andThePdfCarriesTheSameEvidence() throws Exception {
    StaffHttp http = new StaffHttp(port);
    StaffHttp.Response page = http.get("manager", "/staff/self-assessment?" + Q1);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<tr class=\"SHORTFALL\">", "Acknowledged within target: 80 % of 5");
    assertThat(http.get("handler", "/staff/self-assessment?" + Q1).status()).isEqualTo(403);

    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/staff/self-assessment.pdf?" + Q1))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("owner:owner".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(text(pdf.body())).contains("ISO 10002 self-assessment", "Acknowledged within target: 80 % of 5",
        "Recourse offered on every rejected decision: yes (1/1)", "Shortfall");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
