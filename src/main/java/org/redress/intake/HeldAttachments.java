package org.redress.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redress.complaint.EngineClock;
import org.redress.problem.FieldError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Files chosen on the public complaint form, held across a validation error (ISO 10002 4.3
 * accessibility: nothing the complainant gave is silently dropped). A browser never fills a file field
 * again, so files that passed their own check are held under a key only the same browser's next send of
 * the same form knows, and offered again with the form. Bounded: at most {@link #HOLD_FOR}, deleted once
 * the complaint is sent, and never more than {@link #MAX_TOTAL} held in all — beyond that the form asks
 * for the files again instead.
 */
@Component
public class HeldAttachments {

  static final Duration HOLD_FOR = Duration.ofHours(1);
  static final DataSize MAX_TOTAL = DataSize.ofMegabytes(500);

  /** A held file, as the form lists it. */
  public record Held(long id, String fileName, long size) {}

  private final JdbcClient jdbc;
  private final Attachments attachments;

  public HeldAttachments(JdbcClient jdbc, Attachments attachments) {
    this.jdbc = jdbc;
    this.attachments = attachments;
  }

  /**
   * After a refused send: keeps the held files the complainant left ticked and holds the new ones that
   * passed their own check. Returns what is held now, and the names of files that could not be held.
   */
  public Result hold(String key, List<Long> keep, List<Attachment> files, List<FieldError> errors) {
    OffsetDateTime now = EngineClock.now();
    jdbc.sql("DELETE FROM held_upload WHERE held_at <= :before").param("before", now.minus(HOLD_FOR)).update();
    Set<Long> kept = new HashSet<>(keep);
    for (Held held : held(key)) {
      if (!kept.contains(held.id())) {
        jdbc.sql("DELETE FROM held_upload WHERE id = :id").param("id", held.id()).update();
      }
    }
    boolean tooMany = errors.stream().anyMatch(e -> Attachments.FIELD.equals(e.field())); // over the count limit
    List<String> notHeld = new ArrayList<>();
    long total = jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM held_upload").query(Long.class).single();
    for (int i = 0; i < files.size(); i++) {
      Attachment file = files.get(i);
      boolean ownError = !attachments.check(List.of(file)).isEmpty();
      if (ownError || tooMany || total + file.content().length > MAX_TOTAL.toBytes()) {
        notHeld.add(Attachments.safeName(file.fileName()));
        continue;
      }
      jdbc.sql("""
          INSERT INTO held_upload (form_key, file_name, size_bytes, content, held_at)
          VALUES (:key, :name, :size, :content, :now)""")
          .param("key", key).param("name", Attachments.safeName(file.fileName()))
          .param("size", (long) file.content().length).param("content", file.content()).param("now", now).update();
      total += file.content().length;
    }
    return new Result(held(key), notHeld);
  }

  /** What the form offers again, and what it asks to be chosen again. */
  public record Result(List<Held> held, List<String> chooseAgain) {}

  public List<Held> held(String key) {
    return jdbc.sql("SELECT id, file_name, size_bytes FROM held_upload WHERE form_key = :key AND held_at > :since ORDER BY id")
        .param("key", key).param("since", EngineClock.now().minus(HOLD_FOR))
        .query((rs, row) -> new Held(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
  }

  /** The held files the complainant left ticked, with their content, for the next send. */
  public List<Attachment> kept(String key, List<Long> keep) {
    Set<Long> kept = new HashSet<>(keep);
    return jdbc.sql("SELECT id, file_name, content FROM held_upload WHERE form_key = :key AND held_at > :since ORDER BY id")
        .param("key", key).param("since", EngineClock.now().minus(HOLD_FOR))
        .query((rs, row) -> kept.contains(rs.getLong(1)) ? new Attachment(rs.getString(2), rs.getBytes(3)) : null)
        .list().stream().filter(java.util.Objects::nonNull).toList();
  }

  /** Once the complaint is sent, nothing stays held. */
  public void release(String key) {
    jdbc.sql("DELETE FROM held_upload WHERE form_key = :key").param("key", key).update();
  }
}
