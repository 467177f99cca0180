package org.redress.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.redress.complaint.Complaint;

/**
 * Sends a message to the complainant over their preferred channel. Called only from async steps
 * with a retry cycle, so a failure is retried and then becomes an incident, never a lost letter.
 */
public interface ComplainantNotifier {

  /**
   * A fact that goes into the message but never onto the timeline or into a log: the access code
   * for complainants whose complaint was registered by staff or by e-mail.
   */
  String ACCESS_CODE = "accessCode";

  /** @param facts what the message says beyond the reference (dates, decision text …) */
  void send(DelegateExecution execution, ComplainantMessage message, Map<String, ?> facts);

  /**
   * What the timeline keeps of a letter: which message, channel and language, and its facts — never
   * the access code.
   */
  static Map<String, Object> timelineDetails(ComplainantMessage message, Complaint complaint, Map<String, ?> facts) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("message", message.name());
    details.put("channel", complaint.preferredChannel());
    details.put("language", complaint.preferredLanguage());
    details.putAll(facts);
    details.remove(ACCESS_CODE);
    return details;
  }

  /** Whether this notifier's messages reach the complainant themselves (so a secret may be sent). */
  default boolean reachesComplainantDirectly(Complaint complaint) {
    return false;
  }
}
