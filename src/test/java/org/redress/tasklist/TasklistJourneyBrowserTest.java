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
  @Autowired org.redress.complaint.AccessCodes accessCodes;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

  /**
   * 7.2, 7.3: a handler registers a phone complaint with Tasklist's start form and is shown, in a task
   * of their own, the reference and the access code to read out — once: reopened, the form no longer
   * has the code. Then, the same complaint's first letter would go by post: the "Send letter" form
   * links to the letter as a PDF, which the logged-in handler can open.
   */
  @Test
  void handlerRegistersAPhoneComplaint_andIsShownReferenceAndCodeOnce() {
    login(journeyUser("handlers"));
    String product = "Broadband " + System.nanoTime();

    click(By.xpath("//a[normalize-space()='Start process']"));
    click(By.xpath("//a[normalize-space()='Complaint handling (ISO 10002)']"));
    WebElement form = visible(By.cssSelector(".modal-dialog .fjs-container"));
    choose(form, "How was the complaint received?", "Phone");
    type(form, "Name", "Jane Phoner");
    type(form, "Phone", "+49 30 7654321");
    type(form, "Postal address", "1 Example Street, 12345 Example Town");
    choose(form, "Preferred way to contact them", "Letter");
    type(form, "Product or service concerned", product);
    type(form, "What happened?", "The engineer did not come and nobody called to say so.");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    String reference = wait.until(ignored -> jdbc.sql("SELECT reference FROM complaint WHERE product_or_service = :p")
        .param("p", product).query(String.class).optional().orElse(null));
    String taskName = "Give reference and access code · " + reference;
    // Tasklist itself says so: "You are assigned to the following tasks in the same process: …"
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), taskName));
    click(By.partialLinkText("My tasks"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "My tasks"));
    openFromList(taskName);
    WebElement handOver = visible(By.cssSelector(".task-details .fjs-container"));
    wait.until(ExpectedConditions.textToBePresentInElement(handOver, "Access code:"));
    String text = handOver.getText();
    assertThat(text).contains("Reference: " + reference);
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("Access code: ([A-Z2-7]{4}(-[A-Z2-7]{4}){7})")
        .matcher(text);
    assertThat(code.find()).as("the code in: " + text).isTrue();
    assertThat(accessCodes.verify(reference, code.group(1), "127.0.0.1")).isEqualTo(reference);

    // reopened, the form no longer shows it
    browser.navigate().refresh();
    WebElement again = visible(By.cssSelector(".task-details .fjs-container"));
    wait.until(ExpectedConditions.textToBePresentInElement(again, "Access code:"));
    assertThat(again.getText()).doesNotContain(code.group(1)).contains("shown once");

    // no e-mail address: the acknowledgement is a "Send letter" task whose form links to the letter as a PDF
    ProcessInstance complaint = driver.byReference(reference);
    driver.runDueJobs(complaint);
    var letter = driver.task(complaint, "Task_SendAcknowledgementLetter");
    letter.setPriority(100);
    engine.getTaskService().saveTask(letter);
    click(By.linkText("My groups' tasks"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "My groups' tasks"));
    openFromList("Send letter · " + reference);
    WebElement letterForm = visible(By.cssSelector(".task-details .fjs-container"));
    wait.until(ExpectedConditions.textToBePresentInElement(letterForm, "Send letter: Acknowledgement"));
    WebElement link = letterForm.findElement(By.partialLinkText("Open the letter to print"));
    assertThat(link.getAttribute("href")).endsWith("/api/staff/complaints/" + reference + "/letters/acknowledgement");
    Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
        link.getAttribute("href"));
    assertThat(answer).as("the logged-in handler opens the PDF").isEqualTo("200 application/pdf");
  }

  /**
   * Case ownership (ISO 10002 5.4), counted in clicks: a low and a high complaint worked to closure in
   * Tasklist by a handler and a supervisor. A click is a mouse click on a filter, a task, a button or a
   * choice; typing into a text field is not counted, nor is logging in. The handler claims each complaint
   * once, from the group queue: every later step of it waits in "My tasks".
   */
  @Test
  void aLowAndAHighComplaint_workedToClosure_inAtMostTwelveClicks_withoutReclaiming() {
    String hana = journeyUser("handlers");
    String sam = journeyUser("supervisors", "handlers");
    ProcessInstance low = driver.registerAndAssess("handler", phoneComplaint());
    String lowReference = driver.reference(low);
    firstInTheQueue(driver.task(low, "Task_ReviewAssessment"));

    login(hana);
    // Tasklist sorts as the filters do, and says so (priority, then due date); no Camunda 8 banner
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sorting-choice .sort-by"), "Priority"));
    assertThat(browser.findElements(By.cssSelector(".sorting-choice .sort-by")).stream().map(WebElement::getText))
        .containsExactly("Priority", "Due date");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();

    clicks = 0;
    claims = 0;
    // the simple path: review the assessment (from the group queue), propose the response, record the answer
    click(filter("My groups' tasks"));
    openFromList("Review assessment · " + lowReference);
    claim();
    choose("Category", "Billing and payments");
    complete();
    click(filter("My tasks"));
    openFromList("Propose response · " + lowReference);
    type("Remedy offered", "We remove the late fee.");
    type("Explanation to the complainant", "Your payment reached us on time; our bank booked it late.");
    complete();
    driver.runDueJobs(low);
    openFromList("Record complainant's answer · " + lowReference);
    clickOn(shown(By.xpath("//*[contains(@class,'task-details')]//label[normalize-space()='Accepted']")));
    complete();
    driver.runDueJobs(low);
    assertThat(low).isEnded();
    int simplePath = clicks;
    assertThat(claims).as("claims on the low complaint").isEqualTo(1);
    assertThat(simplePath).as("Tasklist clicks for a simple complaint").isLessThanOrEqualTo(12);

    // a high complaint: investigated by the handler, approved by a supervisor, answered by the handler
    ProcessInstance high = driver.registerAndAssess("handler", with(phoneComplaint(), "amountAtStake", 7500));
    String highReference = driver.reference(high);
    firstInTheQueue(driver.task(high, "Task_ReviewAssessment"));
    clicks = 0;
    claims = 0;
    click(filter("My groups' tasks"));
    openFromList("Review assessment · " + highReference);
    claim();
    choose("Category", "Billing and payments");
    // a mistake only the server sees (a changed target needs a reason): a sentence at the field, no ids or keys
    choose("Response target", "10 days");
    clickOn(shown(By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']")));
    WebElement refusal = shown(By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field')]"
        + "[label[starts-with(normalize-space(), 'Reason for the change')]]/div[contains(@class,'redress-refusal')]"));
    assertThat(refusal.getText())
        .isEqualTo("Reason for the change: give a reason when you change the severity or the response target");
    assertThat(refusal.getText()).doesNotContain("overrideReason").doesNotContain(driver.task(high, "Task_ReviewAssessment").getId());
    type("Reason for the change", "The complainant's contract needs a check by our sales partner.");
    complete();
    click(filter("My tasks"));
    openFromList("Investigate complaint · " + highReference);
    type("Findings", "The contract was cancelled without notice by our sales partner.");
    choose("Root cause", null);
    clickOn(shown(By.xpath("//*[contains(@class,'task-details')]//label[normalize-space()='Justified']")));
    complete();
    openFromList("Propose response · " + highReference);
    type("Remedy offered", "We remove the late fee.");
    type("Explanation to the complainant", "Your payment reached us on time; our bank booked it late.");
    complete();
    int handlerClaims = claims;

    firstInTheQueue(driver.task(high, "Task_ApproveResponse"));
    login(sam);
    click(filter("My groups' tasks"));
    openFromList("Approve response · " + highReference);
    claim();
    clickOn(shown(By.xpath("//*[contains(@class,'task-details')]//label[starts-with(normalize-space(),'Approve and send')]")));
    complete();
    driver.runDueJobs(high);
    assertThat(driver.task(high, "Task_RecordComplainantAnswer").getAssignee()).as("back with its handler").isEqualTo(hana);

    login(hana);
    click(filter("My tasks"));
    openFromList("Record complainant's answer · " + highReference);
    clickOn(shown(By.xpath("//*[contains(@class,'task-details')]//label[normalize-space()='Accepted']")));
    complete();
    driver.runDueJobs(high);
    assertThat(high).isEnded();
    assertThat(handlerClaims).as("the handler claims the high complaint once").isEqualTo(1);
    assertThat(claims).as("and the supervisor its approval once").isEqualTo(2);
    System.out.printf("Tasklist clicks: simple complaint %d, high complaint %d (both users)%n", simplePath, clicks);
  }

  int clicks;
  int claims;

  /** A filter in Tasklist's list of filters (the open one also shows its count). */
  static By filter(String name) {
    return By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(), \"" + name + "\")]");
  }

  /** A new member of staff, so that "My tasks" holds only this journey's steps. */
  String journeyUser(String... groups) {
    String id = "journey" + System.nanoTime() % 1_000_000;
    var identity = engine.getIdentityService();
    var user = identity.newUser(id);
    user.setFirstName("Journey");
    user.setLastName(groups[0]);
    user.setPassword(id + "-Secret-1");
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
    return id;
  }

  /** Other tests leave open tasks in the shared database: this one goes to the top of its queue. */
  void firstInTheQueue(org.camunda.bpm.engine.task.Task task) {
    task.setPriority(100);
    task.setDueDate(new java.util.Date(System.currentTimeMillis() - 2 * 24 * 3600_000L));
    engine.getTaskService().saveTask(task);
  }

  void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(user + "-Secret-1");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    try {
      visible(filter("My tasks"));
    } catch (org.openqa.selenium.TimeoutException e) {
      try {
        Files.createDirectories(Path.of("target/screenshots"));
        Files.writeString(Path.of("target/screenshots/journey-login.html"), browser.getPageSource());
      } catch (IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
      throw e;
    }
  }

  void claim() {
    visible(By.cssSelector(".task-details .disabled-form .fjs-container"));
    click(By.cssSelector(".task-details button.claim"));
    claims++;
    visible(By.cssSelector(".task-details button.unclaim"));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-details .disabled-form"), 0));
  }

  /**
   * Opens a form-js select and picks the option (the first one when {@code option} is null): two clicks.
   * Tasklist may render the form once more just after a claim; then the same two clicks are repeated on
   * the new form, and counted once.
   */
  void choose(String label, String option) {
    By field = By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field-select')][label[starts-with(normalize-space(), '"
        + label + "')]]");
    By item = option == null ? By.cssSelector(".task-details .fjs-dropdownlist-item")
        : By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']");
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement select = shown(field).findElement(By.cssSelector(".fjs-input-group"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new org.openqa.selenium.interactions.Actions(browser).click(select).perform();
        WebElement choice = new WebDriverWait(browser, Duration.ofSeconds(3))
            .until(ExpectedConditions.visibilityOfElementLocated(item));
        // form-js picks an option on mousedown
        new org.openqa.selenium.interactions.Actions(browser).click(choice).perform();
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> {
          String shows = shown(field).findElement(By.cssSelector(".fjs-select-display")).getText();
          return option == null ? !shows.equals("Select") : shows.equals(option);
        });
        clicks += 2;
        return;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          keepPage("choose-" + label);
          throw e;
        }
      }
    }
  }

  void type(String label, String text) {
    shown(By.xpath("//*[contains(@class,'task-details')]//div[contains(@class,'fjs-form-field')][label[starts-with(normalize-space(), '"
        + label + "')]]//textarea")).sendKeys(text);
  }

  /** The displayed one of the elements found (Tasklist keeps a hidden copy of a form while it reloads). */
  WebElement shown(By locator) {
    try {
      // scrolled into view first: below the fold of Tasklist's form pane an element counts as hidden
      return wait.until(d -> d.findElements(locator).stream().filter(element -> {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element.isDisplayed();
      }).findFirst().orElse(null));
    } catch (org.openqa.selenium.TimeoutException e) {
      keepPage("not-shown");
      throw e;
    }
  }

  /** Scrolls to the middle first (Tasklist's fixed footer covers the bottom edge), then clicks: one click. */
  void clickOn(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    // Tasklist's notices (the last completed task, a refusal) lie over the bottom of the page for a while:
    // then the element is scrolled to the top of its pane, as a person would
    int[] attempts = {0};
    try {
      clickUntilFree(element, attempts);
    } catch (org.openqa.selenium.TimeoutException e) {
      keepPage("covered");
      throw e;
    }
    clicks++;
  }

  private void clickUntilFree(WebElement element, int[] attempts) {
    wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      if (attempts[0]++ > 0) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
      }
      element.click();
      return true;
    });
  }

  void complete() {
    WebElement title = visible(By.cssSelector(".task-details h2"));
    clickOn(shown(By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']")));
    wait.until(ExpectedConditions.stalenessOf(title));
  }

  /** A form-js field by its label (the label's "for" names the input). */
  WebElement field(WebElement form, String label) {
    WebElement labelled = form.findElement(By.xpath(".//label[starts-with(normalize-space(), \"" + label + "\")]"));
    return form.findElement(By.id(labelled.getAttribute("for")));
  }

  void type(WebElement form, String label, String text) {
    WebElement input = field(form, label);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.sendKeys(text);
  }

  /** form-js draws its own dropdown: open it, then pick the option by its label. */
  void choose(WebElement form, String label, String option) {
    WebElement select = form.findElement(By.xpath(".//div[contains(@class,'fjs-form-field-select')][label[starts-with("
        + "normalize-space(), \"" + label + "\")]]//div[contains(@class,'fjs-input-group')]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
    select.click();
    WebElement item = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']")));
    item.click();
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Finds the task in the open filter's list, page by page, and opens it. */
  void openFromList(String taskName) {
    By task = By.linkText(taskName);
    By nextPage = By.cssSelector("[cam-tasks] li.pagination-next:not(.disabled) a");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(12)).until(ExpectedConditions.presenceOfElementLocated(task));
    } catch (org.openqa.selenium.TimeoutException notOnThisPage) {
      // further down the list
    }
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
    WebElement element;
    try {
      element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    } catch (org.openqa.selenium.TimeoutException e) {
      keepPage("click-timeout");
      throw e;
    }
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    clicks++;
  }

  /** The page as it was, in target/screenshots, to see why a step failed. */
  void keepPage(String name) {
    try {
      Files.createDirectories(Path.of("target/screenshots"));
      Files.writeString(Path.of("target/screenshots/" + name + ".html"), browser.getPageSource());
      Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target/screenshots/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
