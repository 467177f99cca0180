package org.redress.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Channel;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.intake.ComplaintIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The letters to complainants by e-mail (ISO 10002 7.3, 7.4, 7.8, 7.9, 8.3) against an embedded
 * SMTP server: each arrives with the right content and language; a mail server that is down means
 * retries, then an incident, and once it is back the letter goes out exactly once.
 */
@RedressTest
class ComplainantMailTest {

  static final int SMTP_PORT = freePort();
  static final int IMAP_PORT = freePort();
  static final String MAILBOX = "complaints@redress.example";
  static GreenMail smtp = start();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    // This context has its own engine: give it its own name, or it would replace the shared
    // context's engine "default" in Camunda's JVM-wide registry (used by REST and the webapps).
    registry.add("camunda.bpm.process-engine-name", () -> "mailtest");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 3000);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> 3000);
    registry.add("redress.public-url", () -> "https://complaints.example.org");
    registry.add("redress.mailbox.host", () -> "127.0.0.1");
    registry.add("redress.mailbox.port", () -> IMAP_PORT);
    registry.add("redress.mailbox.protocol", () -> "imap");
    registry.add("redress.mailbox.username", () -> "complaints");
    registry.add("redress.mailbox.password", () -> "secret");
    registry.add("redress.mailbox.address", () -> MAILBOX);
  }

  @Autowired ProcessEngine engine;
  @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired ComplaintIntake intake;
  @Autowired ComplainantAnswers answers;
  @Autowired ComplainantNotifier notifier;
  @Autowired org.redress.tracking.ComplaintTracking tracking;
  @Autowired org.redress.complaint.AccessCodes accessCodes;
  @Autowired org.redress.tracking.CodeRecovery recovery;
  @Autowired org.redress.intake.MailboxPollingSwitch pollingSwitch;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @MockitoSpyBean CaseEvents events;
  ComplaintDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    if (!smtp.isRunning()) {
      smtp = start();
    }
  }

  @AfterEach
  void reset() {
    driver.resetClock();
    Mockito.reset(events);
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void withAMailServerConfigured_theMailNotifierIsUsed() {
    assertThat(notifier).isInstanceOf(MailComplainantNotifier.class);
  }

  @Test
  void everyLetter_arrivesByEmail_withItsContent_andIsRecordedOnTheTimeline() throws Exception {
    String email = "jane+" + System.nanoTime() + "@example.org";
    String reference = intake.submit(form(email, "en"), Channel.WEB, List.of()).reference();
    ProcessInstance instance = driver.byReference(reference);
    driver.runDueJobs(instance);

    MimeMessage ack = only(email, "We have received your complaint " + reference);
    assertThat(ack.getHeader("X-Redress-Reference")).containsExactly(reference);
    String ackText = text(ack);
    assertThat(ackText).contains(reference, "We aim to give you our response by",
        "https://complaints.example.org/complaints/status?reference=" + reference)
        .as("web complainants saw their code on screen; it is never mailed").doesNotContain("access code:");
    assertThat(ack.getContentType()).startsWith("multipart/");
    assertThat(GreenMailUtil.getBody(ack)).contains("text/html", "text/plain");

    driver.complete(instance, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(instance, "Task_ProposeResponse", "handler", "responseRemedy", "We refund the late fee of EUR 12.50.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", false);
    String decision = text(only(email, "Our decision on your complaint " + reference));
    assertThat(decision).contains("We refund the late fee of EUR 12.50.", "Your payment reached us on time",
        "reject it and tell us why", "Please answer by");

    answers.answer(reference, new DecisionAnswer("reject", "The refund does not cover my bank's charges."));
    driver.complete(instance, "Task_ReviewDecision", "supervisor", "reviewOutcome", "revised",
        "reviewReasons", "The costs of the customer were not considered.",
        "responseRemedy", "Refund of the fee and EUR 20 for your costs.",
        "responseExplanation", "On review we also cover the costs your bank charged.", "actionRequired", false);
    assertThat(messagesTo(email)).filteredOn(m -> subject(m).startsWith("Our decision")).hasSize(2);
    assertThat(text(messagesTo(email).get(messagesTo(email).size() - 1)))
        .contains("after that internal review", "Refund of the fee and EUR 20");

    answers.answer(reference, new DecisionAnswer("reject", "Still not enough."));
    driver.runDueJobs(instance);
    String recourse = text(only(email, "Your complaint " + reference + ": where else you can turn"));
    assertThat(recourse).contains("ombudsman", "regulator");

    driver.complete(instance, "Task_RecordExternalRecourse", "supervisor", "recourseTaken", "not-pursued",
        "externalOutcome", "The complainant decided not to go further.");
    String closure = text(only(email, "Your complaint " + reference + " is closed"));
    assertThat(closure).contains("Please rate it", "/complaints/status?reference=" + reference);

    List<TimelineEvent> letters = timeline.of(reference).stream().filter(e -> e.type() == EventType.MESSAGE_SENT).toList();
    assertThat(letters).hasSize(5).allSatisfy(e -> {
      assertThat(e.summary()).endsWith("sent by e-mail");
      assertThat(e.visibleToComplainant()).isTrue();
    });
  }

  /**
   * A complaint a handler forwards from an e-mail brings its access code in the acknowledgement; one
   * taken on the phone does not — the handler was shown the code at registration and read it out.
   */
  @Test
  void germanSpeakingComplainant_getsGermanLetters_aForwardedEmailBringsItsAccessCode_aPhoneCallDoesNot()
      throws Exception {
    String email = "erika+" + System.nanoTime() + "@example.org";
    Map<String, Object> forwarded = ComplaintDriver.with(ComplaintDriver.phoneComplaint(), "complainantEmail", email,
        "preferredLanguage", "de", "channel", "email");
    ProcessInstance instance = driver.register("handler", forwarded);
    String reference = driver.reference(instance);
    driver.runDueJobs(instance);

    String text = text(only(email, "Wir haben Ihre Beschwerde " + reference + " erhalten"));
    assertThat(text).contains("Aktenzeichen " + reference, "diesem Zugangscode")
        .containsPattern("verfolgen: [A-Z2-7]{4}(-[A-Z2-7]{4}){7}\\s");
    assertThat(timeline.of(reference).stream().filter(e -> e.type() == EventType.MESSAGE_SENT))
        .singleElement().satisfies(e -> assertThat(e.details()).doesNotContain("accessCode"));

    String caller = "erich+" + System.nanoTime() + "@example.org";
    ProcessInstance phoned = driver.register("handler", ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "complainantEmail", caller, "preferredLanguage", "de"));
    String phonedReference = driver.reference(phoned);
    driver.runDueJobs(phoned);
    assertThat(text(only(caller, "Wir haben Ihre Beschwerde " + phonedReference + " erhalten")))
        .contains("Aktenzeichen " + phonedReference).doesNotContain("diesem Zugangscode");
  }

  @Test
  void progressUpdate_arrivesAtThePresetInterval() throws Exception {
    String email = "max+" + System.nanoTime() + "@example.org";
    String reference = intake.submit(form(email, "en"), Channel.WEB, List.of()).reference();
    ProcessInstance instance = driver.byReference(reference);
    driver.runDueJobs(instance);

    driver.moveClockTo(new Date(System.currentTimeMillis() + 8L * 24 * 3600 * 1000));
    driver.runDueJobs(instance);

    String update = text(only(email, "Your complaint " + reference + ": where it stands"));
    assertThat(update).contains("here is where your complaint " + reference + " stands");
  }

  @Test
  void anEmailToTheComplaintsMailbox_isRegisteredByThePollingProcess_andTheAcknowledgementBringsTheAccessCode()
      throws Exception {
    String sender = "max+" + System.nanoTime() + "@example.org";
    GreenMailUtil.sendTextEmail(MAILBOX, "Max Mustermann <" + sender + ">", "Broken kettle",
        "The kettle I bought last week switches itself off after a few seconds.", smtp.getSmtp().getServerSetup());
    pollingSwitch.run(null); // as at start-up: a mailbox is configured, so mailbox-polling is active

    var management = engine.getManagementService();
    Job timer = management.createJobQuery().processDefinitionKey("mailbox-polling").timers().active().list().get(0);
    management.executeJob(timer.getId()); // the timer starts an instance and schedules the next poll
    for (Job poll : management.createJobQuery().processDefinitionKey("mailbox-polling").messages().active().list()) {
      management.executeJob(poll.getId()); // Task_PollMailbox
    }

    String reference = jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = :e").param("e", sender)
        .query(String.class).single();
    assertThat(complaints.get(reference).channel()).isEqualTo(Channel.EMAIL);
    driver.runDueJobs(driver.byReference(reference));
    String ack = text(only(sender, "We have received your complaint " + reference));
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("access code: ([A-Z2-7]{4}(-[A-Z2-7]{4}){7})").matcher(ack);
    assertThat(code.find()).as(ack).isTrue();
    assertThat(accessCodes.verify(reference, code.group(1), "192.0.2.1")).isEqualTo(reference);
  }

  /** "I lost my code": a new code by e-mail when reference and address match; nothing, unseen, when not. */
  @Test
  void lostCode_aNewCodeGoesToTheAddressOnFile_inTheComplainantsLanguage_andTheOldOneStopsWorking() throws Exception {
    String email = "lost+" + System.nanoTime() + "@example.org";
    ComplaintIntake.Receipt receipt = intake.submit(form(email, "de"), Channel.WEB, List.of());
    String reference = receipt.reference();
    driver.runDueJobs(driver.byReference(reference));

    recovery.request(reference, "someone.else@example.org", "192.0.2.10"); // wrong address: nothing is sent
    recovery.request(reference, " " + email.toUpperCase() + " ", "192.0.2.10"); // case and spaces do not matter
    for (org.camunda.bpm.engine.runtime.Job job : engine.getManagementService().createJobQuery()
        .processDefinitionKey(org.redress.tracking.CodeRecovery.PROCESS).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    String mail = text(only(email, "Ihr neuer Zugangscode für Ihre Beschwerde " + reference));
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("([A-Z2-7]{4}(-[A-Z2-7]{4}){7})").matcher(mail);
    assertThat(code.find()).as(mail).isTrue();
    assertThat(mail).contains("Ihr bisheriger Code gilt nicht mehr", "/complaints/status?reference=" + reference)
        .doesNotContain("code=");
    assertThat(accessCodes.verify(reference, code.group(1), "192.0.2.11")).isEqualTo(reference);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> accessCodes.verify(reference, receipt.accessCode(), "192.0.2.11"))
        .as("the old code stops working").isInstanceOf(org.redress.complaint.AccessCodes.ComplaintNotFound.class);
    assertThat(timeline.of(reference)).filteredOn(e -> e.type() == EventType.MESSAGE_SENT)
        .anySatisfy(e -> assertThat(e.summary()).startsWith("New access code"))
        .allSatisfy(e -> assertThat(e.details()).doesNotContain(code.group(1)));
  }

  @Test
  void complainantWithoutEmail_getsTheLetterRecordedForStaffToSend() {
    Map<String, Object> letterWriter = ComplaintDriver.with(ComplaintDriver.phoneComplaint(), "preferredChannel", "letter",
        "complainantAddress", "Hauptstr. 1, 10115 Berlin");
    letterWriter.remove("complainantEmail");
    ProcessInstance instance = driver.register("handler", letterWriter);
    String reference = driver.reference(instance);
    int before = smtp.getReceivedMessages().length;

    driver.runDueJobs(instance);

    assertThat(smtp.getReceivedMessages()).hasSize(before);
    assertThat(timeline.of(reference)).filteredOn(e -> e.type() == EventType.MESSAGE_SENT).singleElement()
        .satisfies(e -> assertThat(e.summary()).isEqualTo("Acknowledgement to be sent by letter (no e-mail address)"));
    assertThat(tracking.view(reference).letters()).singleElement()
        .satisfies(l -> assertThat(l.channel()).isEqualTo("letter, being prepared by our staff"));
  }

  @Test
  void mailServerDown_jobIsRetried_thenAnIncident_andOnceBackTheLetterIsDeliveredExactlyOnce() throws Exception {
    String email = "retry+" + System.nanoTime() + "@example.org";
    String reference = intake.submit(form(email, "en"), Channel.WEB, List.of()).reference();
    ProcessInstance instance = driver.byReference(reference);
    Job assess = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(assess.getId());
    smtp.stop();

    Job acknowledge = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    for (int attempt = 0; attempt < 40 && retries(acknowledge) > 0; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(acknowledge.getId()))
          .hasStackTraceContaining("Mail server connection failed");
    }
    assertThat(retries(acknowledge)).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(timeline.of(reference)).noneMatch(e -> e.type() == EventType.MESSAGE_SENT);

    smtp = start();
    engine.getManagementService().setJobRetries(acknowledge.getId(), 1); // what an operator does in Cockpit
    engine.getManagementService().executeJob(acknowledge.getId());
    driver.runDueJobs(instance);

    assertThat(messagesTo(email)).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    driver.complete(instance, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    assertThat(messagesTo(email)).as("a later step never sends the acknowledgement again").hasSize(1);
  }

  @Test
  void aLetterTheServerAccepted_isNotSentAgain_whenItsJobFailsAfterwardsAndIsRetried() throws Exception {
    String email = "once+" + System.nanoTime() + "@example.org";
    String reference = intake.submit(form(email, "en"), Channel.WEB, List.of()).reference();
    ProcessInstance instance = driver.byReference(reference);
    Job assess = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(assess.getId());
    Job acknowledge = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    // the letter leaves, then the job's transaction fails (the database went away, the node was killed …)
    Mockito.doThrow(new IllegalStateException("the job's commit failed")).doCallRealMethod().when(events)
        .record(ArgumentMatchers.any(org.camunda.bpm.engine.delegate.DelegateExecution.class),
            ArgumentMatchers.eq(EventType.MESSAGE_SENT), ArgumentMatchers.anyString(), ArgumentMatchers.anyMap());

    assertThatThrownBy(() -> engine.getManagementService().executeJob(acknowledge.getId()))
        .hasStackTraceContaining("the job's commit failed");
    assertThat(messagesTo(email)).hasSize(1);
    assertThat(timeline.of(reference)).noneMatch(e -> e.type() == EventType.MESSAGE_SENT);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_sent WHERE reference = :r").param("r", reference)
        .query(Long.class).single()).as("recorded in its own transaction, kept").isEqualTo(1);

    engine.getManagementService().executeJob(acknowledge.getId()); // the retry
    assertThat(messagesTo(email)).as("not sent again").hasSize(1);
    assertThat(timeline.of(reference)).filteredOn(e -> e.type() == EventType.MESSAGE_SENT).hasSize(1);
  }

  @Test
  void theMailClient_hasConnectAndReadTimeouts() {
    java.util.Properties properties = ((org.springframework.mail.javamail.JavaMailSenderImpl) mailSender)
        .getJavaMailProperties();
    assertThat(properties).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, Object> form(String email, String language) {
    Map<String, Object> form = new HashMap<>();
    form.put("complainantName", "Jane Doe");
    form.put("complainantEmail", email);
    form.put("preferredChannel", "email");
    form.put("preferredLanguage", language);
    form.put("productOrService", "Broadband " + System.nanoTime());
    form.put("description", "My invoice for October shows a late fee although I paid on time.");
    return form;
  }

  /** The decoded text/plain part. */
  static String text(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  int retries(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  MimeMessage only(String email, String subject) {
    List<MimeMessage> matching = messagesTo(email).stream().filter(m -> subject(m).equals(subject)).toList();
    assertThat(matching).as("one message '" + subject + "' among " + messagesTo(email).stream().map(ComplainantMailTest::subject).toList())
        .hasSize(1);
    return matching.get(0);
  }

  List<MimeMessage> messagesTo(String email) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static GreenMail start() {
    GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    server.start();
    server.setUser(MAILBOX, "complaints", "secret");
    return server;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
