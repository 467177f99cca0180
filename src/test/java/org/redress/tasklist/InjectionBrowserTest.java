package org.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.io.IOException;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.ComplaintDriver;
import org.redress.HeadlessChromium;
import org.redress.RedressTest;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Script tags, HTML and SQL in a complaint are stored as the text they are and shown as text in
 * the Tasklist form — nothing runs, nothing is injected (ISO 10002 4.10; OWASP A03). Headless
 * Debian chromium with its chromedriver; nothing is downloaded.
 */
@RedressTest
class InjectionBrowserTest {

  static final String NAME = "<img src=x onerror=\"window.redressXss='name'\">Bobby'); DROP TABLE complaint;--";
  static final String DESCRIPTION = "<script>window.redressXss='description'</script> <b>bold?</b> "
      + "[click me](javascript:window.redressXss='link') ' OR '1'='1'; DROP TABLE complaint_event; --";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;
  HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.start("1400,1000");
    browser = chromium.browser();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void scriptHtmlAndSqlInAComplaint_areStoredAsText_andShownAsTextInTasklist() {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance instance = driver.registerAndAssess("handler",
        with(phoneComplaint(), "complainantName", NAME, "description", DESCRIPTION));
    String reference = driver.reference(instance);

    Complaint stored = complaints.get(reference);
    assertThat(stored.complainantName()).isEqualTo(NAME);
    assertThat(stored.description()).isEqualTo(DESCRIPTION);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE reference = :r").param("r", reference)
        .query(Long.class).single()).as("the timeline table is still there").isPositive();

    String taskId = driver.task(instance, "Task_ReviewAssessment").getId();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("handler");
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("handler");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    visible(By.cssSelector("[cam-tasks]"));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);

    WebElement form = visible(By.cssSelector(".task-details .fjs-container"));
    wait.until(ExpectedConditions.textToBePresentInElement(form, "bold?"));
    String shown = form.getText();
    assertThat(shown).contains("<script>window.redressXss='description'</script>", "<b>bold?</b>",
        "[click me](javascript:window.redressXss='link')", "' OR '1'='1'; DROP TABLE complaint_event; --",
        "<img src=x onerror=\"window.redressXss='name'\">Bobby'); DROP TABLE complaint;--");
    assertThat(form.findElements(By.tagName("script"))).isEmpty();
    assertThat(form.findElements(By.tagName("img"))).isEmpty();
    assertThat(form.findElements(By.xpath(".//b[contains(., 'bold?')]"))).isEmpty();
    assertThat(form.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
    Object ran = ((JavascriptExecutor) browser).executeScript("return window.redressXss === undefined ? null : window.redressXss;");
    assertThat(ran).as("injected script ran").isNull();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }
}
