package org.redress.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Letters to complainants by e-mail (SMTP, Spring Mail), in their language, as text and HTML.
 * Complainants without an e-mail address get the message recorded for staff to send by letter or
 * phone. Called from async steps with a retry cycle: a mail server that is down fails the job, which
 * is retried and then becomes an incident. Each letter goes through the {@link LetterOutbox}: recorded as
 * sent in its own transaction the moment the server accepted it, and never sent again by a retry. Each
 * message sent is recorded on the timeline; nothing personal goes to the log.
 */
class MailComplainantNotifier implements ComplainantNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(MailComplainantNotifier.class);

  private final JavaMailSender mail;
  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final MailTemplates templates;
  private final LetterOutbox outbox;
  private final LetterMeters meters;
  private final String from;

  public MailComplainantNotifier(JavaMailSender mail, ComplaintRepository complaints, CaseEvents events,
      MailTemplates templates, LetterOutbox outbox, LetterMeters meters, String from) {
    this.meters = meters;
    this.mail = mail;
    this.outbox = outbox;
    this.complaints = complaints;
    this.events = events;
    this.templates = templates;
    this.from = from;
  }

  @Override
  public boolean reachesComplainantDirectly(Complaint complaint) {
    return complaint.complainantEmail() != null;
  }

  @Override
  public void send(DelegateExecution execution, ComplainantMessage message, Map<String, ?> facts) {
    String reference = CaseEvents.reference(execution);
    Complaint complaint = complaints.get(reference);
    Map<String, Object> details = ComplainantNotifier.timelineDetails(message, complaint, facts);
    if (complaint.complainantEmail() == null) {
      details.put("sentBy", "staff");
      events.record(execution, EventType.MESSAGE_SENT, "%s to be sent by %s (no e-mail address)"
          .formatted(message.title(), complaint.preferredChannel()), details);
      meters.count(message, "recorded");
      LOG.info("Complaint {}: {} recorded for staff to send by {}", reference, message, complaint.preferredChannel());
      return;
    }
    String key = outbox.keyFor(execution, reference, message);
    Optional<OffsetDateTime> sentBefore = outbox.sentAt(key);
    if (sentBefore.isPresent()) {
      // an earlier attempt of this job sent it, then failed to commit: record it, do not send it again
      details.put("channel", "email");
      details.put("sentAt", sentBefore.get().toString());
      events.record(execution, EventType.MESSAGE_SENT, "%s sent by e-mail".formatted(message.title()), details);
      LOG.info("Complaint {}: {} was already sent by e-mail at {}; not sent again", reference, message, sentBefore.get());
      return;
    }
    MailTemplates.Rendered letter = templates.render(message, complaint.preferredLanguage(), reference,
        complaint.complainantName(), facts);
    MimeMessage mime = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(complaint.complainantEmail());
      helper.setSubject(letter.subject());
      helper.setText(letter.text(), letter.html());
      mime.setHeader("X-Redress-Reference", reference);
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot prepare the " + message + " for " + reference, e);
    }
    try {
      mail.send(mime); // a failure fails the job: retried, then an incident
    } catch (MailException failed) {
      meters.count(message, "failed");
      throw failed;
    }
    meters.count(message, "sent");
    outbox.recordSent(key, reference, message);
    details.put("channel", "email");
    events.record(execution, EventType.MESSAGE_SENT, "%s sent by e-mail".formatted(message.title()), details);
    LOG.info("Complaint {}: {} sent by e-mail", reference, message);
  }
}
