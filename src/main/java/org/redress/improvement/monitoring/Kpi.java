package org.redress.improvement.monitoring;

/**
 * One key performance indicator over a period (ISO 10002 8.4) against its objective (6.2).
 *
 * @param value  the figure; {@code null} when the population is empty (no data, not zero)
 * @param unit   "count", "hours", "days", "%" or "rating"
 * @param target the objective from {@code redress.objectives.targets}; {@code null} when the KPI has none
 * @param met    whether the value meets the target; {@code null} without a target, without data, or when
 *               the basis is below {@code redress.objectives.minimum-sample}
 * @param basis  how many complaints (or survey answers, actions) the figure is computed from
 * @param tooFewToJudge the KPI has a target and a value, but from fewer complaints than the minimum sample:
 *               "not enough data (n = …)" rather than Met or Not met
 */
public record Kpi(String id, String label, Double value, String unit, Double target, Boolean met, long basis,
    boolean tooFewToJudge) {}
