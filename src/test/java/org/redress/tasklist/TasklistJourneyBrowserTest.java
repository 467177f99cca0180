package org.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
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
import org.redress.ComplaintDriver;
import org.redress.HeadlessChromium;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A handler's day in Camunda Tasklist, in a real (headless) browser: log in, pick the review task
 * of a new complaint from the group filter, claim it, read the complaint in the Camunda Form and
 * confirm the assessment. Uses Debian's chromium and chromedriver; nothing is downloaded.
 */
@RedressTest
class TasklistJourneyBrowserTest {

  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final String DESCRIPTION =
      "My invoice shows a late fee of EUR 12.50 although I paid on time. <script>alert('x')</script>";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  ComplaintDriver driver;
  WebDriver browser;
  WebDriverWait wait;
  HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
    chromium = HeadlessChromium.start("1400,1000");
    browser = chromium.browser();
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void handlerReviewsAssessmentInTasklist_andTheComplaintMovesOn() throws IOException {
    // Arrange through the engine: a low-severity complaint waiting for its assessment to be reviewed
    ProcessInstance complaint = driver.registerAndAssess("handler", with(phoneComplaint(), "description", DESCRIPTION));
    String reference = driver.reference(complaint);
    String taskName = "Review assessment · " + reference;
    assertThat(complaint).isWaitingAt("Task_ReviewAssessment");
    // Other tests leave open tasks in the shared database: make this one the most urgent, so the
    // filter (priority first, then due date) lists it at the top.
    var review = driver.task(complaint, "Task_ReviewAssessment");
    review.setPriority(100);
    review.setDueDate(new java.util.Date(System.currentTimeMillis() - 24 * 3600_000L));
    engine.getTaskService().saveTask(review);
    // The category is a handler's choice (8.2); here it was chosen earlier and is shown again.
    engine.getTaskService().setVariableLocal(review.getId(), "category", "billing");

    // The handler logs in to Tasklist ...
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("handler");
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("handler");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

    // ... picks the task from the group filter and claims it
    click(By.linkText("My groups' tasks"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "My groups' tasks"));
    openFromList(taskName);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2"), taskName));
    visible(By.cssSelector(".task-details .disabled-form .fjs-container"));
    click(By.cssSelector(".task-details button.claim"));
    visible(By.cssSelector(".task-details button.unclaim"));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-details .disabled-form"), 0));
    assertThat(driver.task(complaint, "Task_ReviewAssessment").getAssignee()).isEqualTo("handler");

    // The Camunda Form shows the complaint as submitted, the markup as text, and the assessment
    WebElement form = visible(By.cssSelector(".task-details .fjs-container"));
    wait.until(ExpectedConditions.textToBePresentInElement(form, "although I paid on time"));
    WebElement description = form.findElement(By.xpath(".//p[contains(., 'although I paid on time')]"));
    assertThat(description.getText()).isEqualTo(DESCRIPTION);
    assertThat(form.findElements(By.tagName("script"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("an alert from the complaint text").isNull();
    assertThat(selectDisplay(form, "Severity").getText()).isEqualTo("Low");
    assertThat(selectDisplay(form, "Response target").getText()).isEqualTo("15 days");
    assertThat(selectDisplay(form, "Category").getText()).isEqualTo("Billing and payments");
    assertThat(selectDisplay(form, "Product or service").getText()).isEqualTo("General / not product specific");
    screenshot(form.findElement(By.tagName("h3")));

    // Completing without changes confirms the assessment
    click(By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.linkText(taskName)));

    driver.runDueJobs(complaint);
    assertThat(complaint).hasPassed("Task_ReviewAssessment").isWaitingAt("Task_ProposeResponse");
    assertThat(driver.eventTypes(reference)).contains(EventType.ASSESSMENT_CONFIRMED);
    assertThat(driver.timeline(reference)).filteredOn(event -> event.type() == EventType.ASSESSMENT_CONFIRMED)
        .singleElement().satisfies(event -> assertThat(event.actor()).isEqualTo("handler"));
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Finds the task in the open filter's list, page by page, and opens it. */
  void openFromList(String taskName) {
    By task = By.linkText(taskName);
    By nextPage = By.cssSelector("[cam-tasks] li.pagination-next:not(.disabled) a");
    while (true) {
      WebElement first = visible(By.cssSelector("[cam-tasks] .tasks-list > li"));
      if (!browser.findElements(task).isEmpty()) {
        click(task);
        return;
      }
      if (browser.findElements(nextPage).isEmpty()) {
        try {
          Files.createDirectories(Path.of("target/screenshots"));
          Files.writeString(Path.of("target/screenshots/task-list-missing.html"), browser.getPageSource());
          Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
              Path.of("target/screenshots/task-list-missing.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      assertThat(browser.findElements(nextPage)).as("'%s' in the task list", taskName).isNotEmpty();
      click(nextPage);
      wait.until(ExpectedConditions.stalenessOf(first));
    }
  }

  /** Scrolls to the middle first: Tasklist's fixed footer covers what Selenium scrolls to the bottom edge. */
  void click(By locator) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** What a form-js select shows (it is a custom dropdown, not an HTML select). */
  static WebElement selectDisplay(WebElement form, String label) {
    return form.findElement(By.xpath(".//div[contains(@class,'fjs-form-field-select')][label[starts-with(normalize-space(), '"
        + label + "')]]//div[contains(@class,'fjs-select-display')]"));
  }

  /** The form from the complaint down to the assessment fields, in target/screenshots (and the README). */
  void screenshot(WebElement top) throws IOException {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", top);
    Path shot = Path.of("target/screenshots/tasklist-review-assessment.png");
    Files.createDirectories(shot.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
