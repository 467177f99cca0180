package org.redress.improvement.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sets of complaints KPIs are computed over: those that reached one milestone in the period. Each
 * names its milestone column on complaint_status (indexed, V8) and the sums the KPIs need, as sums
 * rather than averages so that days add up to weeks and months exactly (and so that the daily summary,
 * kpi_daily, can hold them).
 */
enum Population {
  RECEIVED("received_at", Map.of()),
  ACKNOWLEDGED("acknowledged_at", Map.of(
      "seconds", seconds("acknowledged_at"),
      "within", "CASE WHEN " + seconds("acknowledged_at") + " <= :acknowledgeWithin THEN 1 ELSE 0 END")),
  FIRST_RESPONSE("first_response_at", Map.of("seconds", seconds("first_response_at"))),
  DECIDED("decision_communicated_at", Map.of(
      "seconds", seconds("decision_communicated_at"),
      "working_seconds", "COALESCE(s.decision_working_seconds, 0)",
      "targeted", "CASE WHEN s.response_due_at IS NOT NULL THEN 1 ELSE 0 END",
      "within", "CASE WHEN s.decision_communicated_at <= s.response_due_at THEN 1 ELSE 0 END")),
  CLOSED("closed_at", closedValues());

  /** Every sum any population has, in the order of kpi_daily's columns (n counts the complaints). */
  static final List<String> SUMS = List.of("n", "seconds", "within", "targeted", "escalated", "rejected", "reviewed",
      "referred", "deemed", "answered", "rating_sum", "r1", "r2", "r3", "r4", "r5", "working_seconds");

  private final String milestone;
  /** Per complaint, what each sum adds up (over complaint_status s and the survey answer v). */
  private final Map<String, String> values;

  Population(String milestone, Map<String, String> values) {
    this.milestone = milestone;
    this.values = values;
  }

  private static Map<String, String> closedValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("seconds", seconds("closed_at"));
    values.put("escalated", "CASE WHEN s.escalated THEN 1 ELSE 0 END");
    values.put("rejected", "CASE WHEN s.rejected_at IS NOT NULL THEN 1 ELSE 0 END");
    values.put("reviewed", "CASE WHEN s.decision_reviewed THEN 1 ELSE 0 END");
    values.put("referred", "CASE WHEN s.referred_outside_at IS NOT NULL THEN 1 ELSE 0 END");
    values.put("deemed", "CASE WHEN s.deemed_accepted_at IS NOT NULL THEN 1 ELSE 0 END");
    values.put("answered", "CASE WHEN v.rating IS NOT NULL THEN 1 ELSE 0 END");
    values.put("rating_sum", "v.rating");
    for (int rating = 1; rating <= 5; rating++) {
      values.put("r" + rating, "CASE WHEN v.rating = " + rating + " THEN 1 ELSE 0 END");
    }
    return values;
  }

  /** complaint_status column of the milestone that puts a complaint in this population, aliased s. */
  String milestone() {
    return "s." + milestone;
  }

  /** The same column without the alias (as kpi_change names it too). */
  String milestoneColumn() {
    return milestone;
  }

  /** What one complaint adds to one of {@link #SUMS} (SQL over s and v), or null if this population has no such sum. */
  String value(String name) {
    return name.equals("n") ? "1" : values.get(name);
  }

  /** The select list of this population's sums, each named as in {@link #SUMS}. */
  String sums() {
    StringBuilder list = new StringBuilder("COUNT(*) AS n");
    for (String name : SUMS) {
      String value = values.get(name);
      if (value != null) {
        list.append(", SUM(").append(value).append(") AS ").append(name);
      }
    }
    return list.toString();
  }

  boolean needsSurvey() {
    return this == CLOSED;
  }

  /** Seconds from receipt to the milestone; EXTRACT(EPOCH …) is the same on H2 and PostgreSQL. */
  static String seconds(String column) {
    return "(EXTRACT(EPOCH FROM s." + column + ") - EXTRACT(EPOCH FROM s.received_at))";
  }
}
