package org.redress.improvement.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.classification.CodeLists;
import org.redress.complaint.EngineClock;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.CorrectiveAction;
import org.redress.improvement.action.CorrectiveActions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of a review period from Redress's own tables: complaints, classification,
 * corrective actions, satisfaction survey and — when the auditing feature is installed — the audit
 * reviews ({@code audit_review}).
 */
@Component
class ReviewFactsQuery {

  static final int TOP = 5;

  private final JdbcClient jdbc;
  private final CodeLists codeLists;
  private final CorrectiveActions actions;
  private final ObjectProvider<ReviewKpis> kpis;

  public ReviewFactsQuery(JdbcClient jdbc, CodeLists codeLists, CorrectiveActions actions, ObjectProvider<ReviewKpis> kpis) {
    this.jdbc = jdbc;
    this.codeLists = codeLists;
    this.actions = actions;
    this.kpis = kpis;
  }

  public ReviewFacts facts(long reviewId, LocalDate start, LocalDate endInclusive) {
    OffsetDateTime from = start.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime to = endInclusive.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    long received = count("SELECT COUNT(*) FROM complaint WHERE received_at >= :from AND received_at < :to", from, to);
    long closed = count("SELECT COUNT(*) FROM complaint_status WHERE closed_at >= :from AND closed_at < :to", from, to);
    long openAtEnd = count("""
        SELECT COUNT(*) FROM complaint c JOIN complaint_status s ON s.reference = c.reference
        WHERE c.received_at < :to AND (s.closed_at IS NULL OR s.closed_at >= :to)""", from, to);
    List<CorrectiveAction> all = actions.list(null);
    List<CorrectiveAction> trends = all.stream().filter(a -> "system".equals(a.proposedBy()) && within(a.proposedAt(), from, to))
        .toList();
    List<CorrectiveAction> open = all.stream().filter(CorrectiveAction::isOpen).toList();
    List<CorrectiveAction> completed = all.stream().filter(a -> CorrectiveAction.CLOSED.equals(a.status())
        && within(a.closedAt(), from, to)).toList();
    Map<Integer, Long> distribution = new LinkedHashMap<>();
    for (int rating = 5; rating >= 1; rating--) {
      distribution.put(rating, 0L);
    }
    jdbc.sql("SELECT rating, COUNT(*) AS n FROM satisfaction_survey WHERE answered_at >= :from AND answered_at < :to "
            + "GROUP BY rating")
        .param("from", from).param("to", to)
        .query((rs, i) -> Map.entry(rs.getInt("rating"), rs.getLong("n"))).list()
        .forEach(e -> distribution.put(e.getKey(), e.getValue()));
    long answers = distribution.values().stream().mapToLong(Long::longValue).sum();
    Double average = answers == 0 ? null : distribution.entrySet().stream()
        .mapToDouble(e -> e.getKey() * (double) e.getValue()).sum() / answers;
    boolean auditAvailable = auditTableExists();
    ReviewKpis provider = kpis.getIfAvailable();
    return new ReviewFacts(reviewId, start, endInclusive, EngineClock.now(), received, closed, openAtEnd,
        provider == null ? List.of() : provider.kpis(start, endInclusive),
        top(CodeLists.CATEGORY, from, to), top(CodeLists.PRODUCT, from, to), top(CodeLists.ROOT_CAUSE, from, to),
        trends, open, completed, answers, average, distribution, auditAvailable,
        auditAvailable ? auditFindings(from, to) : List.of());
  }

  private List<ReviewFacts.Ranked> top(String kind, OffsetDateTime from, OffsetDateTime to) {
    String column = "s." + Cause.column(kind);
    return jdbc.sql("SELECT " + column + " AS code, COUNT(*) AS n FROM complaint c JOIN complaint_status s "
            + "ON s.reference = c.reference WHERE " + column + " IS NOT NULL AND c.received_at >= :from "
            + "AND c.received_at < :to GROUP BY " + column + " ORDER BY COUNT(*) DESC, " + column)
        .param("from", from).param("to", to)
        .query((rs, i) -> new ReviewFacts.Ranked(rs.getString("code"), codeLists.label(kind, rs.getString("code")),
            rs.getLong("n")))
        .list().stream().limit(TOP).toList();
  }

  private boolean auditTableExists() {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'audit_review'")
        .query(Long.class).single() > 0;
  }

  private List<ReviewFacts.AuditFinding> auditFindings(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("SELECT reference, reviewed_at, reviewed_by, conforming, findings FROM audit_review "
            + "WHERE reviewed_at >= :from AND reviewed_at < :to ORDER BY reviewed_at")
        .param("from", from).param("to", to)
        .query((rs, i) -> new ReviewFacts.AuditFinding(rs.getString("reference"),
            rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("reviewed_by"),
            (Boolean) rs.getObject("conforming", Boolean.class), rs.getString("findings")))
        .list();
  }

  private long count(String sql, OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(sql).param("from", from).param("to", to).query(Long.class).single();
  }

  private static boolean within(OffsetDateTime time, OffsetDateTime from, OffsetDateTime to) {
    return time != null && !time.isBefore(from) && time.isBefore(to);
  }
}
