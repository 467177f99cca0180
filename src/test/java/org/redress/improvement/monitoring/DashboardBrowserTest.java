package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.redress.ComplaintDriver;
import org.redress.HeadlessChromium;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.KpiChanges;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager asks for the dashboard, logs in through Camunda's login, is brought back to it and sees
 * the charts drawn: Chart.js instances with data on the canvases. Leaves a screenshot in
 * target/screenshots/dashboard.png (docs/images/dashboard.png is a copy).
 */
@RedressTest
class DashboardBrowserTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final List<String> CHARTS = List.of("chart-volume", "chart-time-to-close", "chart-within-target",
      "chart-satisfaction", "chart-category", "chart-channel", "chart-team", "chart-severity", "chart-open-stage",
      "chart-open-age", "chart-satisfaction-distribution");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  HeadlessChromium chromium;

  @BeforeEach
  void aYearOfComplaints() {
    deleteYear();
    Random random = new Random(10002);
    String[] categories = {"billing", "delivery", "product-quality", "service-delivery", "communication", "staff-conduct"};
    String[] channels = {"web", "web", "email", "email", "phone", "letter"};
    String[] teams = {"handlers", "billing-team", "delivery-team"};
    String[] severities = {"low", "low", "low", "medium", "medium", "high", "critical"};
    OffsetDateTime start = OffsetDateTime.parse("2025-01-01T08:00:00Z");
    for (int i = 0; i < 480; i++) {
      String ref = "KPY-" + i;
      OffsetDateTime received = start.plusHours(random.nextInt(364 * 24));
      String severity = severities[random.nextInt(severities.length)];
      int priority = switch (severity) { case "low" -> 25; case "medium" -> 50; case "high" -> 75; default -> 100; };
      int targetDays = switch (severity) { case "low" -> 15; case "medium" -> 10; case "high" -> 5; default -> 2; };
      // later in the year complaints are handled faster: the trend shows it
      double speed = 1.3 - received.getDayOfYear() / 365.0 * 0.6;
      OffsetDateTime decision = received.plusHours((long) (targetDays * 24 * speed * (0.3 + random.nextDouble())));
      OffsetDateTime closed = decision.plusDays(2 + random.nextInt(12));
      boolean open = closed.isAfter(OffsetDateTime.parse("2025-12-31T00:00:00Z"));
      String channel = channels[random.nextInt(channels.length)];
      jdbc.sql("""
          INSERT INTO complaint (reference, channel, complainant_name, preferred_channel, preferred_language,
            product_or_service, description, safety_concern, legal_or_regulatory, received_at, received_by)
          VALUES (:ref, :channel, 'Fixture', 'email', 'en', 'Dashboard fixture', 'Dashboard fixture', FALSE, FALSE, :received, 'test')""")
          .param("ref", ref).param("channel", channel).param("received", received).update();
      jdbc.sql("""
          INSERT INTO complaint_status (reference, status, severity, priority, assessed_priority, response_due_at, team,
            category, channel, received_at, acknowledged_at, first_response_at, decision_communicated_at, closed_at,
            escalated, escalated_at, outcome, closed_by, updated_at)
          VALUES (:ref, :status, :severity, :priority, :priority, :due, :team, :category, :channel, :received, :ack,
            :decision, :decision, :closed, :escalated, :escalatedAt, :outcome, :closedBy, :received)""")
          .param("ref", ref).param("status", open ? "UNDER_INVESTIGATION" : "CLOSED").param("severity", severity)
          .param("priority", priority).param("due", received.plusDays(targetDays))
          .param("team", teams[random.nextInt(teams.length)])
          .param("category", categories[random.nextInt(categories.length)]).param("channel", channel)
          .param("received", received).param("ack", received.plusMinutes(random.nextInt(90)))
          .param("decision", open ? null : decision).param("closed", open ? null : closed)
          .param("escalated", decision.isAfter(received.plusDays(targetDays)))
          .param("escalatedAt", decision.isAfter(received.plusDays(targetDays)) ? received.plusDays(targetDays) : null)
          .param("outcome", open ? null : "accepted").param("closedBy", open ? null : "handler")
          .update();
      if (!open && random.nextInt(3) == 0) {
        jdbc.sql("INSERT INTO satisfaction_survey (reference, rating, answered_at) VALUES (:ref, :rating, :at)")
            .param("ref", ref).param("rating", Math.min(5, 2 + random.nextInt(4) + (random.nextBoolean() ? 1 : 0)))
            .param("at", closed.plusDays(1)).update();
      }
      KpiChanges.note(jdbc, ref);
    }
    chromium = HeadlessChromium.start("1400,2300");
  }

  @AfterEach
  void cleanUp() {
    if (chromium != null) {
      chromium.close();
    }
    deleteYear();
  }

  void deleteYear() {
    jdbc.sql("SELECT reference FROM complaint_status WHERE reference LIKE 'KPY-%'").query(String.class).list()
        .forEach(ref -> KpiChanges.note(jdbc, ref));
    for (String table : List.of("satisfaction_survey", "complaint_status", "complaint")) {
      jdbc.sql("DELETE FROM " + table + " WHERE reference LIKE 'KPY-%'").update();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void managerLogsInThroughCamunda_opensTheDashboardFromWelcome_andSeesTheChartsDrawn() throws IOException {
    WebDriver browser = chromium.browser();
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    // asked for without a session: Camunda's login, then back to the page asked for
    browser.get("http://localhost:" + port + "/staff/dashboard?from=2025-01-01&to=2025-12-31");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys("manager");
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("manager");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/staff/dashboard?from=2025-01-01&to=2025-12-31"));

    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts", "ready"));
    Map<String, Object> points = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
        const result = {};
        for (const id of arguments[0]) {
          const chart = Chart.getChart(document.getElementById(id));
          result[id] = chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null).length, 0) : -1;
        }
        return result;""", CHARTS);
    assertThat(points).hasSize(CHARTS.size());
    points.forEach((id, n) -> assertThat(((Number) n).longValue()).as(id).isPositive());
    // a trend chart carries its target line
    Object labels = ((JavascriptExecutor) browser).executeScript(
        "return Chart.getChart(document.getElementById('chart-time-to-close')).data.datasets.map(d => d.label);");
    assertThat((List<String>) labels).contains("Target");
    assertThat(browser.findElement(By.cssSelector("[data-kpi=received] .kpi-value")).getText()).isEqualTo("480");
    // labels, not codes; one date format; cards that explain themselves without configuration keys
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat((List<String>) js.executeScript(
        "return Chart.getChart(document.getElementById('chart-category')).data.labels;"))
        .doesNotContain("product-quality").contains(jdbc.sql("SELECT label FROM code_list_entry WHERE list_name = 'category'"
            + " AND code = 'product-quality'").query(String.class).single());
    assertThat((List<String>) js.executeScript(
        "return Chart.getChart(document.getElementById('chart-open-stage')).data.labels;"))
        .contains("Under investigation").doesNotContain("UNDER_INVESTIGATION");
    assertThat((List<String>) js.executeScript(
        "return Chart.getChart(document.getElementById('chart-channel')).data.labels;")).contains("E-mail", "Web form");
    assertThat(browser.findElement(By.cssSelector(".lead .generated")).getText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+");
    assertThat(browser.findElements(By.cssSelector(".kpi-population"))).extracting(WebElement::getText)
        .noneMatch(text -> text.contains("redress."));

    Path shot = Path.of("target/screenshots/dashboard.png");
    Files.createDirectories(shot.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);

    // one day with a complaint or two: the axes that count complaints step in whole complaints
    browser.get("http://localhost:" + port + "/staff/dashboard?from=2025-03-03&to=2025-03-04");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts", "ready"));
    Map<String, List<Number>> ticks = (Map<String, List<Number>>) js.executeScript("""
        const axes = {'chart-volume': 'y', 'chart-category': 'x', 'chart-open-stage': 'x', 'chart-open-age': 'y'};
        const result = {};
        for (const [id, axis] of Object.entries(axes)) {
          result[id] = Chart.getChart(document.getElementById(id)).scales[axis].ticks.map(t => t.value);
        }
        return result;""");
    ticks.forEach((id, values) -> assertThat(values).as(id).isNotEmpty()
        .allSatisfy(value -> assertThat(value.doubleValue()).as(id).isEqualTo(Math.rint(value.doubleValue()))));

    // the Welcome app lists Redress's pages (our config.js), and shows no "migrate to Camunda 8" banner
    browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Complaints dashboard")));
    assertThat(browser.findElements(By.linkText("ISO 10002 self-assessment"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
    assertThat(browser.getCurrentUrl()).as("no page asked for any more").contains("/camunda/app/welcome/");

    // management reviews and corrective actions are worked in Tasklist: the manager has its filters
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(), \"My groups' tasks\")]")));
  }

  /**
   * Issue 15: a figure's complaints lead to the case, not to Cockpit's 403. The manager follows a KPI's
   * drill-down, clicks a reference and reads the case — without who the complainant is.
   */
  @Test
  void managerFollowsAFiguresDrillDown_toTheCaseBehindIt_withoutPersonalData() throws IOException {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance complaint = driver.registerAndAssess("handler",
        ComplaintDriver.with(ComplaintDriver.phoneComplaint(), "complainantName", "Dorothea Drilldown"));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(complaint, "Task_ProposeResponse", "handler", "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Our bank interface booked your payment late.", "actionRequired", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    String reference = driver.reference(complaint);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String dashboard = "http://localhost:" + port + "/staff/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

    WebDriver browser = chromium.browser();
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    browser.get(dashboard);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys("manager");
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("manager");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(dashboard));
    assertThat(browser.findElements(By.cssSelector(".staff-header a[href^='/camunda/app/cockpit']")))
        .as("management cannot open Cockpit: no link to it").isEmpty();

    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[data-kpi=received] a[href^='/staff/complaints']"))).click();
    // the list is in order of receipt, a page at a time: other tests' complaints of today may come first
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.data")));
    for (int pages = 1; browser.findElements(By.linkText(reference)).isEmpty() && pages < 100; pages++) {
      WebElement table = browser.findElement(By.cssSelector("table.data"));
      browser.findElement(By.linkText("next")).click();
      wait.until(ExpectedConditions.stalenessOf(table));
    }
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText(reference))).click();

    wait.until(ExpectedConditions.urlContains("/staff/cases/" + reference));
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Complaint " + reference);
    assertThat(page).contains("The complaint as received", "Telephone", "Decisions and their reasons",
        "Response proposed", "We remove the late fee.", "Timeline", "[personal data withheld]")
        .doesNotContain("Dorothea", "Whitelabel", "Forbidden");
    assertThat(page.substring(0, page.indexOf("Appendix: technical record")))
        .as("codes only in the appendix").doesNotContain("DECISION_COMMUNICATED");
    assertThat(browser.findElements(By.cssSelector("a[href^='/camunda/app/cockpit']"))).isEmpty();

    Path shot = Path.of("target/screenshots/case-view.png");
    Files.createDirectories(shot.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
