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
import java.util.List;
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

  /**
   * The handlers' walkthrough (docs/handlers.md, "Take a complaint from receipt to closure"), followed
   * as written: step by step, each name the step sets in bold (filters, tasks, buttons, fields, notices)
   * must be on screen during that step, and the clicks go to those names. When the guide and the
   * screens part ways, this fails and says which step and which name.
   */
  @Test
  void theHandlersWalkthrough_isWhatTasklistShows_stepByStep() throws IOException {
    List<Walkthrough.Step> steps = Walkthrough.read(Path.of("docs", "handlers.md"));
    assertThat(steps).extracting(Walkthrough.Step::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    String product = "Walkthrough " + System.nanoTime();
    String[] reference = {null};
    ProcessInstance[] complaint = {null};

    step(steps.get(0), reference, () -> {
      // 1. Log in to Tasklist as `handler`.
      assertThat(steps.get(0).text()).contains("`handler`");
      loginAs("handler", "handler");
    });
    step(steps.get(1), reference, () -> {
      // 2. Start process → Complaint handling (ISO 10002) → Register complaint → Start → the reference
      List<String> names = steps.get(1).bold();
      click(By.xpath("//a[normalize-space()=\"" + names.get(0) + "\"]"));
      click(By.xpath("//a[normalize-space()=\"" + names.get(1) + "\"]"));
      WebElement form = visible(By.cssSelector(".modal-dialog .fjs-container"));
      wait.until(ExpectedConditions.textToBePresentInElement(form, "Register complaint"));
      look();
      choose(form, "How was the complaint received?", "Phone");
      type(form, "Name", "Walter Walkthrough");
      type(form, "E-mail", "walter@example.org");
      choose(form, "Preferred way to contact them", "E-mail");
      type(form, "Product or service concerned", product);
      type(form, "What happened?", "The router stopped working two days after the repair.");
      look();
      click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
      reference[0] = visible(By.cssSelector(".redress-started .redress-reference")).getText();
      assertThat(reference[0]).isEqualTo(jdbc.sql("SELECT reference FROM complaint WHERE product_or_service = :p")
          .param("p", product).query(String.class).single());
      complaint[0] = driver.byReference(reference[0]);
      look();
      click(filter("My tasks"));
      openTask("Give reference and access code · " + reference[0]);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details .fjs-container"),
          "Access code:"));
      look();
      complete();
    });
    step(steps.get(2), reference, () -> {
      // 3. the background steps Assess complaint and Acknowledge complaint run
      driver.runDueJobs(complaint[0]);
      assertThat(complaint[0]).hasPassed("Task_AssessComplaint", "Task_AcknowledgeComplaint");
    });
    step(steps.get(3), reference, () -> {
      // 4. My groups' tasks → Review assessment → Claim → Category → Complete
      firstInTheQueue(driver.task(complaint[0], "Task_ReviewAssessment"));
      click(filter("My groups' tasks"));
      openTask("Review assessment · " + reference[0]);
      look();
      claim();
      choose("Category", "Billing and payments");
      look();
      screenshot(visible(By.cssSelector(".task-details .fjs-container h3")));
      complete();
    });
    step(steps.get(4), reference, () -> {
      // 5. My tasks → Propose response (already mine) → remedy, explanation, the box → Complete
      click(filter("My tasks"));
      openTask("Propose response · " + reference[0]);
      type("Remedy offered", "We repair the router again, free of charge.");
      type("Explanation to the complainant", "The repair missed a loose cable; our engineer comes back this week.");
      tick("After acceptance someone must carry out");
      look();
      complete();
    });
    step(steps.get(5), reference, () -> {
      // 6. Communicate decision runs; Record complainant's answer → Accepted → Complete
      driver.runDueJobs(complaint[0]);
      assertThat(driver.task(complaint[0], "Task_RecordComplainantAnswer").getAssignee()).isEqualTo("handler");
      click(filter("My tasks"));
      openTask("Record complainant's answer · " + reference[0]);
      tick("Accepted");
      look();
      // Rejected asks for the complainant's reason: the form shows that field only then
      tick("Rejected");
      shown(By.xpath("//*[contains(@class,'task-details')]//label[starts-with(normalize-space(), \"Complainant's reason\")]"));
      look();
      tick("Accepted");
      complete();
    });
    step(steps.get(6), reference, () -> {
      // 7. Carry out agreed action → What was done → Complete; the complaint is closed
      driver.runDueJobs(complaint[0]);
      assertThat(driver.task(complaint[0], "Task_CarryOutAgreedAction").getAssignee()).isEqualTo("handler");
      click(filter("My tasks"));
      openTask("Carry out agreed action · " + reference[0]);
      type("What was done", "The engineer fixed the cable on Tuesday.");
      look();
      complete();
      driver.runDueJobs(complaint[0]);
      assertThat(complaint[0]).isEnded();
      browser.navigate().refresh();
      visible(filter("My tasks"));
      assertThat(browser.findElements(By.partialLinkText(reference[0]))).isEmpty();
      // auditors find it under Cockpit's Complaints
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/");
      visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("auditor");
      browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("auditor");
      browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Complaints"));
      look();
    });
  }

  /**
   * Ticks the check box or radio button with this label (its start) and sees it ticked: Tasklist may draw
   * the form once more just after it opened, and a click on the old drawing is lost.
   */
  void tick(String label) {
    By box = By.xpath("//*[contains(@class,'task-details')]//label[starts-with(normalize-space(), \"" + label
        + "\")]/ancestor-or-self::*[.//input][1]//input");
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement input = shown(By.xpath("//*[contains(@class,'task-details')]//label[starts-with(normalize-space(), \""
            + label + "\")]"));
        clickOn(input);
        new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> d.findElements(box).stream()
            .anyMatch(WebElement::isSelected));
        return;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          keepPage("tick-" + label);
          throw e;
        }
      }
    }
  }

  /** Opens the task from the open filter's list and waits until its form is shown. */
  void openTask(String taskName) {
    openFromList(taskName);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2"), taskName));
    // every complaint task's form shows the complaint under its reference
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details .fjs-container"),
        "Complaint " + taskName.substring(taskName.lastIndexOf(' ') + 1)));
  }

  /** What the screens showed during the current step of the walkthrough. */
  final StringBuilder seen = new StringBuilder();

  void look() {
    seen.append('\n').append(((JavascriptExecutor) browser).executeScript("return document.body.innerText"));
  }

  /** Runs one step of the walkthrough, then checks that each name it sets in bold was on screen. */
  void step(Walkthrough.Step step, String[] reference, Runnable action) {
    seen.setLength(0);
    action.run();
    look();
    String screens = seen.toString().replaceAll("\\s+", " ");
    for (String name : step.bold()) {
      String shown = reference[0] == null ? name : name.replace(Walkthrough.EXAMPLE_REFERENCE, reference[0]);
      assertThat(screens).as("step %d of the walkthrough names **%s**", step.number(), name).contains(shown);
    }
  }

  /**
   * 7.2: a handler registers a complaint received by e-mail with Tasklist's start form. A malformed
   * e-mail address is caught in the browser (nothing is sent); a missing one — required only because the
   * complainant prefers e-mail, which a Camunda Form cannot express — is the server's refusal, shown as a
   * sentence at the field, in view, without ids or variable keys. Corrected, the complaint is registered
   * and Tasklist shows its reference (no hand-over task: the access code goes with the acknowledgement).
   * No Camunda 8 banner, on the login page or after.
   */
  @Test
  void aMistakeInTheStartForm_isASentenceAtItsField_andRegisteringShowsTheReference() throws IOException {
    String hana = journeyUser("handlers");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    visible(By.cssSelector("form[name=signinForm] input[type=text]"));
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
        .as("the Camunda 8 banner on the login page").isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
    login(hana);
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
    String product = "Mobile " + System.nanoTime();

    click(By.xpath("//a[normalize-space()='Start process']"));
    click(By.xpath("//a[normalize-space()='Complaint handling (ISO 10002)']"));
    WebElement form = visible(By.cssSelector(".modal-dialog .fjs-container"));
    choose(form, "How was the complaint received?", "E-mail forwarded to us");
    type(form, "Name", "Erika Mailer");
    choose(form, "Preferred way to contact them", "E-mail");
    type(form, "Product or service concerned", product);
    type(form, "What happened?", "My contract was renewed although I cancelled it in time.");
    WebElement email = field(form, "E-mail");
    type(form, "E-mail", "erika(at)example.org");
    By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
    click(start);

    // caught in the browser: a sentence at the field, not the pattern; nothing stored
    WebElement clientError = visible(By.xpath("//div[contains(@class,'fjs-form-field')][.//input[@id='"
        + email.getAttribute("id") + "']]//div[contains(@class,'fjs-form-field-error')]"));
    wait.until(ExpectedConditions.textToBePresentInElement(clientError, "Not in the expected format"));
    assertThat(clientError.getText()).isEqualTo("Not in the expected format: An e-mail address such as jane@example.org");
    assertThat(countComplaints(product)).isZero();

    // left empty: only the server knows the e-mail address is needed for this complainant
    field(form, "E-mail").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        org.openqa.selenium.Keys.DELETE);
    click(start);
    WebElement refusal = visible(By.cssSelector(".modal-dialog .fjs-form-field .redress-refusal"));
    assertThat(refusal.getText()).isEqualTo("E-mail: is required when the preferred contact channel is e-mail");
    assertThat(refusal.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]//label")).getText())
        .startsWith("E-mail");
    String modalText = browser.findElement(By.cssSelector(".modal-dialog")).getText();
    assertThat(modalText).doesNotContain("complainantEmail").doesNotContain("complaint-handling:")
        .doesNotContain("Cannot instantiate");
    assertThat(inView(refusal)).as("the refusal scrolled into view").isTrue();
    keepScreenshot("tasklist-start-form-refusal");
    assertThat(countComplaints(product)).isZero();

    field(form, "E-mail").sendKeys("erika@example.org");
    click(start);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    WebElement notice = visible(By.cssSelector(".redress-started"));
    String reference = jdbc.sql("SELECT reference FROM complaint WHERE product_or_service = :p")
        .param("p", product).query(String.class).single();
    assertThat(notice.getText()).startsWith("Complaint registered. Reference: " + reference);
    keepScreenshot("tasklist-registered-reference");
    // still there after Tasklist's own notice has gone (3 seconds)
    new WebDriverWait(browser, Duration.ofSeconds(8)).until(d -> !d.findElement(By.tagName("body")).getText()
        .contains("The process has been started."));
    assertThat(notice.isDisplayed()).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_HandOverAccessCode").count()).isZero();
  }

  /**
   * 8.6, 8.7: a manager's Tasklist has the filters of their work — management reviews and corrective
   * actions — with such a task in each, not "No filter available".
   */
  @Test
  void aManager_findsManagementReviewsAndCorrectiveActions_inTheirFilters() throws IOException {
    var repository = engine.getRepositoryService();
    String review = repository.createProcessDefinitionQuery().processDefinitionKey("management-review").latestVersion()
        .singleResult().getId();
    ProcessInstance reviewing = driver.as("manager", () -> engine.getFormService().submitStartForm(review,
        java.util.Map.of("periodStart", "2031-01-01", "periodEnd", "2031-01-31")));
    driver.runDueJobs(reviewing);
    var conduct = driver.task(reviewing, "Task_ConductManagementReview");
    firstInTheQueue(conduct);
    String action = repository.createProcessDefinitionQuery().processDefinitionKey("corrective-action").latestVersion()
        .singleResult().getId();
    ProcessInstance proposed = proposeCorrectiveAction(action);
    driver.runDueJobs(proposed);
    var triage = driver.task(proposed, "Task_TriageCorrectiveAction");
    firstInTheQueue(triage);

    loginAs("manager", "manager");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("No filter available");
    click(filter("Management reviews"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "Management reviews"));
    openFromList(engine.getTaskService().createTaskQuery().taskId(conduct.getId()).singleResult().getName());
    visible(By.cssSelector(".task-details .fjs-container"));
    keepScreenshot("tasklist-manager-filters");
    click(filter("Corrective actions"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "Corrective actions"));
    openFromList(engine.getTaskService().createTaskQuery().taskId(triage.getId()).singleResult().getName());
    visible(By.cssSelector(".task-details .fjs-container"));
  }
  /** One corrective action per cause may be open: other tests in this JVM may hold one for a category. */
  private ProcessInstance proposeCorrectiveAction(String definition) {
    for (String category : List.of("accessibility", "policy", "communication", "staff-conduct", "delivery", "billing")) {
      try {
        return driver.as("owner", () -> engine.getFormService().submitStartForm(definition,
            java.util.Map.of("causeKind", "category", "causeCode", category, "actionTitle", "Fewer complaints about " + category,
                "actionReason", "Many customers complain about this.")));
      } catch (org.redress.engine.InvalidSubmissionException alreadyOpen) {
        // a corrective action for this category is open already: try the next
      }
    }
    throw new IllegalStateException("every category has an open corrective action");
  }


  long countComplaints(String product) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE product_or_service = :p").param("p", product)
        .query(Long.class).single();
  }

  boolean inView(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
  }

  void keepScreenshot(String name) {
    Path shot = Path.of("target/screenshots/" + name + ".png");
    try {
      Files.createDirectories(shot.getParent());
      Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    // also after choosing another filter, which writes Tasklist's own "Created" into the address
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active"), "My groups' tasks"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sorting-choice .sort-by"), "Priority"));
    assertThat(browser.findElements(By.cssSelector(".sorting-choice .sort-by")).stream().map(WebElement::getText))
        .containsExactly("Priority", "Due date");
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
    choose("Response target", "10 working days");
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
    loginAs(user, user + "-Secret-1");
  }

  void loginAs(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(password);
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
        try {
          click(task);
          return;
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
          continue; // Tasklist refreshed the list meanwhile: find the task again
        }
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
  void screenshot(WebElement top) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", top);
    keepScreenshot("tasklist-review-assessment");
  }
}
