package org.redress.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaint as submitted (insert only) and its current state. Runs in the engine's transaction,
 * so a row commits together with the process step that wrote it.
 */
@Repository
public class ComplaintRepository {

  private final JdbcClient jdbc;

  public ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Complaint c) {
    jdbc.sql("""
        INSERT INTO complaint (reference, channel, complainant_name, complainant_organisation, complainant_email,
          complainant_phone, complainant_address, preferred_channel, preferred_language, on_behalf_of,
          product_or_service, order_reference, problem_date, description, remedy_requested, amount_at_stake,
          safety_concern, legal_or_regulatory, immediate_action_at_receipt, received_at, received_by)
        VALUES (:reference, :channel, :name, :organisation, :email, :phone, :address, :preferredChannel,
          :preferredLanguage, :onBehalfOf, :product, :orderReference, :problemDate, :description, :remedy,
          :amount, :safety, :legal, :immediateAction, :receivedAt, :receivedBy)""")
        .param("reference", c.reference())
        .param("channel", c.channel().code())
        .param("name", c.complainantName())
        .param("organisation", c.complainantOrganisation())
        .param("email", c.complainantEmail())
        .param("phone", c.complainantPhone())
        .param("address", c.complainantAddress())
        .param("preferredChannel", c.preferredChannel())
        .param("preferredLanguage", c.preferredLanguage())
        .param("onBehalfOf", c.onBehalfOf())
        .param("product", c.productOrService())
        .param("orderReference", c.orderReference())
        .param("problemDate", c.problemDate())
        .param("description", c.description())
        .param("remedy", c.remedyRequested())
        .param("amount", c.amountAtStake())
        .param("safety", c.safetyConcern())
        .param("legal", c.legalOrRegulatory())
        .param("immediateAction", c.immediateActionAtReceipt())
        .param("receivedAt", c.receivedAt())
        .param("receivedBy", c.receivedBy())
        .update();
    jdbc.sql("""
        INSERT INTO complaint_status (reference, status, received_at, channel, updated_at)
        VALUES (:reference, :status, :now, :channel, :now)""")
        .param("reference", c.reference())
        .param("status", ComplaintStatus.RECEIVED.name())
        .param("channel", c.channel().code())
        .param("now", c.receivedAt())
        .update();
    KpiChanges.note(jdbc, c.reference());
  }

  public Optional<Complaint> find(String reference) {
    return jdbc.sql("SELECT * FROM complaint WHERE reference = :reference")
        .param("reference", reference)
        .query(ComplaintRepository::complaint)
        .optional();
  }

  public Complaint get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No complaint " + reference));
  }

  public ComplaintState state(String reference) {
    return jdbc.sql("SELECT * FROM complaint_status WHERE reference = :reference")
        .param("reference", reference)
        .query(ComplaintRepository::state)
        .single();
  }

  /**
   * Earlier complaints by the same complainant (e-mail) or about the same product, in the window. Two
   * conditions the indexes answer (V1's e-mail index, V13's case-blind product index on PostgreSQL);
   * without an e-mail only the product counts. (The e-mail condition used to be ":email IS NOT NULL AND …",
   * which PostgreSQL refuses for a null parameter of unknown type.)
   */
  public int countEarlierComplaints(Complaint c, OffsetDateTime since) {
    String sameComplainant = c.complainantEmail() == null ? "" : "complainant_email = :email OR ";
    return jdbc.sql("""
        SELECT COUNT(*) FROM complaint
        WHERE reference <> :reference AND received_at >= :since AND received_at <= :receivedAt
          AND (%sLOWER(product_or_service) = LOWER(:product))""".formatted(sameComplainant))
        .param("reference", c.reference())
        .param("since", since)
        .param("receivedAt", c.receivedAt())
        .params(c.complainantEmail() == null ? java.util.Map.of() : java.util.Map.of("email", c.complainantEmail()))
        .param("product", c.productOrService())
        .query(Integer.class)
        .single();
  }

  /** The response due date moved, after the clock stood still while the complainant was asked (7.6). */
  public void moveResponseDue(String reference, OffsetDateTime responseDueAt) {
    jdbc.sql("UPDATE complaint_status SET response_due_at = :due, updated_at = :now WHERE reference = :reference")
        .param("due", responseDueAt).param("now", EngineClock.now()).param("reference", reference).update();
    KpiChanges.note(jdbc, reference);
  }

  public void recordAssessment(String reference, String severity, int priority, String responseTarget,
      OffsetDateTime responseDueAt, String team, boolean immediateActionNeeded, boolean overridden) {
    jdbc.sql("""
        UPDATE complaint_status SET severity = :severity, priority = :priority, response_target = :target,
          response_due_at = :due, team = :team, assessed_priority = :priority, immediate_action_needed = :immediate,
          assessment_overridden = :overridden, assessed_at = COALESCE(assessed_at, :now), updated_at = :now,
          status = CASE WHEN status = 'RECEIVED' THEN 'ASSESSED' ELSE status END
        WHERE reference = :reference""")
        .param("severity", severity)
        .param("priority", priority)
        .param("target", responseTarget)
        .param("due", responseDueAt)
        .param("team", team)
        .param("immediate", immediateActionNeeded)
        .param("overridden", overridden)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference);
  }

  /** Status alone is not a KPI fact the summary keeps (open complaints are counted live), so no KpiChanges note. */
  public void changeStatus(String reference, ComplaintStatus status) {
    jdbc.sql("UPDATE complaint_status SET status = :status, updated_at = :now WHERE reference = :reference")
        .param("status", status.name())
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
  }

  public void markAcknowledged(String reference) {
    jdbc.sql("""
        UPDATE complaint_status SET acknowledged_at = COALESCE(acknowledged_at, :now), updated_at = :now,
          status = CASE WHEN status IN ('RECEIVED', 'ASSESSED') THEN 'ACKNOWLEDGED' ELSE status END
        WHERE reference = :reference""")
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.ACKNOWLEDGED);
  }

  /** The category and product code a handler files the complaint under (8.2). */
  public void recordClassification(String reference, String category, String product) {
    jdbc.sql("UPDATE complaint_status SET category = :category, product = :product, updated_at = :now WHERE reference = :reference")
        .param("category", category)
        .param("product", product)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference);
  }

  /** Root cause and justification are not in the KPI summary, so no KpiChanges note. */
  public void recordInvestigation(String reference, String rootCause, String justified) {
    jdbc.sql("""
        UPDATE complaint_status SET root_cause = :rootCause, justified = :justified, updated_at = :now
        WHERE reference = :reference""")
        .param("rootCause", rootCause)
        .param("justified", justified)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
  }

  public void markDecisionCommunicated(String reference) {
    jdbc.sql("""
        UPDATE complaint_status SET status = 'DECISION_COMMUNICATED', updated_at = :now,
          decision_communicated_at = COALESCE(decision_communicated_at, :now),
          first_response_at = COALESCE(first_response_at, :now)
        WHERE reference = :reference""")
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.DECIDED, KpiChanges.FIRST_RESPONSE);
  }

  /** Receipt, first decision and the working seconds the clock stood still in between (issue 16). */
  public record DecisionClock(String reference, OffsetDateTime receivedAt, OffsetDateTime decidedAt, long pausedSeconds) {}

  private static final String DECISION_CLOCK = """
      SELECT reference, received_at, decision_communicated_at, paused_seconds FROM complaint_status
      WHERE decision_communicated_at IS NOT NULL""";

  public Optional<DecisionClock> decisionClock(String reference) {
    return jdbc.sql(DECISION_CLOCK + " AND reference = :reference").param("reference", reference)
        .query(ComplaintRepository::decisionClock).optional();
  }

  /** Decided complaints whose working time to decision is not known yet (decided before version 29). */
  public List<DecisionClock> decisionsWithoutWorkingTime(int limit) {
    return jdbc.sql(DECISION_CLOCK + " AND decision_working_seconds IS NULL ORDER BY reference FETCH FIRST %d ROWS ONLY"
        .formatted(limit)).query(ComplaintRepository::decisionClock).list();
  }

  private static DecisionClock decisionClock(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new DecisionClock(rs.getString("reference"), rs.getObject("received_at", OffsetDateTime.class),
        rs.getObject("decision_communicated_at", OffsetDateTime.class), rs.getLong("paused_seconds"));
  }

  /**
   * The working time from receipt to the first decision, net of pauses (issue 16); kept once, like
   * decision_communicated_at.
   */
  public void recordDecisionWorkingTime(String reference, long workingSeconds) {
    jdbc.sql("""
        UPDATE complaint_status SET decision_working_seconds = :seconds
        WHERE reference = :reference AND decision_working_seconds IS NULL""")
        .param("seconds", workingSeconds).param("reference", reference).update();
    KpiChanges.note(jdbc, reference, KpiChanges.DECIDED);
  }

  public void markEscalated(String reference, int priority) {
    jdbc.sql("""
        UPDATE complaint_status SET escalated = TRUE, escalated_at = COALESCE(escalated_at, :now), priority = :priority,
          updated_at = :now
        WHERE reference = :reference""")
        .param("priority", priority)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.CLOSED);
  }

  public void markDecisionReviewed(String reference) {
    jdbc.sql("""
        UPDATE complaint_status SET decision_reviewed = TRUE, reviewed_at = COALESCE(reviewed_at, :now), updated_at = :now
        WHERE reference = :reference""")
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.CLOSED);
  }

  /** A progress update went out: the first one counts as the first response if no decision came before (8.4). */
  public void markProgressUpdateSent(String reference) {
    milestone(reference, "first_response_at", KpiChanges.FIRST_RESPONSE);
  }

  /** The complainant rejected the decision (7.9); the first rejection is the one the KPIs count. */
  public void markDecisionRejected(String reference, ComplaintStatus next) {
    jdbc.sql("""
        UPDATE complaint_status SET status = :status, rejected_at = COALESCE(rejected_at, :now), updated_at = :now
        WHERE reference = :reference""")
        .param("status", next.name())
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.CLOSED);
  }

  /** No answer within the answer period: the decision is deemed accepted (7.9). */
  public void markDeemedAccepted(String reference) {
    jdbc.sql("""
        UPDATE complaint_status SET status = 'DECISION_ACCEPTED', deemed_accepted_at = COALESCE(deemed_accepted_at, :now),
          updated_at = :now
        WHERE reference = :reference""")
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.CLOSED);
  }

  /** The complaint was referred to an outside body (dispute resolution, ombudsman, regulator, court). */
  public void markReferredOutside(String reference) {
    milestone(reference, "referred_outside_at", KpiChanges.CLOSED);
  }

  /**
   * Sets a milestone the first time it is reached. Only then is the KPI summary told: a repeated one (every
   * progress update after the first, issue 13) changes nothing it counts.
   */
  private void milestone(String reference, String column, String countedIn) {
    OffsetDateTime now = EngineClock.now();
    int reached = jdbc.sql("UPDATE complaint_status SET " + column + " = :now, updated_at = :now"
            + " WHERE reference = :reference AND " + column + " IS NULL")
        .param("now", now)
        .param("reference", reference)
        .update();
    if (reached > 0) {
      KpiChanges.note(jdbc, reference, countedIn);
    } else {
      jdbc.sql("UPDATE complaint_status SET updated_at = :now WHERE reference = :reference")
          .param("now", now).param("reference", reference).update();
    }
  }

  public void close(String reference, String outcome, String closedBy) {
    jdbc.sql("""
        UPDATE complaint_status SET status = 'CLOSED', outcome = :outcome, closed_by = :closedBy,
          closed_at = :now, updated_at = :now
        WHERE reference = :reference""")
        .param("outcome", outcome)
        .param("closedBy", closedBy)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    KpiChanges.note(jdbc, reference, KpiChanges.CLOSED);
  }

  private static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        rs.getString("reference"),
        Channel.fromCode(rs.getString("channel")).orElseThrow(),
        rs.getString("complainant_name"),
        rs.getString("complainant_organisation"),
        rs.getString("complainant_email"),
        rs.getString("complainant_phone"),
        rs.getString("complainant_address"),
        rs.getString("preferred_channel"),
        rs.getString("preferred_language"),
        rs.getString("on_behalf_of"),
        rs.getString("product_or_service"),
        rs.getString("order_reference"),
        rs.getObject("problem_date", java.time.LocalDate.class),
        rs.getString("description"),
        rs.getString("remedy_requested"),
        rs.getBigDecimal("amount_at_stake"),
        rs.getBoolean("safety_concern"),
        rs.getBoolean("legal_or_regulatory"),
        rs.getString("immediate_action_at_receipt"),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getString("received_by"));
  }

  private static ComplaintState state(ResultSet rs, int row) throws SQLException {
    return new ComplaintState(
        rs.getString("reference"),
        ComplaintStatus.valueOf(rs.getString("status")),
        rs.getString("severity"),
        (Integer) rs.getObject("priority", Integer.class),
        rs.getString("response_target"),
        rs.getObject("response_due_at", OffsetDateTime.class),
        rs.getString("team"),
        rs.getObject("immediate_action_needed", Boolean.class),
        rs.getBoolean("assessment_overridden"),
        rs.getString("root_cause"),
        rs.getString("justified"),
        rs.getBoolean("escalated"),
        rs.getBoolean("decision_reviewed"),
        rs.getString("outcome"),
        rs.getObject("acknowledged_at", OffsetDateTime.class),
        rs.getObject("assessed_at", OffsetDateTime.class),
        rs.getObject("decision_communicated_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getString("closed_by"));
  }
}
