package org.redress.improvement.monitoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs Redress measures (ISO 10002 8.4): id, label, unit, which way is better, and the population
 * each one is computed from. "In the period" means the moment named falls on a day from {@code from}
 * to {@code to} (inclusive) in the reporting time zone. docs/management.md repeats these definitions.
 */
enum KpiDefinition {
  RECEIVED("received", "Complaints received", "count", Direction.NONE,
      "complaints received in the period"),
  OPEN("open", "Open now", "count", Direction.NONE,
      "complaints not closed at the moment of the report (a snapshot; the period does not apply)"),
  OPEN_OVERDUE("open-overdue", "Open now past the response target", "%", Direction.AT_MOST,
      "complaints open now with an assessed response target: share past it without a decision"),
  TIME_TO_ACKNOWLEDGE("time-to-acknowledge", "Time to acknowledge", "hours", Direction.AT_MOST,
      "complaints acknowledged in the period: average time from receipt to acknowledgement"),
  ACKNOWLEDGED_WITHIN_TARGET("acknowledged-within-target", "Acknowledged within target", "%", Direction.AT_LEAST,
      "complaints acknowledged in the period: share acknowledged within the time the objectives allow for an acknowledgement"),
  TIME_TO_FIRST_RESPONSE("time-to-first-response", "Time to first response", "days", Direction.AT_MOST,
      "complaints with a first response in the period (first progress update or decision after the acknowledgement): average time from receipt"),
  TIME_TO_DECISION("time-to-decision", "Time to decision (calendar days, gross)", "days", Direction.AT_MOST,
      "complaints whose first decision was communicated in the period: average time from receipt, in calendar days, pauses included"),
  TIME_TO_DECISION_WORKING("time-to-decision-working", "Time to decision (working days, net of pauses)", "working days",
      Direction.AT_MOST, "complaints whose first decision was communicated in the period: average working time from receipt "
      + "in the business calendar, less the time the clock stood still while the complainant was asked"),
  TIME_TO_CLOSE("time-to-close", "Time to close", "days", Direction.AT_MOST,
      "complaints closed in the period: average time from receipt to closure"),
  WITHIN_TARGET("within-target", "Decided within response target", "%", Direction.AT_LEAST,
      "complaints whose first decision was communicated in the period and that had a response target: share decided by it "
      + "(the target counts working time and moves on by the time the complainant was asked)"),
  WITHIN_TARGET_P25("within-target-p25", "Within target, priority 25 (low)", "%", Direction.AT_LEAST,
      "as Decided within response target, for complaints the assessment gave priority 25 (low)"),
  WITHIN_TARGET_P50("within-target-p50", "Within target, priority 50 (medium)", "%", Direction.AT_LEAST,
      "as Decided within response target, for complaints the assessment gave priority 50 (medium)"),
  WITHIN_TARGET_P75("within-target-p75", "Within target, priority 75 (high)", "%", Direction.AT_LEAST,
      "as Decided within response target, for complaints the assessment gave priority 75 (high)"),
  WITHIN_TARGET_P100("within-target-p100", "Within target, priority 100 (critical)", "%", Direction.AT_LEAST,
      "as Decided within response target, for complaints the assessment gave priority 100 (critical)"),
  ESCALATED("escalated", "Escalated", "%", Direction.AT_MOST,
      "complaints closed in the period: share escalated at least once (response target missed)"),
  REJECTED("rejected", "Decision rejected by the complainant", "%", Direction.AT_MOST,
      "complaints closed in the period: share whose complainant rejected a decision at least once"),
  REVIEWED_INTERNALLY("reviewed-internally", "Reviewed internally", "%", Direction.AT_MOST,
      "complaints closed in the period: share with an internal review of the decision"),
  REFERRED_OUTSIDE("referred-outside", "Referred outside", "%", Direction.AT_MOST,
      "complaints closed in the period: share referred to an outside body (dispute resolution, ombudsman, regulator, court)"),
  DEEMED_ACCEPTED("deemed-accepted", "Deemed accepted (no answer)", "%", Direction.AT_MOST,
      "complaints closed in the period: share whose decision was deemed accepted because the complainant did not answer"),
  SATISFACTION("satisfaction", "Satisfaction with handling", "rating", Direction.AT_LEAST,
      "survey answers (1-5) for complaints closed in the period, whenever answered: average"),
  SURVEY_RESPONSE_RATE("survey-response-rate", "Survey response rate", "%", Direction.AT_LEAST,
      "complaints closed in the period: share with a survey answer"),
  RECURRENCE("recurrence", "Recurrence after corrective action", "%", Direction.AT_MOST,
      "corrective actions implemented in the period: complaints per day for their causes after implementation, as a share of before (same window length)");

  /** Which way a figure meets its target. */
  public enum Direction {
    AT_MOST, AT_LEAST, NONE
  }

  private final String id;
  private final String label;
  private final String unit;
  private final Direction direction;
  private final String population;

  KpiDefinition(String id, String label, String unit, Direction direction, String population) {
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.direction = direction;
    this.population = population;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  public Direction direction() {
    return direction;
  }

  public String population() {
    return population;
  }

  public static Optional<KpiDefinition> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  /** The KPI with its target and whether the value meets it. */
  Kpi measured(Double value, Double target, long basis, int minimumSample) {
    Boolean met = null;
    boolean judged = target != null && value != null && direction != Direction.NONE;
    boolean tooFew = judged && basis < minimumSample;
    if (judged && !tooFew) {
      met = direction == Direction.AT_MOST ? value <= target + 1e-9 : value >= target - 1e-9;
    }
    return new Kpi(id, label, value, unit, direction == Direction.NONE ? null : target, met, basis, tooFew);
  }
}
