package org.redress.complaint;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes, in the caller's transaction, that a complaint's KPI facts changed, so that the KPI summary
 * (kpi_daily, kept by the monitoring feature) recounts the days of the milestones concerned. Every write
 * to complaint_status or satisfaction_survey that changes a KPI fact calls this after writing; the row
 * carries the milestone times as they are now, so the days are known even if the complaint is later gone.
 */
public final class KpiChanges {

  /** The milestones KPI populations are counted by (complaint_status columns). */
  public static final String RECEIVED = "received_at";
  public static final String ACKNOWLEDGED = "acknowledged_at";
  public static final String FIRST_RESPONSE = "first_response_at";
  public static final String DECIDED = "decision_communicated_at";
  public static final String CLOSED = "closed_at";
  private static final List<String> MILESTONES = List.of(RECEIVED, ACKNOWLEDGED, FIRST_RESPONSE, DECIDED, CLOSED);

  private KpiChanges() {}

  /** Something every population counts by changed (a dimension such as category or severity): all its days. */
  public static void note(JdbcClient jdbc, String reference) {
    note(jdbc, reference, MILESTONES.toArray(String[]::new));
  }

  /**
   * Only what the populations of these milestones add up changed (a milestone reached, an outcome flag
   * that counts in the closed population): only those days are recounted, and none while the milestone
   * is not reached yet.
   */
  public static void note(JdbcClient jdbc, String reference, String... milestones) {
    List<String> columns = List.of(milestones);
    if (!MILESTONES.containsAll(columns)) {
      throw new IllegalArgumentException("not a KPI milestone: " + columns);
    }
    String list = String.join(", ", columns);
    jdbc.sql("INSERT INTO kpi_change (reference, " + list + ") SELECT reference, " + list
            + " FROM complaint_status WHERE reference = :reference")
        .param("reference", reference).update();
  }
}
