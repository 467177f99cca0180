package org.redress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.redress.ComplaintDriver;
import org.redress.complaint.ComplainantQuestions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail channel (ISO 10002 4.4 accessibility, 7.2 receipt) against an embedded IMAP server:
 * e-mails become complaints with channel email, replies that carry a reference go onto that
 * complaint's timeline, each e-mail is registered once — also when a poll fails half-way.
 */
@RedressTest
class InboundMailboxTest {

  static final String MAILBOX = "complaints@redress.example";
  static GreenMail server;
  static MailboxSettings settings;

  @Autowired InboundMailbox mailbox;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired RepositoryService repository;
  @Autowired MailboxPollingSwitch pollingSwitch;
  @Autowired ProcessEngine engine;
  @Autowired ComplainantQuestions questions;

  @BeforeAll
  static void startMailServer() {
    int smtp = freePort();
    int imap = freePort();
    server = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    server.start();
    server.setUser(MAILBOX, "complaints", "secret");
    settings = new MailboxSettings("127.0.0.1", imap, "imap", "complaints", "secret", "INBOX", MAILBOX);
  }

  @AfterAll
  static void stopMailServer() {
    server.stop();
  }

  @Test
  void withoutAConfiguredMailbox_pollingIsSuspended() {
    pollingSwitch.run(null); // as at start-up (another test may have deployed a new, active version since)
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("mailbox-polling").latestVersion()
        .singleResult().isSuspended()).isTrue();
  }

  @Test
  void anEmail_becomesAComplaintWithChannelEmail_once() throws Exception {
    String address = "max+" + System.nanoTime() + "@example.org";
    String from = "Max Mustermann <" + address + ">";
    send(from, "Broken washing machine", "The washing machine I bought on 3 November stops after ten minutes.");

    InboundMailbox.Result first = poll();
    InboundMailbox.Result second = poll();

    assertThat(first.complaints()).isEqualTo(1);
    assertThat(second.complaints()).isZero();
    assertThat(second.alreadyHandled()).isEqualTo(1);
    String reference = byEmail(address);
    Complaint complaint = complaints.get(reference);
    assertThat(complaint.channel().code()).isEqualTo("email");
    assertThat(complaint.complainantName()).isEqualTo("Max Mustermann");
    assertThat(complaint.complainantEmail()).startsWith("max+");
    assertThat(complaint.preferredChannel()).isEqualTo("email");
    assertThat(complaint.productOrService()).isEqualTo("Broken washing machine");
    assertThat(complaint.description()).contains("stops after ten minutes");
    assertThat(complaint.receivedBy()).isEqualTo("complainant");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_access WHERE reference = :r").param("r", reference)
        .query(Long.class).single()).as("the code comes with the acknowledgement").isZero();
    assertThat(seen()).isTrue();
  }

  @Test
  void aReplyCarryingTheReference_goesOntoThatComplaintsTimeline_notANewComplaint() throws Exception {
    String address = "ann+" + System.nanoTime() + "@example.org";
    send("Ann <" + address + ">", "Late delivery", "My parcel is two weeks late and nobody answers.");
    poll();
    String reference = byEmail(address);
    long before = count();

    send("Ann <ann@example.org>", "Re: We have received your complaint " + reference, "Here is the tracking number: 4711.");
    InboundMailbox.Result result = poll();

    assertThat(result.replies()).isEqualTo(1);
    assertThat(count()).isEqualTo(before);
    assertThat(timeline.of(reference)).filteredOn(e -> e.type() == EventType.COMPLAINANT_MESSAGE_RECEIVED)
        .singleElement().satisfies(e -> {
          assertThat(e.summary()).contains(reference, "Here is the tracking number: 4711.");
          assertThat(e.details()).contains("tracking number: 4711");
          assertThat(e.visibleToComplainant()).isTrue();
        });
  }

  /** Issue 16: a reply to a complaint whose handler asked a question is the answer, and the paused clock resumes. */
  @Test
  void aReplyWhileAQuestionWaits_answersIt_andTheStepComesBackToTheHandler() throws Exception {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "amountAtStake", 600));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "askComplainant", true,
        "complainantQuestion", "Which router model do you have?");
    String reference = driver.reference(complaint);
    assertThat(questions.waiting(reference)).as("not before the question is sent").isEmpty();
    driver.runDueJobsWithCalled(complaint);
    assertThat(questions.waiting(reference)).isPresent();

    send("Jane <jane@example.org>", "Re: Your complaint " + reference + ": a question for you", "It is a FritzBox 7590.");
    assertThat(poll().replies()).isEqualTo(1);

    assertThat(questions.waiting(reference)).isEmpty();
    assertThat(timeline.of(reference)).filteredOn(e -> e.type() == EventType.QUESTION_ANSWERED).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("e-mail", "FritzBox 7590"));
    driver.runDueJobsWithCalled(complaint);
    assertThat(driver.eventTypes(reference)).contains(EventType.CLOCK_RESUMED);
    assertThat(driver.task(complaint, "Task_ReviewAssessment")).as("the step is back with the handler").isNotNull();
  }

  @Test
  void pdfAttachmentsOfAnEmail_areKeptWithTheComplaint_otherFilesAreLeftOut() throws Exception {
    String sender = "carla+" + System.nanoTime() + "@example.org";
    jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
        GreenMailUtil.getSession(server.getSmtp().getServerSetup()));
    message.setFrom(new jakarta.mail.internet.InternetAddress(sender, "Carla"));
    message.setRecipients(jakarta.mail.Message.RecipientType.TO, MAILBOX);
    message.setSubject("Invoice wrong");
    message.setHeader("Message-ID", "<" + System.nanoTime() + "@example.org>");
    jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
    jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
    text.setText("The attached invoice charges me twice for October.");
    parts.addBodyPart(text);
    parts.addBodyPart(file("invoice.pdf", "%PDF-1.4 test".getBytes(), "application/pdf"));
    parts.addBodyPart(file("run-me.exe", "MZ not a pdf".getBytes(), "application/octet-stream"));
    message.setContent(parts);
    GreenMailUtil.sendMimeMessage(message);

    assertThat(poll().complaints()).isEqualTo(1);

    String reference = jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = :e").param("e", sender)
        .query(String.class).single();
    assertThat(jdbc.sql("SELECT file_name FROM complaint_attachment WHERE reference = :r").param("r", reference)
        .query(String.class).list()).containsExactly("invoice.pdf");
  }

  static jakarta.mail.internet.MimeBodyPart file(String name, byte[] content, String type) throws Exception {
    jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
    part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
    part.setFileName(name);
    part.setDisposition(jakarta.mail.Part.ATTACHMENT);
    return part;
  }

  @Test
  void anEmailThatIsNoValidComplaint_isFlaggedForStaff_andNothingIsRegistered() throws Exception {
    long before = count();
    send("Bob <bob@example.org>", "Hi", "");
    InboundMailbox.Result result = poll();
    assertThat(result.refused()).isEqualTo(1);
    assertThat(count()).isEqualTo(before);
    assertThat(Arrays.stream(server.getReceivedMessages()).anyMatch(InboundMailboxTest::flagged)).isTrue();
  }

  @Test
  void aPollThatFailsToCommit_registersNothing_andTheNextPollRegistersTheEmail() throws Exception {
    long before = count();
    send("Eve <eve+" + System.nanoTime() + "@example.org>", "Wrong invoice", "The invoice of November lists a service I never ordered.");

    transaction.executeWithoutResult(status -> {
      try {
        mailbox.poll(settings);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      status.setRollbackOnly(); // e.g. the database fails at commit
    });
    assertThat(count()).isEqualTo(before);

    assertThat(poll().complaints()).isEqualTo(1);
    assertThat(count()).isEqualTo(before + 1);
  }

  // ---------------------------------------------------------------- helpers

  InboundMailbox.Result poll() {
    return transaction.execute(status -> {
      try {
        return mailbox.poll(settings);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static void send(String from, String subject, String body) throws Exception {
    MimeMessage message = GreenMailUtil.createTextEmail(MAILBOX, from, subject, body, server.getSmtp().getServerSetup());
    message.setHeader("Message-ID", "<" + System.nanoTime() + "@example.org>");
    GreenMailUtil.sendMimeMessage(message);
  }

  static boolean flagged(MimeMessage m) {
    try {
      return m.getFlags().contains(Flags.Flag.FLAGGED);
    } catch (Exception e) {
      return false;
    }
  }

  boolean seen() {
    return Arrays.stream(server.getReceivedMessages()).allMatch(m -> {
      try {
        return m.getFlags().contains(Flags.Flag.SEEN) || m.getFlags().contains(Flags.Flag.FLAGGED);
      } catch (Exception e) {
        return false;
      }
    });
  }

  String byEmail(String address) {
    return jdbc.sql("SELECT reference FROM complaint WHERE complainant_email = :e").param("e", address)
        .query(String.class).single();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
