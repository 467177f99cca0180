package org.redress.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.ComplaintDriver;
import org.redress.HeadlessChromium;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Complaints plugin in Cockpit, in a real (headless) browser: an auditor finds a closed
 * complaint, reads the path it took, its timeline and downloads its case file; who is not an
 * auditor gets none of it; Cockpit's own pages still work with the plugin loaded.
 *
 * <p>With {@code -Dredress.screenshots=docs/images} the pages are also saved as the pictures of the
 * auditors' guide (docs/auditors.md).
 */
@RedressTest
class CockpitComplaintsBrowserTest {

  static final Duration PATIENCE = Duration.ofSeconds(20);
  /** StaffTime.PATTERN, "2026-11-29 17:21 UTC". */
  static final String STAFF_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+";

  static String cell(WebElement row, int column) {
    return row.findElement(By.xpath("./td[" + column + "]")).getText();
  }

  /** Complainants type anything; the plugin must show it as text. */
  static final String PRODUCT = "Broadband <img src=x onerror=alert(1)> ";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  ComplaintDriver driver;
  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    chromium = HeadlessChromium.start("1400,1000");
    browser = chromium.browser();
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws IOException {
    if (chromium != null) {
      // what the browser showed last, for when a test fails
      Path page = Path.of("target/screenshots", test.getTestMethod().orElseThrow().getName());
      Files.createDirectories(page.getParent());
      Files.writeString(page.resolveSibling(page.getFileName() + ".html"), browser.getPageSource());
      Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
          page.resolveSibling(page.getFileName() + ".png"), StandardCopyOption.REPLACE_EXISTING);
      chromium.close();
    }
  }

  @Test
  void auditorFindsAClosedComplaint_readsItsPathAndTimeline_andDownloadsTheCaseFile() throws IOException {
    String reference = closedComplaint();

    logInToCockpit("auditor");
    click(By.cssSelector("a.redress-navigation"));
    WebElement form = visible(By.cssSelector("form[name=redressComplaintSearch]"));
    form.findElement(By.name("reference")).sendKeys(reference);
    new Select(form.findElement(By.name("state"))).selectByValue("closed");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    // the search lists exactly this complaint, closed; an auditor does not see the complainant's name (4.10)
    By row = By.cssSelector("tr.redress-complaint-row[data-reference='" + reference + "']");
    WebElement found = visible(row);
    assertThat(browser.findElements(By.cssSelector("tr.redress-complaint-row"))).hasSize(1);
    // labels, not codes; moments in the one staff format
    assertThat(found.getText()).contains("Closed", "Closing (7.9)", "Phone", "Low", "closed")
        .doesNotContain("Jane Doe", "CLOSED", "closure", "phone");
    assertThat(cell(found, 8)).matches(STAFF_TIME);
    assertThat(cell(found, 10)).matches(STAFF_TIME);
    // the search re-rendered with the address: the filters are a new form
    WebElement filters = browser.findElement(By.cssSelector("form[name=redressComplaintSearch]"));
    assertThat(new Select(filters.findElement(By.name("stage"))).getOptions()).extracting(WebElement::getText)
        .contains("Closing (7.9)").doesNotContain("closure (7.10)");
    assertThat(new Select(filters.findElement(By.name("status"))).getOptions()).extracting(WebElement::getText)
        .contains("Decision communicated").doesNotContain("DECISION_COMMUNICATED");
    assertThat(found.findElements(By.xpath("./td[2]")).get(0).getText()).isEqualTo("hidden");
    screenshot("auditors-search");

    // its history: the diagram with the path taken ...
    found.findElement(By.cssSelector("a.redress-open-complaint")).click();
    wait.until(ExpectedConditions.urlContains("#/redress/complaints/" + reference));
    visible(By.cssSelector(".redress-diagram.redress-diagram-ready"));
    assertThat(browser.findElement(By.cssSelector(".redress-state")).getText()).isEqualTo("completed");
    for (String passed : List.of("StartEvent_ComplaintReceived", "Task_AssessComplaint", "Task_ReviewAssessment",
        "Task_ProposeResponse", "Task_CommunicateDecision", "Task_RecordComplainantAnswer", "Task_CloseComplaint",
        "EndEvent_ComplaintClosed", "Flow_ToReviewAssessment", "Flow_ResolveDirectly")) {
      assertThat(markers(passed)).as(passed).contains("redress-taken");
    }
    for (String notPassed : List.of("Task_InvestigateComplaint", "Task_ApproveResponse", "Task_ReviewDecision",
        "Flow_InvestigationNeeded", "Flow_ApprovalNeeded")) {
      assertThat(markers(notPassed)).as(notPassed).doesNotContain("redress-taken");
    }
    assertThat(browser.findElements(By.cssSelector("g.djs-element.redress-running"))).as("nothing waits any more").isEmpty();
    assertThat(visible(By.cssSelector(
        ".djs-overlays[data-container-id='Task_CloseComplaint'] .redress-activity-count")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector(".redress-verification")).getText()).contains("intact");
    assertThat(browser.findElement(By.cssSelector(".redress-summary")).getText()).containsPattern(STAFF_TIME);
    screenshot("auditors-history");

    // ... and the timeline: the assessment with the DMN's outputs, the decision, the closure
    WebElement assessment = scrolledTo(By.cssSelector(".redress-entry[data-kind=DECISION]"));
    assertThat(assessment.getText()).contains("severity");
    assertThat(assessment.findElement(By.cssSelector("a.redress-entry-link")).getAttribute("href"))
        .contains("#/decision-instance/");
    assertThat(entryTexts("[data-activity-id=Task_CommunicateDecision]")).isNotEmpty();
    assertThat(entryTexts("[data-activity-id=Task_CloseComplaint]")).isNotEmpty();
    assertThat(entryTexts("[data-kind=COMPLAINT_EVENT][data-type=DECISION_COMMUNICATED]")).isNotEmpty()
        .allSatisfy(text -> assertThat(text).contains("Decision communicated").doesNotContain("DECISION_COMMUNICATED"));
    assertThat(entryTexts("[data-kind=COMPLAINT_EVENT][data-type=CLOSED]")).singleElement()
        .satisfies(text -> assertThat(text).contains("Complaint closed", "handler2"));
    // every entry's moment in the one staff format, nothing in the browser's own
    assertThat(browser.findElements(By.cssSelector(".redress-entry-time"))).isNotEmpty()
        .extracting(CockpitComplaintsBrowserTest::text).allSatisfy(time -> assertThat(time).matches(STAFF_TIME));
    // what the complainant typed is shown as text, never as markup
    assertThat(browser.findElements(By.cssSelector(".redress-timeline dd[data-name=productOrService]")))
        .extracting(CockpitComplaintsBrowserTest::text).anySatisfy(text -> assertThat(text).startsWith(PRODUCT.strip()));
    assertThat(browser.findElements(By.cssSelector(".redress-plugin img"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("an alert from the complaint's text").isNull();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", assessment);
    screenshot("auditors-timeline");

    // the case file, fetched with the page's own session as a click would
    String pdfStart = download(".redress-case-file-pdf", "pdf");
    assertThat(pdfStart).startsWith("%PDF");
    JsonNode caseFile = new ObjectMapper().readTree(download(".redress-case-file-json", "text"));
    assertThat(caseFile.toString()).contains(reference);
    assertThat(severeConsoleErrors()).isEmpty();
  }

  @Test
  void whoIsNotAnAuditor_getsNoComplaintHistory() {
    String reference = closedComplaint();
    StaffHttp http = new StaffHttp(port);

    // a handler cannot even enter Cockpit, and the API refuses the handler's Tasklist session
    assertThat(http.webappLogin("handler", "handler", "cockpit")).isEqualTo(403);
    StaffHttp.WebappSession handler = http.webappSession("handler", "handler", "tasklist");
    assertThat(handler.get("/api/staff/audit/complaints/" + reference + "/history").status()).isEqualTo(403);
    assertThat(handler.get("/api/staff/audit/complaints?reference=" + reference).status()).isEqualTo(403);

    // a process owner may use Cockpit, but the plugin shows "not allowed" instead of the complaint
    logInToCockpit("owner");
    browser.get(cockpit() + "#/redress/complaints/" + reference);
    WebElement refusal = visible(By.cssSelector(".redress-not-allowed"));
    assertThat(refusal.getText()).contains("Not allowed", "auditors");
    assertThat(browser.findElements(By.cssSelector(".redress-diagram, .redress-timeline"))).isEmpty();
    browser.get(cockpit() + "#/redress/complaints?reference=" + reference);
    visible(By.cssSelector(".redress-results .redress-not-allowed"));
    assertThat(browser.findElements(By.cssSelector("tr.redress-complaint-row"))).isEmpty();
  }

  @Test
  void cockpitsOwnPagesStillWork_andARunningComplaintLinksToItsHistory() {
    ProcessInstance running = driver.registerAndAssess("handler", phoneComplaint());
    String reference = driver.reference(running);

    logInToCockpit("auditor");
    // Cockpit's dashboard with the Complaints section beside its own
    visible(By.cssSelector(".dashboard"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dashboard"), "Running Process Instances"));
    WebElement open = visible(By.cssSelector(".redress-dashboard .redress-dashboard-open .redress-dashboard-number"));
    assertThat(Integer.parseInt(open.getText())).isPositive();

    // Cockpit's process list and a running instance's own page, with the link to the complaint's history
    click(By.cssSelector("[cam-widget-header] a[href='#/processes']"));
    visible(By.partialLinkText("Complaint handling"));
    browser.get(cockpit() + "#/process-instance/" + running.getId() + "/runtime");
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[cam-widget-bpmn-viewer] g.djs-element[data-element-id='Task_ReviewAssessment']")));
    WebElement link = visible(By.cssSelector("a.redress-history-action"));
    assertThat(link.getAttribute("href")).endsWith("#/redress/complaints/" + reference);
    link.click();
    visible(By.cssSelector(".redress-diagram.redress-diagram-ready"));
    assertThat(browser.findElement(By.cssSelector(".redress-state")).getText()).isEqualTo("running");
    assertThat(markers("Task_ReviewAssessment")).contains("redress-running");
    assertThat(severeConsoleErrors()).isEmpty();
  }

  /** A simple complaint worked from receipt to closure, as handlers do in Tasklist. */
  String closedComplaint() {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        with(phoneComplaint(), "productOrService", PRODUCT + System.nanoTime()));
    String reference = driver.reference(complaint);
    driver.bringToDecision(reference, false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(complaint.getId()).count())
        .as("closed").isZero();
    return reference;
  }

  String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  void logInToCockpit(String user) {
    browser.get(cockpit());
    visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    visible(By.cssSelector("a.redress-navigation"));
  }

  /** The classes bpmn-js gave the shape of a BPMN element. */
  String markers(String elementId) {
    return browser.findElement(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']")).getAttribute("class");
  }

  List<String> entryTexts(String selector) {
    return browser.findElements(By.cssSelector(".redress-entry" + selector)).stream()
        .map(CockpitComplaintsBrowserTest::text).toList();
  }

  /** The text of an element, whether or not it is scrolled into view (getText() gives only what shows). */
  static String text(WebElement element) {
    return element.getAttribute("textContent");
  }

  /** Fetches a link's target within the page (its session cookie) — as text, or the first bytes of a PDF. */
  String download(String linkSelector, String as) {
    Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const link = document.querySelector(arguments[0]);
        fetch(link.href, { credentials: 'same-origin' })
          .then((response) => arguments[1] === 'pdf'
            ? response.arrayBuffer().then((bytes) => String.fromCharCode(...new Uint8Array(bytes).slice(0, 8)))
            : response.text())
          .then(done, (error) => done('failed: ' + error));
        """, linkSelector, as);
    return String.valueOf(result);
  }

  /**
   * Script errors the browser reported, and failed requests of the plugin. (Cockpit itself asks for
   * the user before the login and for /camunda-welcome, and gets 404s; those are Cockpit's own.)
   */
  List<String> severeConsoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource") || message.contains("/redress/")
            || message.contains("/api/staff/") || message.contains("/webjars/"))
        .toList();
  }

  /** Cockpit scrolls its content pane, not the page: what lies below shows only once scrolled to. */
  WebElement scrolledTo(By locator) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return wait.until(ExpectedConditions.visibilityOf(element));
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void click(By locator) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** target/screenshots always; also the guide's pictures when -Dredress.screenshots=<dir> is given. */
  void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target/screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    String guide = System.getProperty("redress.screenshots");
    if (guide != null && !guide.isBlank()) {
      Path picture = Path.of(guide, name + ".png");
      Files.createDirectories(picture.getParent());
      Files.copy(shot, picture, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
