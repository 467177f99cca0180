package org.redress.improvement.monitoring;

/**
 * The sets of complaints KPIs are computed over: those that reached one milestone in the period. Each
 * names its milestone column on complaint_status (indexed, V8) and the sums the KPIs need, as sums
 * rather than averages so that days add up to weeks and months exactly.
 */
enum Population {
  RECEIVED("received_at", ""),
  ACKNOWLEDGED("acknowledged_at", """
      , SUM(%1$s) AS seconds, SUM(CASE WHEN %1$s <= :acknowledgeWithin THEN 1 ELSE 0 END) AS within"""
      .formatted(Population.seconds("acknowledged_at"))),
  FIRST_RESPONSE("first_response_at", ", SUM(%s) AS seconds".formatted(Population.seconds("first_response_at"))),
  DECIDED("decision_communicated_at", """
      , SUM(%s) AS seconds,
      SUM(CASE WHEN s.response_due_at IS NOT NULL THEN 1 ELSE 0 END) AS targeted,
      SUM(CASE WHEN s.decision_communicated_at <= s.response_due_at THEN 1 ELSE 0 END) AS within"""
      .formatted(Population.seconds("decision_communicated_at"))),
  CLOSED("closed_at", """
      , SUM(%s) AS seconds,
      SUM(CASE WHEN s.escalated THEN 1 ELSE 0 END) AS escalated,
      SUM(CASE WHEN s.rejected_at IS NOT NULL THEN 1 ELSE 0 END) AS rejected,
      SUM(CASE WHEN s.decision_reviewed THEN 1 ELSE 0 END) AS reviewed,
      SUM(CASE WHEN s.referred_outside_at IS NOT NULL THEN 1 ELSE 0 END) AS referred,
      SUM(CASE WHEN s.deemed_accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS deemed,
      COUNT(v.rating) AS answered, SUM(v.rating) AS rating_sum,
      SUM(CASE WHEN v.rating = 1 THEN 1 ELSE 0 END) AS r1, SUM(CASE WHEN v.rating = 2 THEN 1 ELSE 0 END) AS r2,
      SUM(CASE WHEN v.rating = 3 THEN 1 ELSE 0 END) AS r3, SUM(CASE WHEN v.rating = 4 THEN 1 ELSE 0 END) AS r4,
      SUM(CASE WHEN v.rating = 5 THEN 1 ELSE 0 END) AS r5"""
      .formatted(Population.seconds("closed_at")));

  private final String milestone;
  private final String sums;

  Population(String milestone, String sums) {
    this.milestone = milestone;
    this.sums = sums;
  }

  /** complaint_status column of the milestone that puts a complaint in this population. */
  String milestone() {
    return "s." + milestone;
  }

  String sums() {
    return sums;
  }

  boolean needsSurvey() {
    return this == CLOSED;
  }

  /** Seconds from receipt to the milestone; EXTRACT(EPOCH …) is the same on H2 and PostgreSQL. */
  static String seconds(String column) {
    return "(EXTRACT(EPOCH FROM s." + column + ") - EXTRACT(EPOCH FROM s.received_at))";
  }
}
