package org.redress.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Sends a message to the complainant over their preferred channel. Called only from async steps
 * with a retry cycle, so a failure is retried and then becomes an incident, never a lost letter.
 */
public interface ComplainantNotifier {

  /** @param facts what the message says beyond the reference (dates, decision text …) */
  void send(DelegateExecution execution, ComplainantMessage message, Map<String, ?> facts);
}
