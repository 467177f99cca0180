package org.redress.improvement.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Corrective actions and the complaints linked to them. Runs in the engine's transaction, so a
 * change commits together with the process step that made it.
 */
@Repository
public class CorrectiveActions {

  private final JdbcClient jdbc;

  public CorrectiveActions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new PROPOSED action, unless one is open for the cause (then empty). The insert checks for an
   * open action itself; two concurrent proposals for the same cause still cannot both commit,
   * because {@code open_cause} is unique — the loser's job fails, is retried and then finds the
   * winner's action.
   */
  public Optional<Long> propose(Cause cause, String title, String reason, String proposedBy, Long managementReviewId) {
    int inserted = jdbc.sql("""
        INSERT INTO corrective_action (cause_kind, cause_code, status, title, reason, proposed_by, proposed_at,
          open_cause, management_review_id)
        SELECT :kind, :code, 'PROPOSED', :title, :reason, :by, :at, :openCause, CAST(:reviewId AS BIGINT)
        FROM (VALUES (1)) AS one (x)
        WHERE NOT EXISTS (SELECT 1 FROM corrective_action WHERE open_cause = :openCause)""")
        .param("kind", cause.kind()).param("code", cause.code()).param("title", cut(title, 300))
        .param("reason", cut(reason, 2000)).param("by", proposedBy).param("at", EngineClock.now())
        .param("openCause", cause.key()).param("reviewId", managementReviewId)
        .update();
    return inserted == 0 ? Optional.empty() : openFor(cause).map(CorrectiveAction::id);
  }

  public Optional<CorrectiveAction> openFor(Cause cause) {
    return jdbc.sql("SELECT * FROM corrective_action WHERE open_cause = :key").param("key", cause.key())
        .query(CorrectiveActions::action).optional();
  }

  public Optional<CorrectiveAction> find(long id) {
    return jdbc.sql("SELECT * FROM corrective_action WHERE id = :id").param("id", id)
        .query(CorrectiveActions::action).optional();
  }

  public CorrectiveAction get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No corrective action " + id));
  }

  /** All actions, newest first; only those of {@code status} unless it is null. */
  public List<CorrectiveAction> list(String status) {
    if (status == null) {
      return jdbc.sql("SELECT * FROM corrective_action ORDER BY id DESC").query(CorrectiveActions::action).list();
    }
    return jdbc.sql("SELECT * FROM corrective_action WHERE status = :status ORDER BY id DESC")
        .param("status", status).query(CorrectiveActions::action).list();
  }

  /** Links complaints; returns those that were not linked before. */
  public List<String> link(long id, List<String> references) {
    List<String> already = linkedReferences(id);
    List<String> added = references.stream().distinct().filter(r -> !already.contains(r)).toList();
    for (String reference : added) {
      jdbc.sql("INSERT INTO corrective_action_complaint (action_id, reference, linked_at) VALUES (:id, :reference, :at)")
          .param("id", id).param("reference", reference).param("at", EngineClock.now()).update();
    }
    return added;
  }

  public List<String> linkedReferences(long id) {
    return jdbc.sql("SELECT reference FROM corrective_action_complaint WHERE action_id = :id ORDER BY reference")
        .param("id", id).query(String.class).list();
  }

  /** The actions a complaint is linked to that are still open. */
  public List<CorrectiveAction> openForComplaint(String reference) {
    return jdbc.sql("""
        SELECT a.* FROM corrective_action a JOIN corrective_action_complaint l ON l.action_id = a.id
        WHERE l.reference = :reference AND a.open_cause IS NOT NULL ORDER BY a.id""")
        .param("reference", reference).query(CorrectiveActions::action).list();
  }

  public void setProcessInstance(long id, String processInstanceId) {
    update(id, "process_instance_id = :v", processInstanceId);
  }

  public void accept(long id) {
    update(id, "status = 'OPEN'", null);
  }

  public void decline(long id, String reason) {
    jdbc.sql("UPDATE corrective_action SET status = 'DECLINED', open_cause = NULL, closed_at = :at, decline_reason = :reason "
            + "WHERE id = :id")
        .param("at", EngineClock.now()).param("reason", reason).param("id", id).update();
  }

  public void recordAnalysis(long id, String analysis) {
    update(id, "status = 'OPEN', analysis = :v", analysis);
  }

  public void recordPlan(long id, String plan, String owner, LocalDate dueDate) {
    jdbc.sql("UPDATE corrective_action SET action_plan = :plan, action_owner = :owner, due_date = :due WHERE id = :id")
        .param("plan", plan).param("owner", owner).param("due", dueDate).param("id", id).update();
  }

  public void markImplemented(long id, String note) {
    jdbc.sql("UPDATE corrective_action SET status = 'IMPLEMENTED', implementation_note = :note, implemented_at = :at "
            + "WHERE id = :id")
        .param("note", note).param("at", EngineClock.now()).param("id", id).update();
  }

  public void recordEffectiveness(long id, double before, double after, boolean effective) {
    jdbc.sql("UPDATE corrective_action SET rate_before = :before, rate_after = :after, effective = :effective WHERE id = :id")
        .param("before", before).param("after", after).param("effective", effective).param("id", id).update();
  }

  public void close(long id) {
    jdbc.sql("UPDATE corrective_action SET status = 'CLOSED', open_cause = NULL, closed_at = :at WHERE id = :id")
        .param("at", EngineClock.now()).param("id", id).update();
  }

  public void reopen(long id) {
    update(id, "status = 'REOPENED', times_reopened = times_reopened + 1", null);
  }

  private void update(long id, String set, String value) {
    jdbc.sql("UPDATE corrective_action SET " + set + " WHERE id = :id").param("v", value).param("id", id).update();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static CorrectiveAction action(ResultSet rs, int row) throws SQLException {
    return new CorrectiveAction(
        rs.getLong("id"),
        rs.getString("cause_kind"),
        rs.getString("cause_code"),
        rs.getString("status"),
        rs.getString("title"),
        rs.getString("reason"),
        rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class),
        rs.getString("decline_reason"),
        rs.getString("analysis"),
        rs.getString("action_plan"),
        rs.getString("action_owner"),
        rs.getObject("due_date", LocalDate.class),
        rs.getObject("implemented_at", OffsetDateTime.class),
        rs.getString("implementation_note"),
        (Double) rs.getObject("rate_before", Double.class),
        (Double) rs.getObject("rate_after", Double.class),
        (Boolean) rs.getObject("effective", Boolean.class),
        rs.getInt("times_reopened"),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        (Long) rs.getObject("management_review_id", Long.class));
  }
}
