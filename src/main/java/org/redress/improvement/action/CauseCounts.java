package org.redress.improvement.action;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Complaints received per cause in a period, from Redress's own tables (indexed by received_at and
 * the cause columns), for trend detection and the effectiveness check.
 */
@Repository
public class CauseCounts {

  private final JdbcClient jdbc;

  public CauseCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Complaints per code of {@code kind} received in [from, to). */
  public Map<String, Long> byCode(String kind, OffsetDateTime from, OffsetDateTime to) {
    String column = "s." + Cause.column(kind);
    return jdbc.sql("SELECT " + column + " AS code, COUNT(*) AS n FROM complaint c JOIN complaint_status s "
            + "ON s.reference = c.reference WHERE " + column + " IS NOT NULL AND c.received_at >= :from "
            + "AND c.received_at < :to GROUP BY " + column)
        .param("from", from).param("to", to)
        .query((rs, i) -> Map.entry(rs.getString("code"), rs.getLong("n")))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  public long count(Cause cause, OffsetDateTime from, OffsetDateTime to) {
    return references(cause, from, to).size();
  }

  /** The complaints of one cause received in [from, to), oldest first. */
  public List<String> references(Cause cause, OffsetDateTime from, OffsetDateTime to) {
    String column = "s." + Cause.column(cause.kind());
    return jdbc.sql("SELECT c.reference FROM complaint c JOIN complaint_status s ON s.reference = c.reference "
            + "WHERE " + column + " = :code AND c.received_at >= :from AND c.received_at < :to ORDER BY c.received_at")
        .param("code", cause.code()).param("from", from).param("to", to)
        .query(String.class).list();
  }
}
