package org.redress.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only timeline of a complaint (who, when, what, why). Rows are only ever inserted, in
 * the transaction of the engine step that caused them, each sealed into the complaint's hash chain
 * ({@link TimelineChain}): concurrent writers for one complaint wait for each other.
 */
@Component
public class Timeline {

  private static final String IN_CHAIN_ORDER =
      " ORDER BY CASE WHEN sequence IS NULL THEN 1 ELSE 0 END, sequence, id";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TimelineChain chain;

  public Timeline(JdbcClient jdbc, ObjectMapper json, TimelineChain chain) {
    this.jdbc = jdbc;
    this.json = json;
    this.chain = chain;
  }

  /** Records an event; {@code details} are stored as JSON for auditors and reports. */
  public void record(String reference, EventType type, String actor, String summary, Map<String, ?> details,
      String processInstanceId, String activityId) {
    TimelineChain.Head head = chain.lockHead(reference, () -> of(reference));
    OffsetDateTime at = TimelineChain.normalise(EngineClock.now());
    String text = truncate(summary, 1000);
    String detailsJson = details == null || details.isEmpty() ? null : toJson(details);
    int sequence = head.sequence() + 1;
    String hash = TimelineChain.hash(reference, sequence, at, actor, type.name(), text, detailsJson,
        type.visibleToComplainant(), processInstanceId, activityId, head.hash());
    jdbc.sql("""
        INSERT INTO complaint_event (reference, occurred_at, actor, type, summary, details, visible_to_complainant,
          process_instance_id, activity_id, sequence, previous_hash, hash)
        VALUES (:reference, :at, :actor, :type, :summary, :details, :visible, :pi, :activity, :sequence, :previous,
          :hash)""")
        .param("reference", reference)
        .param("at", at)
        .param("actor", actor)
        .param("type", type.name())
        .param("summary", text)
        .param("details", detailsJson)
        .param("visible", type.visibleToComplainant())
        .param("pi", processInstanceId)
        .param("activity", activityId)
        .param("sequence", sequence)
        .param("previous", head.hash())
        .param("hash", hash)
        .update();
  }

  /** The events in chain order (any not yet sealed, from before the chain existed, last, by id). */
  public List<TimelineEvent> of(String reference) {
    return jdbc.sql("SELECT * FROM complaint_event WHERE reference = :reference" + IN_CHAIN_ORDER)
        .param("reference", reference)
        .query(Timeline::event)
        .list();
  }

  private String toJson(Map<String, ?> details) {
    try {
      return truncate(json.writeValueAsString(details), 20000);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Timeline details are not serialisable", e);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static TimelineEvent event(ResultSet rs, int row) throws SQLException {
    return new TimelineEvent(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor"),
        EventType.valueOf(rs.getString("type")),
        rs.getString("summary"),
        rs.getString("details"),
        rs.getBoolean("visible_to_complainant"),
        rs.getString("process_instance_id"),
        rs.getString("activity_id"),
        rs.getObject("sequence", Integer.class),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }
}
