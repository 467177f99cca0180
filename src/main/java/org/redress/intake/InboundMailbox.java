package org.redress.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.complaint.Channel;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.Actors;
import org.redress.problem.FieldError;
import org.redress.problem.SubmissionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the complaints mailbox over IMAP. Each unread e-mail is handled once, by its Message-ID:
 * one whose subject carries the reference of an existing complaint is attached to that complaint's
 * timeline; any other becomes a new complaint with channel {@code email} (through
 * {@link ComplaintIntake}, the same checks and process start as the web form). An e-mail that is
 * not a valid complaint (e.g. an empty body) is flagged in the mailbox for staff. Registration
 * happens in the caller's transaction; e-mails are marked read only at the next poll, once their
 * registration has committed — so a failed poll loses nothing and registers nothing twice.
 */
@Component
class InboundMailbox {

  static final Pattern REFERENCE = Pattern.compile("\\bC-\\d{4}-\\d{6}\\b");
  static final int BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(InboundMailbox.class);

  /** What happened to the e-mails of one poll. */
  public record Result(int complaints, int replies, int refused, int alreadyHandled) {}

  private final ComplaintIntake intake;
  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final JdbcClient jdbc;
  private final ComplainantQuestions questions;

  public InboundMailbox(ComplaintIntake intake, ComplaintRepository complaints, Timeline timeline, JdbcClient jdbc,
      ComplainantQuestions questions) {
    this.intake = intake;
    this.complaints = complaints;
    this.timeline = timeline;
    this.jdbc = jdbc;
    this.questions = questions;
  }

  public Result poll(MailboxSettings settings) throws MessagingException, IOException {
    Properties props = new Properties();
    String protocol = settings.protocol();
    props.put("mail.store.protocol", protocol);
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", "20000");
    Session session = Session.getInstance(props);
    int created = 0;
    int replies = 0;
    int refused = 0;
    int handled = 0;
    try (Store store = session.getStore(protocol)) {
      store.connect(settings.host(), settings.port() == null ? -1 : settings.port(), settings.username(),
          settings.password());
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int i = 0; i < unread.length && i < BATCH; i++) {
          Message message = unread[i];
          String id = messageId(message);
          if (alreadyHandled(id)) {
            message.setFlag(Flags.Flag.SEEN, true); // registered by an earlier, committed poll
            handled++;
            continue;
          }
          switch (handle(id, message)) {
            case "complaint" -> created++;
            case "reply" -> replies++;
            default -> refused++;
          }
          message.setFlag(Flags.Flag.SEEN, false); // read at the next poll, once this one has committed
        }
      } finally {
        folder.close(false);
      }
    }
    return new Result(created, replies, refused, handled);
  }

  private String handle(String id, Message message) throws MessagingException, IOException {
    String subject = message.getSubject() == null ? "" : message.getSubject().strip();
    String text = text(message).strip();
    InternetAddress from = sender(message);
    Matcher reference = REFERENCE.matcher(subject);
    if (reference.find() && complaints.find(reference.group()).isPresent()) {
      String ref = reference.group();
      record(id, ref, "reply");
      if (!text.isBlank() && questions.answer(ref, truncate(text, 8000), "e-mail")) {
        LOG.info("Mailbox: a reply answered the question on complaint {}", ref);
        return "reply"; // the answer to our question (7.6): the waiting process resumes the response clock
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("subject", truncate(subject, 500));
      details.put("text", truncate(text, 8000));
      timeline.record(ref, EventType.COMPLAINANT_MESSAGE_RECEIVED, Actors.COMPLAINANT,
          "E-mail from the complainant: " + truncate(subject, 200)
              + (text.isBlank() ? "" : " — " + truncate(text.replaceAll("\\s+", " "), 600)), details, null, null);
      LOG.info("Mailbox: a reply was attached to complaint {}", ref);
      return "reply";
    }
    Map<String, Object> submission = new HashMap<>();
    if (from != null) {
      submission.put(ComplaintForm.NAME, from.getPersonal() != null && !from.getPersonal().isBlank()
          ? from.getPersonal() : from.getAddress().substring(0, from.getAddress().indexOf('@')));
      submission.put(ComplaintForm.EMAIL, from.getAddress());
    }
    submission.put(ComplaintForm.PREFERRED_CHANNEL, "email");
    submission.put(ComplaintForm.PRODUCT, subject.isBlank() ? "Not stated (e-mail)" : truncate(subject, 200));
    submission.put(ComplaintForm.DESCRIPTION, text.isBlank() ? null : truncate(text, ComplaintForm.MAX_DESCRIPTION));
    try {
      ComplaintIntake.Receipt receipt = intake.submit(submission, Channel.EMAIL, attachments(message));
      record(id, receipt.reference(), "complaint");
      LOG.info("Mailbox: e-mail registered as complaint {}", receipt.reference());
      return "complaint";
    } catch (SubmissionRefused e) {
      record(id, null, "refused");
      message.setFlag(Flags.Flag.FLAGGED, true);
      LOG.warn("Mailbox: an e-mail could not be registered ({}); flagged for staff",
          e.errors().stream().map(FieldError::field).toList());
      return "refused";
    }
  }

  private boolean alreadyHandled(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE message_id = :id").param("id", id)
        .query(Long.class).single() > 0;
  }

  private void record(String id, String reference, String outcome) {
    jdbc.sql("INSERT INTO inbound_message (message_id, reference, outcome, received_at) VALUES (:id, :r, :o, :now)")
        .param("id", id).param("r", reference).param("o", outcome).param("now", EngineClock.now()).update();
  }

  static String messageId(Message message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
      return truncate(ids[0].strip(), 500);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(message.getSentDate()).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(message.getSubject()).getBytes(StandardCharsets.UTF_8));
      Address[] from = message.getFrom();
      digest.update(String.valueOf(from == null || from.length == 0 ? "" : from[0]).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InternetAddress sender(Message message) throws MessagingException {
    Address[] from = message.getFrom();
    return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null
        && a.getAddress().contains("@") ? a : null;
  }

  /** The plain text of the e-mail; an HTML-only e-mail with its tags removed. */
  static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        if (body.isMimeType("text/html") && html == null) {
          html = text(body);
        } else {
          String text = text(body);
          if (!text.isBlank()) {
            return text;
          }
        }
      }
      return html == null ? "" : html;
    }
    if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return String.valueOf(part.getContent()).replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
          .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("[ \\t]+", " ");
    }
    return "";
  }

  /** PDF and image attachments that pass the same checks as uploads; anything else is left out. */
  static List<Attachment> attachments(Part part) throws MessagingException, IOException {
    List<Attachment> files = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        files.addAll(attachments(multipart.getBodyPart(i)));
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        byte[] bytes = in.readNBytes(10 * 1024 * 1024 + 1);
        if (bytes.length <= 10 * 1024 * 1024 && Attachments.detectType(bytes).isPresent()) {
          files.add(new Attachment(part.getFileName(), bytes));
        }
      }
    }
    return files.size() > 5 ? files.subList(0, 5) : files;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
