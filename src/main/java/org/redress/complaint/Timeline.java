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
 * the transaction of the engine step that caused them.
 */
@Component
public class Timeline {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public Timeline(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records an event; {@code details} are stored as JSON for auditors and reports. */
  public void record(String reference, EventType type, String actor, String summary, Map<String, ?> details,
      String processInstanceId, String activityId) {
    jdbc.sql("""
        INSERT INTO complaint_event (reference, occurred_at, actor, type, summary, details, visible_to_complainant,
          process_instance_id, activity_id)
        VALUES (:reference, :at, :actor, :type, :summary, :details, :visible, :pi, :activity)""")
        .param("reference", reference)
        .param("at", EngineClock.now())
        .param("actor", actor)
        .param("type", type.name())
        .param("summary", truncate(summary, 1000))
        .param("details", details == null || details.isEmpty() ? null : toJson(details))
        .param("visible", type.visibleToComplainant())
        .param("pi", processInstanceId)
        .param("activity", activityId)
        .update();
  }

  public List<TimelineEvent> of(String reference) {
    return jdbc.sql("SELECT * FROM complaint_event WHERE reference = :reference ORDER BY id")
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
        rs.getBoolean("visible_to_complainant"));
  }
}
