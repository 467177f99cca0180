package org.redress.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.redress.complaint.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters e-mailed to complainants, effectively once. A letter's key names the process step that sends it
 * and how many letters that step had already put on the timeline ({@code <process instance>/<activity>/
 * <message>/<n>}): a retry of the same job computes the same key (its failed attempt left no timeline event),
 * the next progress update or a decision communicated again after a review the next one. The key is committed
 * in its own short transaction (table letter_sent, V23) the moment the mail server accepted the letter, so a
 * retried job — after its commit failed, the database went away or its node was killed — finds the letter
 * sent and records it on the timeline without sending it again. A fault can duplicate a letter only between
 * the server's acceptance and that commit. When that commit cannot be made (no free connection, the database
 * away), the key is kept in memory — a retry on this node finds it — and written every second until the
 * database takes it, so a retry on another node finds it too; only a node that dies in between can still
 * leave a letter to be sent twice.
 */
@Component
class LetterOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(LetterOutbox.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Map<String, Unrecorded> unrecorded = new ConcurrentHashMap<>();
  private final ScheduledExecutorService recorder;

  LetterOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.ownTransaction.setTimeout(10);
    this.recorder = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "letter-outbox");
      thread.setDaemon(true);
      return thread;
    });
    this.recorder.scheduleWithFixedDelay(this::recordWaiting, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    recorder.shutdown();
    recordWaiting(); // a last try before the node stops
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

  /** When the letter with this key left, if it did (recorded, or sent by this node and not yet recorded). */
  Optional<OffsetDateTime> sentAt(String key) {
    Unrecorded waiting = unrecorded.get(key);
    if (waiting != null) {
      return Optional.of(waiting.sentAt());
    }
    return jdbc.sql("SELECT sent_at FROM letter_sent WHERE message_key = :key").param("key", key)
        .query(OffsetDateTime.class).optional();
  }

  /**
   * Commits, at once and on its own, that the mail server accepted the letter. If that cannot be done (no
   * second connection free in the pool, the database gone), the letter has left all the same: the step goes
   * on and records it on the timeline in its own transaction — failing the step here would make its retry
   * send the letter again.
   */
  OffsetDateTime recordSent(String key, String reference, ComplainantMessage message) {
    Unrecorded letter = new Unrecorded(key, reference, message, OffsetDateTime.now(ZoneOffset.UTC));
    if (!insert(letter)) {
      // kept here, so a retry on this node does not send it again, and written as soon as the database answers
      unrecorded.put(key, letter);
      LOG.warn("Complaint {}: {} sent but not yet recorded in letter_sent; recorded once the database answers",
          reference, message);
    }
    return letter.sentAt();
  }

  /** Every second (nothing to do most of the time): the letters sent while the database could not record them. */
  void recordWaiting() {
    try {
      for (Unrecorded letter : unrecorded.values()) {
        if (insert(letter)) {
          unrecorded.remove(letter.key());
        } else {
          return; // still no database: the next round
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Letters waiting to be recorded: {}", e.getMessage());
    }
  }

  private boolean insert(Unrecorded letter) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO letter_sent (message_key, reference, message, sent_at) VALUES (:key, :reference, :message, :at)")
          .param("key", letter.key()).param("reference", letter.reference()).param("message", letter.message().name())
          .param("at", letter.sentAt()).update());
      return true;
    } catch (DuplicateKeyException alreadyRecorded) {
      return true; // recorded by an attempt that ran at the same time: sent all the same
    } catch (DataAccessException | TransactionException notNow) {
      return false;
    }
  }

  private record Unrecorded(String key, String reference, ComplainantMessage message, OffsetDateTime sentAt) {}
}
