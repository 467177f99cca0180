package org.redress.improvement.monitoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.complaint.EngineClock;
import org.redress.problem.FieldError;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.redress.problem.Text;
import org.redress.problem.UnknownFields;
import org.redress.problem.WrongType;

/**
 * The query parameters of the monitoring API and pages, checked with Bean Validation like every form
 * ({@link FormBinding}); every bad value is refused with its field and reason (400 problem+json), never
 * guessed. Without from/to: the last 12 months up to today.
 */
@UnknownFields(KpiParameters.UNKNOWN)
record KpiParameters(
    LocalDate from,
    LocalDate to,
    @Text(max = 40) String category,
    @Text(max = 40) String product,
    @Text(max = 20, oneOf = {"web", "email", "phone", "letter", "in-person", "api"}) String channel,
    @Text(max = 64) String team,
    @Text(max = 20, oneOf = {"low", "medium", "high", "critical"}) String severity,
    @Text(oneOf = {"month", "week"}, oneOfReason = "must be month or week") String interval,
    @Text(oneOf = {"category", "channel", "team", "severity", "product", "priority"}) String dimension,
    String kpi,
    @Text(oneOf = {"true", "false"}, oneOfReason = "must be true or false") String matching,
    @WrongType("must be a whole number from 0 to 100000") @Min(value = 0, message = "must be a whole number from 0 to 100000")
    @Max(value = 100_000, message = "must be a whole number from 0 to 100000") Integer page,
    @WrongType("must be a whole number from 1 to 500") @Min(value = 1, message = "must be a whole number from 1 to 500")
    @Max(value = 500, message = "must be a whole number from 1 to 500") Integer size) {

  static final String UNKNOWN = "is not a known parameter";
  /** The filters every monitoring request takes; the others only where they mean something. */
  static final Set<String> FILTERS = Set.of("from", "to", "category", "product", "channel", "team", "severity");
  /** Every parameter the monitoring pages and API know. */
  static final Set<String> NAMES = java.util.Arrays.stream(KpiParameters.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());
  static final List<String> DIMENSIONS = List.of("category", "channel", "team", "severity", "product", "priority");
  /** Longest period one request may ask for (about ten years): keeps a typo from scanning the whole history. */
  static final int MAX_DAYS = 3660;

  /** The parameters of one request, which takes the filters and {@code extra}; blank means absent. */
  static KpiParameters read(FormBinding binding, Map<String, String> params, Set<String> extra) {
    Map<String, String> given = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    params.forEach((name, value) -> {
      if (NAMES.contains(name) && !FILTERS.contains(name) && !extra.contains(name)) {
        errors.add(new FieldError(name, UNKNOWN));
      } else if (value != null && !value.isBlank()) {
        given.put(name, value.strip());
      }
    });
    FormBinding.Bound<KpiParameters> bound = binding.bind(given, KpiParameters.class);
    errors.addAll(bound.errors());
    if (!errors.isEmpty()) {
      throw new SubmissionRefused(errors.stream()
          .sorted(Comparator.comparing((FieldError e) -> !UNKNOWN.equals(e.reason()))).toList());
    }
    return bound.form();
  }

  /** The filters with the period filled in: the twelve months up to {@code to}, or up to today. */
  KpiQuery query(Objectives objectives) {
    LocalDate today = EngineClock.now().atZoneSameInstant(objectives.zone()).toLocalDate();
    LocalDate until = to;
    if (until == null) {
      until = from != null && from.plusYears(1).minusDays(1).isBefore(today) ? from.plusYears(1).minusDays(1) : today;
    }
    LocalDate since = from == null ? until.minusYears(1).plusDays(1) : from;
    if (until.isBefore(since)) {
      throw SubmissionRefused.of("to", "must not be before from");
    }
    if (since.plusDays(MAX_DAYS).isBefore(until)) {
      throw SubmissionRefused.of("to", "a period may cover at most " + MAX_DAYS + " days");
    }
    return new KpiQuery(since, until, category, product, channel, team, severity);
  }

  Kpis.Interval trendInterval() {
    return "week".equals(interval) ? Kpis.Interval.WEEK : Kpis.Interval.MONTH;
  }

  String requiredDimension() {
    if (dimension == null) {
      throw SubmissionRefused.of("dimension", "must be one of " + String.join(", ", DIMENSIONS));
    }
    return dimension;
  }

  int pageOrFirst() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? 50 : size;
  }
}
