package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.EngineClock;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monitoring API, CSV and pages over HTTP on {@link KpiFixture}: who may see them, what the
 * figures say, and bad parameters refused with field and reason. Run on H2 and PostgreSQL.
 */
abstract class KpiApiContract {

  static final String Q1 = "from=2025-01-01&to=2025-03-31&product=" + KpiFixture.PRODUCT;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  StaffHttp http;

  @BeforeEach
  void fixture() {
    http = new StaffHttp(port);
    KpiFixture.insert(jdbc);
    ClockUtil.setCurrentTime(EngineClock.toDate(KpiFixture.NOW));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    KpiFixture.delete(jdbc);
  }

  @Test
  void management_readsTheKpisWithTargetsAndPopulations() {
    StaffHttp.Response answer = http.get("manager", "/api/staff/kpis?" + Q1);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode close = kpi(answer.json(), "time-to-close");
    assertThat(close.path("value").asDouble()).isEqualTo(30.74);
    assertThat(close.path("target").asDouble()).isEqualTo(30.0);
    assertThat(close.path("met").asBoolean()).isFalse();
    assertThat(close.path("basis").asLong()).isEqualTo(4);
    assertThat(close.path("direction").asText()).isEqualTo("AT_MOST");
    assertThat(close.path("population").asText()).contains("closed in the period");
    assertThat(answer.json().path("query").path("from").asText()).isEqualTo("2025-01-01");
    assertThat(answer.json().path("openByAge").path("8-30 days").asLong()).isEqualTo(1);
    assertThat(http.get("owner", "/api/staff/kpis?" + Q1).status()).as("process owner").isEqualTo(200);
    assertThat(http.get("admin", "/api/staff/kpis?" + Q1).status()).as("administrator").isEqualTo(200);
  }

  @Test
  void othersAreRefused() {
    StaffHttp.Response handler = http.get("handler", "/api/staff/kpis?" + Q1);
    assertThat(handler.status()).isEqualTo(403);
    assertThat(handler.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(http.get("auditor", "/api/staff/kpis.csv?" + Q1).status()).isEqualTo(403);
    assertThat(http.get("supervisor", "/api/staff/kpis/trend?" + Q1).status()).isEqualTo(403);
    assertThat(http.get(StaffHttp.ANONYMOUS, "/api/staff/kpis?" + Q1).status()).isEqualTo(401);
    assertThat(http.get("handler", "/staff/dashboard").status()).isEqualTo(403);
    assertThat(http.get("handler", "/staff/complaints?kpi=received").status()).isEqualTo(403);
  }

  @Test
  void csv_oneLinePerKpi() {
    StaffHttp.Response csv = http.get("manager", "/api/staff/kpis.csv?" + Q1);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("kpis-2025-01-01-2025-03-31.csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("kpi,label,value,unit,target,met,basis,from,to");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .startsWith("time-to-close,Time to close,30.74,days,30.0,false,4,2025-01-01,2025-03-31,,kpi-fixture,"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("received,Complaints received,5.0,count,,,5,"));
    assertThat(lines).hasSize(1 + KpiDefinition.values().length);
  }

  @Test
  void trendBreakdownAndDrillDown() {
    JsonNode trend = http.get("manager", "/api/staff/kpis/trend?interval=month&" + Q1).json();
    assertThat(trend.path("points")).hasSize(3);
    assertThat(trend.path("points").get(2).path("received").asLong()).isEqualTo(3);
    assertThat(trend.path("targets").path("within-target").asDouble()).isEqualTo(90.0);

    JsonNode breakdown = http.get("manager", "/api/staff/kpis/breakdown?dimension=channel&" + Q1).json();
    assertThat(breakdown.path("rows").get(0).path("value").asText()).isEqualTo("web");
    assertThat(breakdown.path("rows").get(0).path("received").asLong()).isEqualTo(3);

    JsonNode escalated = http.get("manager", "/api/staff/kpis/complaints?kpi=escalated&matching=true&" + Q1).json();
    assertThat(escalated.path("total").asLong()).isEqualTo(1);
    assertThat(escalated.path("items").get(0).path("reference").asText()).isEqualTo("KPI-B");
    assertThat(escalated.path("items").get(0).path("cockpitUrl").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/redress/complaints/KPI-B");
    JsonNode closed = http.get("manager", "/api/staff/kpis/complaints?kpi=time-to-close&" + Q1).json();
    assertThat(closed.path("items").findValuesAsText("reference")).containsExactly("KPI-D", "KPI-A", "KPI-C", "KPI-B");
    JsonNode late = http.get("manager", "/api/staff/kpis/complaints?kpi=within-target&matching=false&" + Q1).json();
    assertThat(late.path("items").findValuesAsText("reference")).containsExactly("KPI-D", "KPI-B");
    JsonNode open = http.get("manager", "/api/staff/kpis/complaints?kpi=open-overdue&matching=true&" + Q1).json();
    assertThat(open.path("items").findValuesAsText("reference")).containsExactly("KPI-E");
  }

  @Test
  void badParameters_areRefusedWithFieldAndReason() {
    assertRefused("/api/staff/kpis?from=2025-13-01", "from", "must be a date YYYY-MM-DD");
    assertRefused("/api/staff/kpis?from=2025-03-01&to=2025-01-01", "to", "must not be before from");
    assertRefused("/api/staff/kpis?channel=pigeon", "channel", "must be one of web, email, phone, letter, in-person, api");
    assertRefused("/api/staff/kpis?severity=huge", "severity", "must be one of low, medium, high, critical");
    assertRefused("/api/staff/kpis?colour=red", "colour", "is not a known parameter");
    assertRefused("/api/staff/kpis.csv?from=yesterday", "from", "must be a date YYYY-MM-DD");
    assertRefused("/api/staff/kpis/trend?interval=day", "interval", "must be month or week");
    assertRefused("/api/staff/kpis/breakdown?dimension=colour", "dimension",
        "must be one of category, channel, team, severity, product, priority");
    assertRefused("/api/staff/kpis/complaints?kpi=happiness", "kpi", "must be the id of a KPI, e.g. time-to-close");
    assertRefused("/api/staff/kpis/complaints?kpi=escalated&size=100000", "size", "must be a whole number from 1 to 500");
    assertRefused("/api/staff/kpis/complaints?kpi=escalated&matching=maybe", "matching", "must be true or false");
    assertRefused("/api/staff/kpis?from=2000-01-01&to=2025-01-01", "to", "a period may cover at most 3660 days");
  }

  @Test
  void dashboardPage_showsEveryKpiWithTargetAndState_forManagement() {
    // HTTP Basic here (the postgres profile's secure cookies need HTTPS); the browser test logs in through Camunda
    StaffHttp.Response page = http.get("manager", "/staff/dashboard?" + Q1);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-kpi=\"time-to-close\"", "30.7 days", "target ≤ 30 days", "Not met",
        "/webjars/chart.js/4.5.1/dist/chart.umd.min.js", "/staff/complaints?kpi=time-to-close&amp;from=2025-01-01");
    assertThat(http.get(StaffHttp.ANONYMOUS, "/webjars/chart.js/4.5.1/dist/chart.umd.min.js").status()).isEqualTo(200);
    StaffHttp.Response list = http.get("owner", "/staff/complaints?kpi=escalated&matching=true&" + Q1);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("/staff/cases/KPI-B").doesNotContain("KPI-A");
    StaffHttp.Response bad = http.get("manager", "/staff/dashboard?from=garbage");
    assertThat(bad.status()).isEqualTo(400);
  }

  void assertRefused(String path, String field, String reason) {
    StaffHttp.Response answer = http.get("manager", path);
    assertThat(answer.status()).as(path).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.json().path("errors")).as(path).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("reason").asText()).isEqualTo(reason);
    });
  }

  static JsonNode kpi(JsonNode report, String id) {
    for (JsonNode kpi : report.path("kpis")) {
      if (kpi.path("id").asText().equals(id)) {
        return kpi;
      }
    }
    throw new AssertionError("no KPI " + id + " in " + report);
  }
}
