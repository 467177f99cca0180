package org.redress.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_PollMailbox (mailbox-polling.bpmn): reads the complaints mailbox. Async with a retry cycle,
 * so a mailbox that cannot be reached is retried and then shows as an incident in Cockpit; the
 * timer keeps starting the next polls. A cluster polls once per cycle (one timer job).
 */
@Component("pollMailbox")
class PollMailbox implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PollMailbox.class);

  private final InboundMailbox mailbox;
  private final MailboxSettings settings;

  public PollMailbox(InboundMailbox mailbox, MailboxSettings settings) {
    this.mailbox = mailbox;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    if (!settings.configured()) {
      return;
    }
    InboundMailbox.Result result = mailbox.poll(settings);
    execution.setVariable("complaintsRegistered", result.complaints());
    execution.setVariable("repliesAttached", result.replies());
    execution.setVariable("emailsRefused", result.refused());
    if (result.complaints() + result.replies() + result.refused() > 0) {
      LOG.info("Mailbox: {} new complaints, {} replies, {} flagged for staff", result.complaints(), result.replies(),
          result.refused());
    }
  }
}
