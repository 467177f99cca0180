package org.redress.improvement.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaints behind a KPI figure (drill-down): the KPI's population in the period with the query's
 * filters, optionally only those counted in a share ({@code matching=true}) or only the others
 * ({@code matching=false}). Each row links to the complaint's history in Cockpit.
 */
@Repository
class KpiComplaints {

  public static final String COCKPIT_ROUTE = "/camunda/app/cockpit/default/#/redress/complaints/";

  /** One complaint in the list. */
  public record Row(String reference, String status, OffsetDateTime receivedAt, OffsetDateTime milestoneAt,
      OffsetDateTime closedAt, String category, String product, String channel, String team, String severity,
      Integer priority, String cockpitUrl) {}

  public record Page(String kpi, String population, Boolean matching, long total, int page, int size, List<Row> items) {}

  private final JdbcClient jdbc;
  private final KpiFigures figures;
  private final Objectives objectives;

  KpiComplaints(JdbcClient jdbc, KpiFigures figures, Objectives objectives) {
    this.jdbc = jdbc;
    this.figures = figures;
    this.objectives = objectives;
  }

  /** Whether the KPI has a list of complaints behind it (recurrence is about actions, not complaints). */
  static boolean listable(KpiDefinition kpi) {
    return kpi != KpiDefinition.RECURRENCE;
  }

  public Page list(KpiDefinition kpi, KpiQuery q, Boolean matching, int page, int size) {
    String milestone = milestone(kpi);
    String where;
    if (milestone == null) {
      where = "s.closed_at IS NULL AND s.received_at <= :now";
      if (kpi == KpiDefinition.OPEN_OVERDUE) {
        where += " AND s.response_due_at IS NOT NULL";
      }
    } else {
      where = milestone + " >= :start AND " + milestone + " < :end";
    }
    where += population(kpi) + KpiFigures.filters(q);
    String counted = counted(kpi);
    if (matching != null && counted != null) {
      where += matching ? " AND (" + counted + ")" : " AND NOT (" + counted + ")";
    }
    OffsetDateTime now = EngineClock.now();
    String from = " FROM complaint_status s WHERE " + where;
    long total = bind(jdbc.sql("SELECT COUNT(*)" + from), q, now).query(Long.class).single();
    List<Row> rows = bind(jdbc.sql("SELECT s.reference, s.status, s.received_at, s.closed_at, s.category, s.product, "
            + "s.channel, s.team, s.severity, s.assessed_priority, " + (milestone == null ? "s.received_at" : milestone)
            + " AS milestone_at" + from + " ORDER BY " + (milestone == null ? "s.received_at" : milestone)
            + ", s.reference LIMIT " + size + " OFFSET " + ((long) page * size)), q, now)
        .query((rs, n) -> new Row(rs.getString("reference"), rs.getString("status"),
            rs.getObject("received_at", OffsetDateTime.class), rs.getObject("milestone_at", OffsetDateTime.class),
            rs.getObject("closed_at", OffsetDateTime.class), rs.getString("category"), rs.getString("product"),
            rs.getString("channel"), rs.getString("team"), rs.getString("severity"),
            (Integer) rs.getObject("assessed_priority", Integer.class),
            COCKPIT_ROUTE + rs.getString("reference")))
        .list();
    return new Page(kpi.id(), kpi.population(), counted == null ? null : matching, total, page, size, rows);
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, KpiQuery q, OffsetDateTime now) {
    return KpiFigures.bind(statement.param("start", figures.start(q)).param("end", figures.end(q)).param("now", now)
        .param("acknowledgeWithin", objectives.acknowledgeWithin().toSeconds()), q);
  }

  /** The milestone column whose date puts a complaint into the KPI's population; null for "open now". */
  private static String milestone(KpiDefinition kpi) {
    return switch (kpi) {
      case RECEIVED -> "s.received_at";
      case OPEN, OPEN_OVERDUE -> null;
      case TIME_TO_ACKNOWLEDGE, ACKNOWLEDGED_WITHIN_TARGET -> "s.acknowledged_at";
      case TIME_TO_FIRST_RESPONSE -> "s.first_response_at";
      case TIME_TO_DECISION, TIME_TO_DECISION_WORKING, WITHIN_TARGET, WITHIN_TARGET_P25, WITHIN_TARGET_P50, WITHIN_TARGET_P75,
          WITHIN_TARGET_P100 -> "s.decision_communicated_at";
      default -> "s.closed_at";
    };
  }

  /** Further conditions of the population beyond the milestone. */
  private static String population(KpiDefinition kpi) {
    return switch (kpi) {
      case WITHIN_TARGET -> " AND s.response_due_at IS NOT NULL";
      case WITHIN_TARGET_P25, WITHIN_TARGET_P50, WITHIN_TARGET_P75, WITHIN_TARGET_P100 ->
          " AND s.response_due_at IS NOT NULL AND s.assessed_priority = "
              + Integer.parseInt(kpi.id().substring("within-target-p".length()));
      case SATISFACTION -> " AND EXISTS (SELECT 1 FROM satisfaction_survey v WHERE v.reference = s.reference)";
      default -> "";
    };
  }

  /** The condition for being counted in a share KPI; null for counts and averages. */
  private static String counted(KpiDefinition kpi) {
    return switch (kpi) {
      case OPEN_OVERDUE -> "s.response_due_at < :now AND s.decision_communicated_at IS NULL";
      case ACKNOWLEDGED_WITHIN_TARGET -> Population.seconds("acknowledged_at") + " <= :acknowledgeWithin";
      case WITHIN_TARGET, WITHIN_TARGET_P25, WITHIN_TARGET_P50, WITHIN_TARGET_P75, WITHIN_TARGET_P100 ->
          "s.decision_communicated_at <= s.response_due_at";
      case ESCALATED -> "s.escalated";
      case REJECTED -> "s.rejected_at IS NOT NULL";
      case REVIEWED_INTERNALLY -> "s.decision_reviewed";
      case REFERRED_OUTSIDE -> "s.referred_outside_at IS NOT NULL";
      case DEEMED_ACCEPTED -> "s.deemed_accepted_at IS NOT NULL";
      case SURVEY_RESPONSE_RATE -> "EXISTS (SELECT 1 FROM satisfaction_survey v WHERE v.reference = s.reference)";
      default -> null;
    };
  }
}
