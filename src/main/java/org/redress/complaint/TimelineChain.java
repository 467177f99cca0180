package org.redress.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hash chain over a complaint's timeline (tamper evidence, ISO 10002 4.12). Each event's hash is
 * SHA-256 over its canonical form, which includes the hash of the event before it, so changing or
 * removing any event breaks every hash after it.
 *
 * <p>Canonical form (version "redress-timeline-v1"), documented in docs/auditors.md: the fields
 * below in this order, each written as a netstring {@code <byte length>:<UTF-8 bytes>,} and a null
 * as {@code ~,}:
 * version, reference, sequence (decimal), occurred_at (UTC, milliseconds, {@code
 * yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}), actor, type, summary, details, visible_to_complainant
 * ({@code true}/{@code false}), process_instance_id, activity_id, previous_hash (lower-case hex).
 * The database id is not part of it (it is no business fact; the sequence orders the chain).
 *
 * <p>Writers serialise per complaint by locking the complaint's {@code complaint_status} row (FOR
 * UPDATE) before reading the head — the row every process step updates anyway, so no new lock
 * order appears; a unique index on (reference, sequence) refuses a fork even if a writer did not.
 */
@Component
public class TimelineChain {

  public static final String VERSION = "redress-timeline-v1";
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  public record Head(int sequence, String hash) {
    static final Head EMPTY = new Head(0, null);
  }

  private final JdbcClient jdbc;

  public TimelineChain(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored precision of occurred_at: milliseconds, UTC (survives H2 and PostgreSQL alike). */
  public static OffsetDateTime normalise(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  /** SHA-256 (lower-case hex) of the event's canonical form at this place in the chain. */
  public static String hash(String reference, int sequence, OffsetDateTime occurredAt, String actor, String type,
      String summary, String details, boolean visibleToComplainant, String processInstanceId, String activityId,
      String previousHash) {
    StringBuilder canonical = new StringBuilder();
    for (String field : new String[] {VERSION, reference, Integer.toString(sequence),
        INSTANT.format(normalise(occurredAt)), actor, type, summary, details, Boolean.toString(visibleToComplainant),
        processInstanceId, activityId, previousHash}) {
      if (field == null) {
        canonical.append("~,");
      } else {
        canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(',');
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The hash this event should have after the given previous hash. */
  public static String hash(TimelineEvent e, int sequence, String previousHash) {
    return hash(e.reference(), sequence, e.occurredAt(), e.actor(), e.type().name(), e.summary(), e.details(),
        e.visibleToComplainant(), e.processInstanceId(), e.activityId(), previousHash);
  }

  /**
   * Locks the complaint's chain until the transaction ends and returns its head. Events written
   * before the chain existed are sealed first, so a new event always extends a sealed chain.
   */
  public Head lockHead(String reference, Supplier<List<TimelineEvent>> events) {
    jdbc.sql("SELECT reference FROM complaint_status WHERE reference = :reference FOR UPDATE")
        .param("reference", reference).query(String.class).list();
    // One look at the end of the chain (the unique (reference, sequence) index read backwards): an event
    // without a sequence, from before the chain existed, sorts first; else the head does. This runs for every
    // event (twice per progress update), so it is one query, not a count of the unsealed and then the head.
    Head head = jdbc.sql("""
        SELECT sequence, hash FROM complaint_event WHERE reference = :reference
        ORDER BY sequence DESC NULLS FIRST FETCH FIRST 1 ROWS ONLY""")
        .param("reference", reference)
        .query((rs, row) -> new Head(rs.getObject("sequence") == null ? -1 : rs.getInt("sequence"), rs.getString("hash")))
        .optional().orElse(Head.EMPTY);
    if (head.sequence() < 0 || head.hash() == null) {
      return seal(events.get());
    }
    return head;
  }

  /**
   * (Re)computes sequence, previous hash and hash of these events, in this order, from their
   * current content. Only for the lawful rewrites — sealing rows written before the chain
   * existed, and re-sealing after anonymisation (which leaves an event naming the old head). The
   * caller holds the lock ({@link #lockHead}) or runs before anyone else writes.
   */
  public Head seal(List<TimelineEvent> events) {
    // two passes: move every row out of the way of the unique (reference, sequence) index first
    for (TimelineEvent e : events) {
      jdbc.sql("UPDATE complaint_event SET sequence = NULL WHERE id = :id").param("id", e.id()).update();
    }
    Head head = Head.EMPTY;
    for (TimelineEvent e : events) {
      int sequence = head.sequence() + 1;
      String hash = hash(e, sequence, head.hash());
      jdbc.sql("UPDATE complaint_event SET sequence = :sequence, previous_hash = :previous, hash = :hash WHERE id = :id")
          .param("sequence", sequence)
          .param("previous", head.hash())
          .param("hash", hash)
          .param("id", e.id())
          .update();
      head = new Head(sequence, hash);
    }
    return head;
  }

  /** What is wrong at one place of a chain. */
  public enum Problem { ALTERED, MISSING, BROKEN_LINK, UNSEALED }

  /** One finding: the event (null for a missing one) and its place in the chain. */
  public record Finding(Long eventId, Integer sequence, Problem problem) {}

  /**
   * Recomputes the chain of these events (in chain order, as {@link Timeline#of} gives them):
   * an event whose hash does not match its content is ALTERED, a gap in the sequence is MISSING,
   * an event whose previous hash is not the hash of the event before it is a BROKEN_LINK, an event
   * without a hash is UNSEALED. Events removed from the end leave no gap: only a head hash kept
   * from earlier (a case file) shows them.
   */
  public static List<Finding> verify(List<TimelineEvent> events) {
    List<Finding> findings = new java.util.ArrayList<>();
    int expected = 1;
    String previousHash = null;
    for (TimelineEvent e : events) {
      if (e.sequence() == null || e.hash() == null) {
        findings.add(new Finding(e.id(), e.sequence(), Problem.UNSEALED));
        continue;
      }
      boolean gap = e.sequence() > expected;
      for (int missing = expected; missing < e.sequence(); missing++) {
        findings.add(new Finding(null, missing, Problem.MISSING));
      }
      if (!hash(e, e.sequence(), e.previousHash()).equals(e.hash())) {
        findings.add(new Finding(e.id(), e.sequence(), Problem.ALTERED));
      }
      if (!gap && !java.util.Objects.equals(previousHash, e.previousHash())) {
        findings.add(new Finding(e.id(), e.sequence(), Problem.BROKEN_LINK));
      }
      previousHash = e.hash();
      expected = e.sequence() + 1;
    }
    return findings;
  }
}
