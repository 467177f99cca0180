package org.redress.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.redress.complaint.Channel;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default without a mail server: each message is recorded on the complaint's
 * timeline (what, to which channel, with which facts) and logged by reference only — personal data
 * never goes to the log. Used when no mail server is configured ({@link NotifierConfiguration}).
 */
class RecordingComplainantNotifier implements ComplainantNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingComplainantNotifier.class);

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final LetterMeters meters;

  public RecordingComplainantNotifier(ComplaintRepository complaints, CaseEvents events, LetterMeters meters) {
    this.meters = meters;
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void send(DelegateExecution execution, ComplainantMessage message, Map<String, ?> facts) {
    String reference = CaseEvents.reference(execution);
    Complaint complaint = complaints.get(reference);
    Map<String, Object> details = ComplainantNotifier.timelineDetails(message, complaint, facts);
    details.put("sentBy", "recorded-only");
    events.record(execution, EventType.MESSAGE_SENT, "%s recorded, not sent: no mail server configured (preferred channel: %s)"
        .formatted(message.title(), Channel.labelOf(complaint.preferredChannel())), details);
    meters.count(message, "recorded");
    LOG.info("Complaint {}: {} recorded for the {} channel", reference, message, complaint.preferredChannel());
  }
}
