package org.redress.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.redress.complaint.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters e-mailed to complainants, effectively once. A letter's key names the process step that sends it
 * and how many letters that step had already put on the timeline ({@code <process instance>/<activity>/
 * <message>/<n>}): a retry of the same job computes the same key (its failed attempt left no timeline event),
 * the next progress update or a decision communicated again after a review the next one. The key is committed
 * in its own short transaction (table letter_sent, V23) the moment the mail server accepted the letter, so a
 * retried job — after its commit failed, the database went away or its node was killed — finds the letter
 * sent and records it on the timeline without sending it again. A fault can duplicate a letter only between
 * the server's acceptance and that commit.
 */
@Component
class LetterOutbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  LetterOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.ownTransaction.setTimeout(10);
  }

  /** The key of the letter this step is about to send. */
  String keyFor(DelegateExecution execution, String reference, ComplainantMessage message) {
    long earlier = jdbc.sql("""
            SELECT COUNT(*) FROM complaint_event WHERE reference = :reference AND type = :type
            AND process_instance_id = :instance AND activity_id = :activity""")
        .param("reference", reference).param("type", EventType.MESSAGE_SENT.name())
        .param("instance", execution.getProcessInstanceId()).param("activity", execution.getCurrentActivityId())
        .query(Long.class).single();
    return execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + message.name() + "/"
        + (earlier + 1);
  }

  /** When the letter with this key left, if it did. */
  Optional<OffsetDateTime> sentAt(String key) {
    return jdbc.sql("SELECT sent_at FROM letter_sent WHERE message_key = :key").param("key", key)
        .query(OffsetDateTime.class).optional();
  }

  /** Commits, at once and on its own, that the mail server accepted the letter. */
  OffsetDateTime recordSent(String key, String reference, ComplainantMessage message) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO letter_sent (message_key, reference, message, sent_at) VALUES (:key, :reference, :message, :now)")
          .param("key", key).param("reference", reference).param("message", message.name()).param("now", now)
          .update());
    } catch (DuplicateKeyException alreadyRecorded) {
      // recorded by an attempt that ran at the same time: sent all the same
    }
    return now;
  }
}
