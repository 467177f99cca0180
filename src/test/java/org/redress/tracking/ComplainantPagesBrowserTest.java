package org.redress.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.ComplaintDriver;
import org.redress.HeadlessChromium;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complainant's journey on the public pages in headless Chromium (Debian's chromium and
 * chromedriver; Selenium Manager never downloads anything): read how to complain, make mistakes
 * in the form and see them next to the fields, submit, keep the reference and code, follow the
 * complaint, accept the decision and rate the handling.
 */
@RedressTest
class ComplainantPagesBrowserTest {

  static HeadlessChromium chromium;
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired org.redress.complaint.AccessCodes accessCodes;
  ComplaintDriver driver;

  @BeforeAll
  static void openBrowser() {
    chromium = HeadlessChromium.start("420,900"); // a phone-sized window
    browser = chromium.browser();
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void howToComplain_showsTheStagesWithTheTargetsTheProcessUses() {
    browser.get(url("/"));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How to complain");
    String targets = browser.findElement(By.tagName("table")).getText();
    assertThat(targets).contains("Health or safety at risk: act at once", "2 working days", "Simple complaint", "15 working days");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("within 14 working days", "within 10 working days", "within 4 hours",
        "every 7 days", "ombudsman");
  }

  @Test
  void complainantSubmitsOnThePublicForm_followsIt_acceptsTheDecision_andRatesTheHandling() throws Exception {
    long before = count();
    java.nio.file.Path photo = java.nio.file.Files.createTempFile("kettle", ".png");
    java.nio.file.Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0});
    browser.get(url("/complaints/new"));
    browser.findElement(By.id("description")).sendKeys("Too short");
    browser.findElement(By.id("attachments")).sendKeys(photo.toString());
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    // mistakes: shown next to the field, linked for screen readers, nothing stored
    assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Your name is required",
        "What happened? must be at least 10 characters");
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the error summary has the focus")
        .isEqualTo("error-summary");
    WebElement name = browser.findElement(By.id("complainantName"));
    assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(name.getDomAttribute("aria-describedby")).contains("error-complainantName");
    assertThat(browser.findElement(By.id("error-complainantName")).getText()).contains("Your name is required");
    assertThat(browser.findElement(By.id("description")).getDomProperty("value")).isEqualTo("Too short");
    assertThat(count()).isEqualTo(before);

    name.sendKeys("Jane Doe");
    browser.findElement(By.id("complainantEmail")).sendKeys("jane.browser+" + System.nanoTime() + "@example.org");
    browser.findElement(By.id("preferredChannel-email")).click();
    browser.findElement(By.id("productOrService")).sendKeys("Broadband " + System.nanoTime());
    WebElement description = browser.findElement(By.id("description"));
    description.clear();
    description.sendKeys("My invoice for October shows a late fee although I paid on time.");
    // the file chosen before the mistake is kept, ticked, and goes with the complaint without choosing it again
    WebElement kept = browser.findElement(By.cssSelector("#held-files input[type=checkbox]"));
    assertThat(kept.isSelected()).isTrue();
    assertThat(browser.findElement(By.id("held-files")).getText()).contains(photo.getFileName().toString());
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    String reference = browser.findElement(By.id("reference")).getText();
    String code = browser.findElement(By.id("access-code")).getText();
    assertThat(reference).matches("C-\\d{4}-\\d{6}");
    assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
    assertThat(count()).isEqualTo(before + 1);

    browser.findElement(By.id("status-link")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference);
    assertThat(browser.getCurrentUrl()).as("the code is never in an address").doesNotContain(code)
        .doesNotContain("code=");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Received");
    assertThat(browser.findElement(By.id("submitted-description")).getText()).as("what they submitted")
        .isEqualTo("My invoice for October shows a late fee although I paid on time.");
    assertThat(browser.findElement(By.linkText(photo.getFileName().toString())).getDomAttribute("download"))
        .as("attachments are offered as downloads").isNotNull();

    // more information while the complaint is open: on the timeline and in the handler's task
    browser.findElement(By.id("information")).sendKeys("They charged the fee again in November.");
    WebElement add = browser.findElement(By.id("add-information"));
    add.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(add));
    assertThat(browser.findElement(By.id("message")).getText()).contains("We added your information");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("You added information", "They charged the fee again in November.");

    // the handlers decide (Tasklist side), the complainant answers on the status page
    ProcessInstance instance = driver.bringToDecision(reference, false);
    assertThat((String) engine.getTaskService().getVariableLocal(driver.task(instance, "Task_RecordComplainantAnswer").getId(),
        org.redress.complaint.ComplaintVariables.COMPLAINT_SUMMARY)).as("the handler's task context")
        .contains("Information added by the complainant", "They charged the fee again in November.");
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("decision-remedy")).getText()).contains("late fee");
    assertThat(browser.findElement(By.id("main")).getText()).as("internal notes never reach the public page")
        .doesNotContain("Bank interface fixed", "What we change");
    assertThat(browser.findElement(By.id("letters")).getText()).contains("Acknowledgement", "Decision");
    WebElement accept = browser.findElement(By.id("accept"));
    accept.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(accept));
    assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Please confirm: you accept our decision");
    assertThat(driver.eventTypes(reference)).as("nothing recorded before the confirmation")
        .doesNotContain(org.redress.complaint.EventType.DECISION_ACCEPTED);
    clickAndWait(By.id("confirm-answer")); // waits until the next page replaced this one
    assertThat(browser.findElement(By.id("message")).getText()).contains("You accepted our decision");

    driver.runDueJobs(instance);
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Closed");
    browser.findElement(By.cssSelector("label[for=rating-4]")).click();
    browser.findElement(By.id("comment")).sendKeys("Quick and fair.");
    WebElement send = browser.findElement(By.id("send-survey"));
    send.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(send));
    assertThat(browser.findElement(By.id("message")).getText()).contains("Thank you for rating");
    assertThat(browser.findElements(By.id("send-survey"))).as("the survey is answered once").isEmpty();
    assertThat(jdbc.sql("SELECT rating FROM satisfaction_survey WHERE reference = :r").param("r", reference)
        .query(Integer.class).single()).isEqualTo(4);

    // on a shared computer: leave, and the complaint needs its code again
    clickAndWait(By.id("leave"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Follow your complaint");
    browser.navigate().back();
    browser.navigate().refresh();
    assertThat(browser.findElements(By.id("status"))).isEmpty();
  }

  /** Issue 16: our question on the status page, answered there with a file; the handler's step comes back with it. */
  @Test
  void ourQuestion_isOnTheStatusPage_theComplainantAnswersWithAFile_andTheHandlersStepShowsTheAnswer() throws Exception {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        org.redress.ComplaintDriver.with(org.redress.ComplaintDriver.phoneComplaint(), "amountAtStake", 600));
    String reference = driver.reference(complaint);
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "askComplainant", true,
        "complainantQuestion", "Which router model do you have?");
    driver.runDueJobsWithCalled(complaint);
    String code = accessCodes.issue(reference);

    browser.get(url("/complaints/status"));
    browser.manage().deleteAllCookies(); // a fresh visitor, following no complaint
    browser.get(url("/complaints/status"));
    browser.findElement(By.id("reference")).sendKeys(reference);
    browser.findElement(By.id("code")).sendKeys(code);
    clickAndWait(By.id("show"));
    assertThat(browser.findElement(By.id("question-text")).getText()).isEqualTo("Which router model do you have?");
    assertThat(browser.findElement(By.id("question")).getText()).contains("We are waiting for your answer since");
    assertThat(browser.findElement(By.id("add-title")).getText()).isEqualTo("Answer our question");

    java.nio.file.Path label = java.nio.file.Files.createTempFile("router-label", ".png");
    java.nio.file.Files.write(label, java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
    browser.findElement(By.id("information")).sendKeys("It is a FritzBox 7590.");
    browser.findElement(By.id("more-attachments")).sendKeys(label.toString());
    clickAndWait(By.id("add-information"));
    assertThat(browser.findElements(By.id("question"))).as("answered: no longer waiting").isEmpty();
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("You answered our question");

    driver.runDueJobsWithCalled(complaint);
    String history = (String) engine.getTaskService().getVariableLocal(
        driver.task(complaint, "Task_ReviewAssessment").getId(), org.redress.complaint.ComplaintVariables.CASE_HISTORY);
    assertThat(history).as("the handler's step, back with the answer").contains("It is a FritzBox 7590.");
    assertThat(driver.eventTypes(reference)).contains(org.redress.complaint.EventType.CLOCK_RESUMED);
    clickAndWait(By.id("leave"));
  }

  @Test
  void statusPage_withAWrongCode_saysNothingAboutTheComplaint_andAnOldLinkWithTheCodeAsksForIt() {
    browser.get(url("/complaints/status"));
    browser.manage().deleteAllCookies(); // a fresh visitor, following no complaint
    browser.get(url("/complaints/status"));
    browser.findElement(By.id("reference")).sendKeys("C-2026-000001");
    browser.findElement(By.id("code")).sendKeys("WRONG");
    browser.findElement(By.id("show")).click();
    assertThat(browser.findElement(By.id("lookup-error")).getText()).contains("We found no complaint");
    assertThat(browser.getCurrentUrl()).doesNotContain("WRONG");

    browser.get(url("/complaints/status?reference=C-2026-000001&code=ABCD-EFGH"));
    assertThat(browser.findElement(By.id("code-in-link")).getText()).contains("Please type your access code");
    assertThat(browser.findElement(By.id("reference")).getDomProperty("value")).isEqualTo("C-2026-000001");
    assertThat(browser.findElement(By.id("code")).getDomProperty("value")).isEmpty();
    jdbc.sql("DELETE FROM client_attempt").update(); // this test's wrong code must not count against the others
  }

  @Test
  void lostCode_givesTheSameAnswerWhetherOrNotReferenceAndAddressMatch() {
    browser.get(url("/complaints/status"));
    browser.manage().deleteAllCookies(); // a fresh visitor, following no complaint
    browser.get(url("/complaints/status"));
    browser.findElement(By.id("lost-code-link")).click();
    browser.findElement(By.id("reference")).sendKeys("C-2026-000001");
    browser.findElement(By.id("email")).sendKeys("nobody@example.org");
    browser.findElement(By.id("send-code")).click();
    assertThat(browser.findElement(By.id("message")).getText())
        .startsWith("If the reference and e-mail address match a complaint, we have sent a new access code");
    jdbc.sql("DELETE FROM client_attempt").update();
  }

  @Test
  void anUploadOverTheLimitOnTheForm_answersAPageNotJson() {
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("complainantName", "Jane Doe");
    parts.add("attachments", new org.springframework.core.io.ByteArrayResource(new byte[11 * 1024 * 1024]) {
      @Override
      public String getFilename() {
        return "big.pdf";
      }
    });
    var answer = org.springframework.web.client.RestClient.create().post().uri(url("/complaints/new"))
        .accept(org.springframework.http.MediaType.TEXT_HTML)
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(answer.getBody()).contains("Upload too large", "How to complain");
  }

  @Test
  void theSameFormSentTwice_recordsOneComplaint() throws Exception {
    var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/complaints/new"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String token = form.replaceAll("(?s).*name=\"_token\" value=\"([^\"]+)\".*", "$1");
    String submission = form.replaceAll("(?s).*name=\"_submission\" value=\"([^\"]+)\".*", "$1");
    String body = "_token=" + token + "&_submission=" + submission + "&complainantName=Jane+Doe&preferredChannel=phone"
        + "&complainantPhone=%2B49+30+123456&productOrService=Kettle+" + System.nanoTime()
        + "&description=The+kettle+switches+itself+off+after+a+few+seconds.";
    long before = count();
    List<String> locations = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/complaints/new")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
      locations.add(answer.headers().firstValue("Location").orElseThrow());
    }
    assertThat(count()).isEqualTo(before + 1);

    var forged = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/complaints/new")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.replace(token, "forged"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as("CSRF token checked").isEqualTo(403);
  }

  /**
   * The public pages in German: Accept-Language chooses it, the switch in the header changes it and a
   * cookie remembers the choice; the texts, the html lang and the refused fields' reasons follow.
   */
  @Test
  void publicPages_speakGerman_byAcceptLanguage_orTheSwitch_andRememberTheChoice() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String german = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/")))
        .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(german).contains("<html lang=\"de\"", "So beschweren Sie sich", "innerhalb von 14 Arbeitstagen", "English");
    String french = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/")))
        .header("Accept-Language", "fr-FR").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(french).as("a language we do not have: English").contains("<html lang=\"en\"", "How to complain");

    browser.get(url("/"));
    browser.manage().deleteAllCookies();
    browser.get(url("/complaints/new"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Make a complaint");
    clickAndWait(By.id("language-switch"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Beschwerde einreichen");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
    clickAndWait(By.cssSelector("button[type=submit]"));
    assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Bitte korrigieren Sie diese Felder",
        "Ihr Name ist erforderlich", "Was ist passiert? ist erforderlich");
    clickAndWait(By.linkText("Beschwerde verfolgen"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).as("the choice is remembered").isEqualTo("Beschwerde verfolgen");
    browser.get(url("/complaints/status/files/1"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).as("the error page too").isEqualTo("Beschwerde nicht gefunden");
    browser.get(url("/complaints/status"));
    clickAndWait(By.id("language-switch"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Follow your complaint");
  }

  /**
   * Accessibility (ISO 10002 4.3, WCAG 2.1 A/AA): axe-core, from its webjar on the test classpath,
   * checks every public page — in each state a complainant meets it — in English and German, at a
   * desktop and a phone width (375 px), in this real browser.
   */
  @Test
  void everyPublicPage_inBothLanguages_atDesktopAndPhoneWidths_hasNoWcag21AViolationOrAA() throws Exception {
    String axe;
    try (var in = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js")[0].getInputStream()) {
      axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    ProcessInstance decided = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    String reference = driver.reference(decided);
    String code = accessCodes.issue(reference);
    driver.bringToDecision(reference, false);

    List<String> violations = new java.util.ArrayList<>();
    int checked = 0;
    try {
      for (String language : List.of("en", "de")) {
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 900),
            new org.openqa.selenium.Dimension(375, 812))) {
          browser.manage().window().setSize(size);
          String where = language + " " + size.getWidth() + "px ";
          browser.get(url("/?lang=" + language));
          browser.manage().deleteCookieNamed("JSESSIONID");
          browser.get(url("/?lang=" + language));
          checked += axe(axe, where + "how to complain", violations);
          browser.get(url("/complaints/new"));
          checked += axe(axe, where + "complaint form", violations);
          clickAndWait(By.cssSelector("button[type=submit]"));
          checked += axe(axe, where + "complaint form with errors", violations);
          browser.findElement(By.id("complainantName")).sendKeys("Jane Doe");
          browser.findElement(By.id("complainantEmail")).sendKeys("jane.axe+" + System.nanoTime() + "@example.org");
          browser.findElement(By.id("preferredChannel-email")).click();
          browser.findElement(By.id("productOrService")).sendKeys("Broadband " + System.nanoTime());
          browser.findElement(By.id("description")).sendKeys("My invoice shows a late fee although I paid on time.");
          clickAndWait(By.cssSelector("button[type=submit]"));
          checked += axe(axe, where + "receipt", violations);
          clickAndWait(By.id("status-link"));
          checked += axe(axe, where + "status page, just received", violations);
          clickAndWait(By.id("leave"));
          checked += axe(axe, where + "lookup", violations);
          browser.findElement(By.id("reference")).sendKeys(reference);
          browser.findElement(By.id("code")).sendKeys("WRONG");
          clickAndWait(By.id("show"));
          checked += axe(axe, where + "lookup refused", violations);
          browser.findElement(By.id("reference")).clear();
          browser.findElement(By.id("reference")).sendKeys(reference);
          browser.findElement(By.id("code")).sendKeys(code);
          clickAndWait(By.id("show"));
          checked += axe(axe, where + "status page with the decision", violations);
          clickAndWait(By.id("reject"));
          checked += axe(axe, where + "answer refused (no reason)", violations);
          clickAndWait(By.id("accept"));
          checked += axe(axe, where + "confirmation", violations);
          clickAndWait(By.id("confirm-back"));
          browser.get(url("/complaints/status/files/999999999"));
          checked += axe(axe, where + "error page", violations);
          browser.get(url("/complaints/status"));
          clickAndWait(By.id("leave"));
          clickAndWait(By.id("lost-code-link"));
          checked += axe(axe, where + "lost code", violations);
          browser.findElement(By.id("reference")).sendKeys(reference);
          browser.findElement(By.id("email")).sendKeys("nobody@example.org");
          clickAndWait(By.id("send-code"));
          checked += axe(axe, where + "lost code sent", violations);
        }
      }
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
      browser.get(url("/?lang=en"));
      jdbc.sql("DELETE FROM client_attempt").update();
    }
    assertThat(checked).isEqualTo(2 * 2 * 13);
    assertThat(violations).isEmpty();

    // the check itself works: an image without a text alternative on this page is reported
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.getElementById('main').appendChild(document.createElement('img')).src = '/favicon.ico';");
    List<String> broken = new java.util.ArrayList<>();
    axe(axe, "broken page", broken);
    assertThat(broken).anyMatch(v -> v.contains("image-alt"));
  }

  /** Clicks what leads to another page and waits until that page replaced this one. */
  void clickAndWait(By what) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    js.executeScript("document.documentElement.dataset.leaving = 'yes'");
    browser.findElement(what).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
            "return document.readyState === 'complete' && document.documentElement.dataset.leaving === undefined")));
  }

  /** Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules); adds one line per violation; returns 1. */
  int axe(String axe, String page, List<String> violations) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axe);
    }
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object result = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
              + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""");
    for (Object violation : (List<?>) result) {
      violations.add(page + " — " + violation);
    }
    return 1;
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }
}
