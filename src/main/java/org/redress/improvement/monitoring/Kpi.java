package org.redress.improvement.monitoring;

/**
 * One key performance indicator over a period (ISO 10002 8.4) against its objective (6.2).
 *
 * @param value  the figure; {@code null} when the population is empty (no data, not zero)
 * @param unit   "count", "hours", "days", "%" or "rating"
 * @param target the objective from {@code redress.objectives.targets}; {@code null} when the KPI has none
 * @param met    whether the value meets the target; {@code null} without a target or without data
 * @param basis  how many complaints (or survey answers, actions) the figure is computed from
 */
public record Kpi(String id, String label, Double value, String unit, Double target, Boolean met, long basis) {}
