package org.redress.improvement.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Management reviews with their stored report (HTML and PDF), decisions and actions. */
@Repository
public class ManagementReviews {

  private static final String COLUMNS = "id, period_start, period_end, started_at, started_by, report_created_at, "
      + "decisions, actions, completed_at, completed_by, process_instance_id";

  private final JdbcClient jdbc;

  public ManagementReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long create(LocalDate periodStart, LocalDate periodEnd, String startedBy, String processInstanceId) {
    jdbc.sql("INSERT INTO management_review (period_start, period_end, started_at, started_by, process_instance_id) "
            + "VALUES (:start, :end, :at, :by, :pi)")
        .param("start", periodStart).param("end", periodEnd).param("at", EngineClock.now()).param("by", startedBy)
        .param("pi", processInstanceId).update();
    return jdbc.sql("SELECT MAX(id) FROM management_review WHERE process_instance_id = :pi").param("pi", processInstanceId)
        .query(Long.class).single();
  }

  public void storeReport(long id, String html, byte[] pdf) {
    jdbc.sql("UPDATE management_review SET report_html = :html, report_pdf = :pdf, report_created_at = :at WHERE id = :id")
        .param("html", html).param("pdf", pdf).param("at", EngineClock.now()).param("id", id).update();
  }

  public void complete(long id, String decisions, String actions, String by) {
    jdbc.sql("UPDATE management_review SET decisions = :decisions, actions = :actions, completed_at = :at, "
            + "completed_by = :by WHERE id = :id")
        .param("decisions", decisions).param("actions", actions).param("at", EngineClock.now()).param("by", by)
        .param("id", id).update();
  }

  public Optional<ManagementReview> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM management_review WHERE id = :id").param("id", id)
        .query(ManagementReviews::review).optional();
  }

  public List<ManagementReview> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM management_review ORDER BY id DESC").query(ManagementReviews::review).list();
  }

  public Optional<String> html(long id) {
    return jdbc.sql("SELECT report_html FROM management_review WHERE id = :id AND report_html IS NOT NULL")
        .param("id", id).query(String.class).optional();
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc.sql("SELECT report_pdf FROM management_review WHERE id = :id AND report_pdf IS NOT NULL")
        .param("id", id).query((rs, i) -> rs.getBytes(1)).optional();
  }

  private static ManagementReview review(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ManagementReview(rs.getLong("id"), rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class), rs.getObject("started_at", OffsetDateTime.class),
        rs.getString("started_by"), rs.getObject("report_created_at", OffsetDateTime.class), rs.getString("decisions"),
        rs.getString("actions"), rs.getObject("completed_at", OffsetDateTime.class), rs.getString("completed_by"),
        rs.getString("process_instance_id"));
  }
}
