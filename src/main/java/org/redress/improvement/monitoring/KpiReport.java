package org.redress.improvement.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of a period with the detail the dashboard and the management review show.
 *
 * @param openByStage              open complaints now by status (stage)
 * @param openByAge                open complaints now by age band ("0-7 days", "8-30 days", "31-90 days", "over 90 days")
 * @param satisfactionDistribution survey answers of the complaints closed in the period, by rating 1-5
 * @param recurrence               per corrective action implemented: complaints for its cause before and after
 */
public record KpiReport(KpiQuery query, OffsetDateTime generatedAt, List<Kpi> kpis, Map<String, Long> openByStage,
    Map<String, Long> openByAge, Map<Integer, Long> satisfactionDistribution, List<Recurrence> recurrence) {

  /** The KPI with this id (see {@link KpiDefinition}), if the report has it. */
  public java.util.Optional<Kpi> kpi(String id) {
    return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /**
   * Complaints for one corrective action's cause in equal windows before and after it was implemented.
   *
   * @param perDayBefore complaints per day in the window before implementation
   * @param perDayAfter  complaints per day since implementation (up to the window's length)
   */
  public record Recurrence(long actionId, String causeKind, String causeCode, OffsetDateTime implementedAt,
      long before, long after, double perDayBefore, double perDayAfter) {}
}
