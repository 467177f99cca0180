package org.redress.auditing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.problem.SubmissionRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The results of audit sampling (ISO 10002 8.5), stored by {@link AuditClosedComplaint}, for reports. */
@Component
class AuditReviews {

  public record Review(String reference, OffsetDateTime reviewedAt, String reviewedBy, boolean conforming,
      Map<String, String> answers, String findings, LocalDate periodStart, LocalDate periodEnd) {}

  public record Report(LocalDate from, LocalDate to, int reviews, int conforming, int nonConforming,
      Double conformingShare, List<Review> items) {}

  static final Map<String, String> ANSWER_COLUMNS = answerColumns();

  private final JdbcClient jdbc;

  public AuditReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Map<String, String> answerColumns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("acknowledgedInTime", "acknowledged_in_time");
    columns.put("assessmentReasonable", "assessment_reasonable");
    columns.put("investigationProportionate", "investigation_proportionate");
    columns.put("decisionCommunicated", "decision_communicated");
    columns.put("recourseOffered", "recourse_offered");
    columns.put("timelineComplete", "timeline_complete");
    return columns;
  }

  /** Reviews made between the two dates (UTC, both inclusive; null = open-ended), oldest first. */
  public Report report(String fromText, String toText) {
    LocalDate from = date("from", fromText);
    LocalDate to = date("to", toText);
    if (from != null && to != null && to.isBefore(from)) {
      throw SubmissionRefused.of("to", "must not be before from");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    String where = " WHERE 1 = 1";
    if (from != null) {
      where += " AND reviewed_at >= :from";
      params.put("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      where += " AND reviewed_at < :to";
      params.put("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    List<Review> items = jdbc.sql("SELECT * FROM audit_review" + where + " ORDER BY reviewed_at, id")
        .params(params)
        .query((rs, n) -> {
          Map<String, String> answers = new LinkedHashMap<>();
          for (Map.Entry<String, String> column : ANSWER_COLUMNS.entrySet()) {
            answers.put(column.getKey(), rs.getString(column.getValue()));
          }
          return new Review(rs.getString("reference"),
              ComplaintSearch.utc(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("reviewed_by"),
              rs.getBoolean("conforming"), answers, rs.getString("findings"),
              rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class));
        })
        .list();
    int conforming = (int) items.stream().filter(Review::conforming).count();
    return new Report(from, to, items.size(), conforming, items.size() - conforming,
        items.isEmpty() ? null : (double) conforming / items.size(), items);
  }

  /** The report as CSV (RFC 4180; cells that a spreadsheet would run as a formula are quoted with '). */
  public String csv(Report report) {
    StringBuilder csv = new StringBuilder("reference,reviewed_at,reviewed_by,conforming");
    ANSWER_COLUMNS.values().forEach(column -> csv.append(',').append(column));
    csv.append(",findings,period_start,period_end\r\n");
    for (Review r : report.items()) {
      csv.append(cell(r.reference())).append(',').append(r.reviewedAt()).append(',').append(cell(r.reviewedBy()))
          .append(',').append(r.conforming());
      r.answers().values().forEach(a -> csv.append(',').append(cell(a)));
      csv.append(',').append(cell(r.findings())).append(',').append(r.periodStart() == null ? "" : r.periodStart())
          .append(',').append(r.periodEnd() == null ? "" : r.periodEnd()).append("\r\n");
    }
    return csv.toString();
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw SubmissionRefused.of(field, "must be a date as YYYY-MM-DD");
    }
  }
}
