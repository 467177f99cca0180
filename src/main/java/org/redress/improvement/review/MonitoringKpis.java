package org.redress.improvement.review;

import java.time.LocalDate;
import java.util.List;
import org.redress.improvement.monitoring.KpiQuery;
import org.redress.improvement.monitoring.Kpis;
import org.springframework.stereotype.Component;

/** The review period's KPIs against objectives, as the monitoring dashboard computes them (8.4, 6.2). */
@Component
class MonitoringKpis implements ReviewKpis {

  private final Kpis kpis;

  public MonitoringKpis(Kpis kpis) {
    this.kpis = kpis;
  }

  @Override
  public List<KpiLine> kpis(LocalDate from, LocalDate toInclusive) {
    return kpis.report(KpiQuery.period(from, toInclusive)).kpis().stream()
        .map(k -> new KpiLine(k.label(), k.value(), k.unit(), k.target(), k.met(), k.basis())).toList();
  }
}
