package org.redress.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redress.complaint.EngineClock;
import org.redress.problem.FieldError;
import org.redress.problem.RefusedRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key of API submissions. The key is claimed (unique primary key) in the
 * transaction that records the complaint, so two concurrent requests with one key can never both
 * record one; the loser waits for the winner's answer and returns it. Answers are kept 24 hours.
 */
@Component
public class IdempotentSubmissions {

  static final Duration KEEP = Duration.ofHours(24);
  static final Duration WAIT_FOR_CONCURRENT = Duration.ofSeconds(20);

  /** What was answered for a key: the request's hash and the receipt. */
  record Stored(String requestHash, String reference, String accessCode) {}

  private final JdbcClient jdbc;

  public IdempotentSubmissions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Stored> find(String key) {
    return jdbc.sql("SELECT request_hash, reference, access_code FROM idempotent_submission WHERE idempotency_key = :k AND created_at > :since")
        .param("k", key).param("since", EngineClock.now().minus(KEEP))
        .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional()
        .filter(s -> s.reference() != null);
  }

  /** Claims the key in the current transaction; {@link KeyTaken} when another request has it. */
  void claim(String key, String requestHash) {
    jdbc.sql("DELETE FROM idempotent_submission WHERE created_at <= :cutoff")
        .param("cutoff", EngineClock.now().minus(KEEP)).update();
    try {
      jdbc.sql("INSERT INTO idempotent_submission (idempotency_key, request_hash, created_at) VALUES (:k, :h, :now)")
          .param("k", key).param("h", requestHash).param("now", EngineClock.now()).update();
    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
      throw new KeyTaken();
    }
  }

  void complete(String key, String reference, String accessCode) {
    jdbc.sql("UPDATE idempotent_submission SET reference = :r, access_code = :code WHERE idempotency_key = :k")
        .param("r", reference).param("code", accessCode).param("k", key).update();
  }

  /** Waits for a concurrent request with the same key to finish and returns what it stored. */
  Optional<Stored> await(String key) {
    long deadline = System.nanoTime() + WAIT_FOR_CONCURRENT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Stored> stored = find(key);
      if (stored.isPresent()) {
        return stored;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Another request holds this key right now. */
  static class KeyTaken extends RuntimeException {
    KeyTaken() {
      super("Idempotency-Key in use", null, false, false);
    }
  }

  /** The key was used before with a different request. */
  public static class KeyReused extends RefusedRequest {
    public KeyReused() {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
          "This Idempotency-Key was already used with a different request.",
          List.of(new FieldError("Idempotency-Key", "was used before with a different request")));
    }
  }

  /** A request with this key is still being processed. */
  public static class KeyInProgress extends RefusedRequest {
    public KeyInProgress() {
      super(HttpStatus.CONFLICT, "conflict", "Not possible now",
          "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
  }
}
