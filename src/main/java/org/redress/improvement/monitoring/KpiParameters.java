package org.redress.improvement.monitoring;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.assessment.Severity;
import org.redress.complaint.Channel;
import org.redress.complaint.EngineClock;
import org.redress.problem.FieldError;
import org.redress.problem.SubmissionRefused;

/**
 * Reads the query parameters of the monitoring API and pages into a {@link KpiQuery}; every bad value
 * is refused with its field and reason (400 problem+json), never guessed. Without from/to: the last
 * 12 months up to today.
 */
final class KpiParameters {

  static final Set<String> QUERY = Set.of("from", "to", "category", "product", "channel", "team", "severity");
  static final List<String> DIMENSIONS = List.of("category", "channel", "team", "severity", "product", "priority");
  /** Longest period one request may ask for (about ten years): keeps a typo from scanning the whole history. */
  static final int MAX_DAYS = 3660;

  private KpiParameters() {}

  static KpiQuery query(Map<String, String> params, Set<String> extra, Objectives objectives) {
    List<FieldError> errors = new ArrayList<>();
    params.keySet().stream().filter(k -> !QUERY.contains(k) && !extra.contains(k)).sorted()
        .forEach(k -> errors.add(new FieldError(k, "is not a known parameter")));
    LocalDate today = EngineClock.now().atZoneSameInstant(objectives.zone()).toLocalDate();
    LocalDate to = date(params, "to", errors);
    LocalDate from = date(params, "from", errors);
    if (to == null) {
      to = from != null && from.plusYears(1).minusDays(1).isBefore(today) ? from.plusYears(1).minusDays(1) : today;
    }
    if (from == null) {
      from = to.minusYears(1).plusDays(1);
    }
    if (to.isBefore(from)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
      errors.add(new FieldError("to", "a period may cover at most " + MAX_DAYS + " days"));
    }
    String category = code(params, "category", 40, errors);
    String product = code(params, "product", 40, errors);
    String channel = code(params, "channel", 20, errors);
    if (channel != null && Channel.fromCode(channel).isEmpty()) {
      errors.add(new FieldError("channel", "must be one of web, email, phone, letter, in-person, api"));
    }
    String team = code(params, "team", 64, errors);
    String severity = code(params, "severity", 20, errors);
    if (severity != null && !Severity.ALL.contains(severity)) {
      errors.add(new FieldError("severity", "must be one of " + String.join(", ", Severity.ALL)));
    }
    if (!errors.isEmpty()) {
      throw new SubmissionRefused(errors);
    }
    return new KpiQuery(from, to, category, product, channel, team, severity);
  }

  static Kpis.Interval interval(Map<String, String> params) {
    String value = params.getOrDefault("interval", "month");
    return switch (value) {
      case "month" -> Kpis.Interval.MONTH;
      case "week" -> Kpis.Interval.WEEK;
      default -> throw SubmissionRefused.of("interval", "must be month or week");
    };
  }

  static String dimension(Map<String, String> params) {
    String value = params.get("dimension");
    if (value == null || !DIMENSIONS.contains(value)) {
      throw SubmissionRefused.of("dimension", "must be one of " + String.join(", ", DIMENSIONS));
    }
    return value;
  }

  static int number(Map<String, String> params, String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw SubmissionRefused.of(name, "must be a whole number from " + min + " to " + max);
  }

  private static LocalDate date(Map<String, String> params, String name, List<FieldError> errors) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
      return null;
    }
  }

  private static String code(Map<String, String> params, String name, int max, List<FieldError> errors) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.strip();
    if (value.length() > max) {
      errors.add(new FieldError(name, "must be at most " + max + " characters"));
      return null;
    }
    return value;
  }
}
