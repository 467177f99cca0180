package org.redress.improvement.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.redress.improvement.action.CorrectiveAction;

/** Everything the management review report shows for one period (8.6). */
record ReviewFacts(
    long reviewId,
    LocalDate periodStart,
    LocalDate periodEnd,
    OffsetDateTime generatedAt,
    long received,
    long closed,
    long openAtEnd,
    List<ReviewKpis.KpiLine> kpis,
    List<Ranked> topCategories,
    List<Ranked> topProducts,
    List<Ranked> topRootCauses,
    List<CorrectiveAction> trendsDetected,
    List<CorrectiveAction> openActions,
    List<CorrectiveAction> completedActions,
    long surveyAnswers,
    Double averageRating,
    Map<Integer, Long> ratingDistribution,
    boolean auditAvailable,
    List<AuditFinding> auditFindings) {

  public record Ranked(String code, String label, long complaints) {}

  public record AuditFinding(String reference, OffsetDateTime reviewedAt, String reviewedBy, Boolean conforming,
      String findings) {}

  public long effectiveCount() {
    return completedActions.stream().filter(a -> Boolean.TRUE.equals(a.effective())).count();
  }
}
