package org.redress.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code redress.letters{message, outcome}} on this node (sum over the nodes): {@code sent} — accepted by the
 * mail server; {@code failed} — the mail server refused or could not be reached (the job is retried);
 * {@code recorded} — put on the timeline for staff to send by letter or phone, or without a mail server.
 */
@Component
class LetterMeters {

  private final MeterRegistry registry;

  LetterMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(ComplainantMessage message, String outcome) {
    Counter.builder("redress.letters").description("Letters to complainants handled by this node")
        .tag("message", message.name()).tag("outcome", outcome).register(registry).increment();
  }
}
