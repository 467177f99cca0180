package org.redress.improvement.monitoring;

import java.time.LocalDate;

/**
 * Which complaints a KPI report covers: a period of whole days (both inclusive, in the reporting time
 * zone, {@code redress.objectives.zone}) and optional filters; {@code null} means "no filter".
 */
public record KpiQuery(LocalDate from, LocalDate to, String category, String product, String channel, String team,
    String severity) {

  public KpiQuery {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a KPI period needs both from and to");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a KPI period must not end before it starts");
    }
  }

  /** The whole period without filters. */
  public static KpiQuery period(LocalDate from, LocalDate to) {
    return new KpiQuery(from, to, null, null, null, null, null);
  }

  /** The same filters over another period (trend buckets, the "before" window of recurrence). */
  public KpiQuery over(LocalDate newFrom, LocalDate newTo) {
    return new KpiQuery(newFrom, newTo, category, product, channel, team, severity);
  }

  /** The same query narrowed to one category (recurrence of a category's corrective action). */
  public KpiQuery withCategory(String code) {
    return new KpiQuery(from, to, code, product, channel, team, severity);
  }

  /** The same query narrowed to one product. */
  public KpiQuery withProduct(String code) {
    return new KpiQuery(from, to, category, code, channel, team, severity);
  }
}
