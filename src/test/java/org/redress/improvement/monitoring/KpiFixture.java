package org.redress.improvement.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.redress.complaint.KpiChanges;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fixed set of complaints, inserted with SQL, whose KPIs are computed by hand in
 * {@link KpisContract}. All about product {@value #PRODUCT}, so the figures ignore other tests' data.
 * Period Q1 2025 (UTC); "now" is {@link #NOW}.
 *
 * <pre>
 *      received     ack          1st response decision    due         closed       other                     survey
 *  A   01-10 09:00  +1h          01-15 (5d)   01-20 (10d) 01-25       01-30 (20d)  billing web handlers low p25   5
 *  B   02-01 00:00  +36h         02-21 (20d)  02-21 (20d) 02-11       03-31 23:00  escalated, rejected, reviewed,
 *                                                                    (58d23h)     referred outside; billing email
 *                                                                                 handlers high p75             2 (answered 04-05)
 *  C   03-01 00:00  +2h          03-04 (3d)   03-06 (5d)  03-11       03-25 (24d)  deemed accepted; delivery phone
 *                                                                                 team-b medium p50             -
 *  D   2024-12-20   +6h (2024)   01-04 (15d)  01-04 (15d) 01-03       01-09 (20d)  delivery web team-b medium p50 4
 *  E   03-15 00:00  +30min       -            -           03-25       open         UNDER_INVESTIGATION, overdue;
 *                                                                                 billing web handlers medium p50
 *  F   04-08 00:00  +1h          04-09        04-09       04-20       open         DECISION_COMMUNICATED; billing web handlers low p25
 *  G   03-20 00:00  +1h          03-27 (7d)   03-28 (8d)  04-03       04-02        billing web handlers low p25 3 (not counted)
 * </pre>
 */
final class KpiFixture {

  static final String PRODUCT = "kpi-fixture";
  static final OffsetDateTime NOW = at("2025-04-10T12:00");

  private KpiFixture() {}

  static OffsetDateTime at(String local) {
    return OffsetDateTime.parse(local + (local.length() == 16 ? ":00Z" : "T00:00:00Z"));
  }

  record Row(String ref, String received, String ack, String firstResponse, String decision, String due,
      String closed, String status, String category, String channel, String team, String severity, int priority,
      String escalated, String rejected, String reviewed, String referred, String deemed, Integer rating,
      String answered) {

    /** The same complaint under another reference. */
    Row as(String reference) {
      return new Row(reference, received, ack, firstResponse, decision, due, closed, status, category, channel, team,
          severity, priority, escalated, rejected, reviewed, referred, deemed, rating, answered);
    }
  }

  static final List<Row> ROWS = List.of(
      new Row("KPI-A", "2025-01-10T09:00", "2025-01-10T10:00", "2025-01-15T09:00", "2025-01-20T09:00",
          "2025-01-25T09:00", "2025-01-30T09:00", "CLOSED", "billing", "web", "handlers", "low", 25,
          null, null, null, null, null, 5, "2025-02-01T00:00"),
      new Row("KPI-B", "2025-02-01T00:00", "2025-02-02T12:00", "2025-02-21T00:00", "2025-02-21T00:00",
          "2025-02-11T00:00", "2025-03-31T23:00", "CLOSED", "billing", "email", "handlers", "high", 75,
          "2025-02-11T00:00", "2025-02-25T00:00", "2025-03-05T00:00", "2025-03-20T00:00", null, 2, "2025-04-05T00:00"),
      new Row("KPI-C", "2025-03-01T00:00", "2025-03-01T02:00", "2025-03-04T00:00", "2025-03-06T00:00",
          "2025-03-11T00:00", "2025-03-25T00:00", "CLOSED", "delivery", "phone", "team-b", "medium", 50,
          null, null, null, null, "2025-03-20T00:00", null, null),
      new Row("KPI-D", "2024-12-20T00:00", "2024-12-20T06:00", "2025-01-04T00:00", "2025-01-04T00:00",
          "2025-01-03T00:00", "2025-01-09T00:00", "CLOSED", "delivery", "web", "team-b", "medium", 50,
          null, null, null, null, null, 4, "2025-01-10T00:00"),
      new Row("KPI-E", "2025-03-15T00:00", "2025-03-15T00:30", null, null,
          "2025-03-25T00:00", null, "UNDER_INVESTIGATION", "billing", "web", "handlers", "medium", 50,
          null, null, null, null, null, null, null),
      new Row("KPI-F", "2025-04-08T00:00", "2025-04-08T01:00", "2025-04-09T00:00", "2025-04-09T00:00",
          "2025-04-20T00:00", null, "DECISION_COMMUNICATED", "billing", "web", "handlers", "low", 25,
          null, null, null, null, null, null, null),
      new Row("KPI-G", "2025-03-20T00:00", "2025-03-20T01:00", "2025-03-27T00:00", "2025-03-28T00:00",
          "2025-04-03T00:00", "2025-04-02T00:00", "CLOSED", "billing", "web", "handlers", "low", 25,
          null, null, null, null, null, 3, "2025-04-03T00:00"));

  /**
   * Working time to decision, net of pauses, as CommunicateDecision records it — in the tests' calendar,
   * which works round the clock: the calendar time less the pause. A waited one day for the complainant.
   */
  static final Map<String, Long> WORKING_SECONDS = Map.of("KPI-A", 9 * 86400L, "KPI-B", 20 * 86400L,
      "KPI-C", 5 * 86400L, "KPI-D", 15 * 86400L, "KPI-F", 86400L, "KPI-G", 8 * 86400L);
  static final Map<String, Long> PAUSED_SECONDS = Map.of("KPI-A", 86400L);

  static void insert(JdbcClient jdbc) {
    delete(jdbc);
    for (Row r : ROWS) {
      insertWithoutNote(jdbc, r);
      KpiChanges.note(jdbc, r.ref()); // as the application does after each write
    }
  }

  /** One complaint, written without telling the KPI summary (KpiChanges) — which the application never does. */
  static void insertWithoutNote(JdbcClient jdbc, Row r) {
    {
      jdbc.sql("""
          INSERT INTO complaint (reference, channel, complainant_name, preferred_channel, preferred_language,
            product_or_service, description, safety_concern, legal_or_regulatory, received_at, received_by)
          VALUES (:ref, :channel, 'Fixture', 'email', 'en', :product, 'KPI fixture', FALSE, FALSE, :received, 'test')""")
          .param("ref", r.ref()).param("channel", r.channel()).param("product", PRODUCT)
          .param("received", time(r.received())).update();
      jdbc.sql("""
          INSERT INTO complaint_status (reference, status, severity, priority, assessed_priority, response_due_at, team,
            category, channel, product, received_at, acknowledged_at, first_response_at,
            decision_communicated_at, closed_at, escalated, escalated_at, rejected_at, decision_reviewed, reviewed_at,
            referred_outside_at, deemed_accepted_at, outcome, updated_at)
          VALUES (:ref, :status, :severity, :priority, :priority, :due, :team, :category, :channel, :product, :received,
            :ack, :firstResponse, :decision, :closed, :escalated, :escalatedAt, :rejected, :reviewed, :reviewedAt,
            :referred, :deemed, :outcome, :received)""")
          .param("ref", r.ref()).param("status", r.status()).param("severity", r.severity())
          .param("priority", r.priority()).param("due", time(r.due())).param("team", r.team())
          .param("category", r.category()).param("channel", r.channel()).param("product", PRODUCT)
          .param("received", time(r.received())).param("ack", time(r.ack()))
          .param("firstResponse", time(r.firstResponse())).param("decision", time(r.decision()))
          .param("closed", time(r.closed())).param("escalated", r.escalated() != null)
          .param("escalatedAt", time(r.escalated())).param("rejected", time(r.rejected()))
          .param("reviewed", r.reviewed() != null).param("reviewedAt", time(r.reviewed()))
          .param("referred", time(r.referred())).param("deemed", time(r.deemed()))
          .param("outcome", r.closed() == null ? null : r.referred() != null ? "referred-externally"
              : r.deemed() != null ? "deemed-accepted" : "accepted")
          .update();
      jdbc.sql("UPDATE complaint_status SET decision_working_seconds = :w, paused_seconds = :p WHERE reference = :ref")
          .param("w", WORKING_SECONDS.get(r.ref())).param("p", PAUSED_SECONDS.getOrDefault(r.ref(), 0L))
          .param("ref", r.ref()).update();
      if (r.rating() != null) {
        jdbc.sql("INSERT INTO satisfaction_survey (reference, rating, answered_at) VALUES (:ref, :rating, :at)")
            .param("ref", r.ref()).param("rating", r.rating()).param("at", time(r.answered())).update();
      }
    }
  }

  /** A corrective action for category "billing", implemented on 2025-03-01 (recurrence). */
  static void insertCorrectiveAction(JdbcClient jdbc) {
    jdbc.sql("""
        INSERT INTO corrective_action (cause_kind, cause_code, status, title, proposed_by, proposed_at, implemented_at)
        VALUES ('category', 'billing', 'IMPLEMENTED', 'KPI fixture', 'test', :proposed, :implemented)""")
        .param("proposed", at("2025-02-01")).param("implemented", at("2025-03-01")).update();
  }

  static void delete(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM corrective_action WHERE title = 'KPI fixture'").update();
    ROWS.forEach(r -> KpiChanges.note(jdbc, r.ref())); // their days are recounted without them
    for (String table : List.of("satisfaction_survey", "complaint_event", "complaint_status", "complaint")) {
      jdbc.sql("DELETE FROM " + table + " WHERE reference LIKE 'KPI-%'").update();
    }
  }

  private static OffsetDateTime time(String local) {
    return local == null ? null : at(local);
  }
}
