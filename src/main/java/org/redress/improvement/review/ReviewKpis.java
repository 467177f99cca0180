package org.redress.improvement.review;

import java.time.LocalDate;
import java.util.List;

/** The KPIs against their objectives (6.2, 8.1) for a review period, from the monitoring feature. */
interface ReviewKpis {

  record KpiLine(String label, Double value, String unit, Double target, Boolean met, long basis) {}

  List<KpiLine> kpis(LocalDate from, LocalDate toInclusive);
}
