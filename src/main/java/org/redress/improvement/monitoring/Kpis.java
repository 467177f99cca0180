package org.redress.improvement.monitoring;

import static org.redress.improvement.monitoring.KpiDefinition.*;

import org.redress.escalation.WorkingCalendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.improvement.monitoring.KpiFigures.Figures;
import org.redress.improvement.monitoring.KpiFigures.Grouping;
import org.springframework.stereotype.Service;

/**
 * Complaints-handling KPIs against their objectives (ISO 10002 8.4, 6.2) for the dashboard, the CSV
 * export, the self-assessment and the management review. Each KPI's population is in {@link KpiDefinition}.
 */
@Service
public class Kpis {

  static final List<String> AGE_BANDS = List.of("0-7 days", "8-30 days", "31-90 days", "over 90 days");
  private static final double HOUR = 3600;
  private static final double DAY = 86400;

  private final KpiFigures figures;
  private final Objectives objectives;
  private final WorkingCalendar calendar;

  public Kpis(KpiFigures figures, Objectives objectives, WorkingCalendar calendar) {
    this.calendar = calendar;
    this.figures = figures;
    this.objectives = objectives;
  }

  public Objectives objectives() {
    return objectives;
  }

  /** All KPIs of the period, with target and whether each is met. */
  public KpiReport report(KpiQuery query) {
    List<Kpi> kpis = new ArrayList<>();
    Figures received = one(figures.sums(Population.RECEIVED, query, Grouping.NONE));
    Figures acknowledged = one(figures.sums(Population.ACKNOWLEDGED, query, Grouping.NONE));
    Figures firstResponse = one(figures.sums(Population.FIRST_RESPONSE, query, Grouping.NONE));
    Figures decided = one(figures.sums(Population.DECIDED, query, Grouping.NONE));
    Figures closed = one(figures.sums(Population.CLOSED, query, Grouping.NONE));

    Map<String, Long> byStage = new LinkedHashMap<>();
    for (ComplaintStatus status : ComplaintStatus.values()) {
      if (status != ComplaintStatus.CLOSED) {
        byStage.put(status.name(), 0L);
      }
    }
    Map<String, Long> byAge = new LinkedHashMap<>();
    AGE_BANDS.forEach(band -> byAge.put(band, 0L));
    long open = 0;
    long targeted = 0;
    long overdue = 0;
    for (Figures f : figures.open(query)) {
      String[] stageAndBand = f.group().toString().split("\\|");
      byStage.merge(stageAndBand[0], f.count("n"), Long::sum);
      byAge.merge(stageAndBand[1], f.count("n"), Long::sum);
      open += f.count("n");
      targeted += f.count("targeted");
      overdue += f.count("overdue");
    }

    kpis.add(measure(RECEIVED, (double) received.count("n"), received.count("n")));
    kpis.add(measure(OPEN, (double) open, open));
    kpis.add(measure(OPEN_OVERDUE, share(overdue, targeted), targeted));
    kpis.add(measure(TIME_TO_ACKNOWLEDGE, average(acknowledged, HOUR), acknowledged.count("n")));
    kpis.add(measure(ACKNOWLEDGED_WITHIN_TARGET, share(acknowledged.count("within"), acknowledged.count("n")),
        acknowledged.count("n")));
    kpis.add(measure(TIME_TO_FIRST_RESPONSE, average(firstResponse, DAY), firstResponse.count("n")));
    kpis.add(measure(TIME_TO_DECISION, average(decided, DAY), decided.count("n")));
    kpis.add(measure(TIME_TO_DECISION_WORKING, decided.count("n") == 0 ? null
        : round(decided.total("working_seconds") / decided.count("n") / calendar.workingDay().toSeconds()), decided.count("n")));
    kpis.add(measure(TIME_TO_CLOSE, average(closed, DAY), closed.count("n")));
    kpis.add(measure(WITHIN_TARGET, share(decided.count("within"), decided.count("targeted")), decided.count("targeted")));
    Map<Object, Figures> byPriority = new LinkedHashMap<>();
    figures.sums(Population.DECIDED, query, Grouping.PRIORITY).forEach(f -> byPriority.put(f.group(), f));
    for (KpiDefinition kpi : List.of(WITHIN_TARGET_P25, WITHIN_TARGET_P50, WITHIN_TARGET_P75, WITHIN_TARGET_P100)) {
      Figures f = byPriority.get(Integer.valueOf(kpi.id().substring("within-target-p".length())));
      long basis = f == null ? 0 : f.count("targeted");
      kpis.add(measure(kpi, f == null ? null : share(f.count("within"), basis), basis));
    }
    long closedCount = closed.count("n");
    kpis.add(measure(ESCALATED, share(closed.count("escalated"), closedCount), closedCount));
    kpis.add(measure(REJECTED, share(closed.count("rejected"), closedCount), closedCount));
    kpis.add(measure(REVIEWED_INTERNALLY, share(closed.count("reviewed"), closedCount), closedCount));
    kpis.add(measure(REFERRED_OUTSIDE, share(closed.count("referred"), closedCount), closedCount));
    kpis.add(measure(DEEMED_ACCEPTED, share(closed.count("deemed"), closedCount), closedCount));
    long answered = closed.count("answered");
    kpis.add(measure(SATISFACTION, answered == 0 ? null : round(closed.total("rating_sum") / answered), answered));
    kpis.add(measure(SURVEY_RESPONSE_RATE, share(answered, closedCount), closedCount));
    Map<Integer, Long> distribution = new LinkedHashMap<>();
    for (int rating = 1; rating <= 5; rating++) {
      distribution.put(rating, closed.count("r" + rating));
    }
    List<KpiReport.Recurrence> recurrence = recurrence(query);
    double before = recurrence.stream().mapToDouble(KpiReport.Recurrence::perDayBefore).sum();
    double after = recurrence.stream().mapToDouble(KpiReport.Recurrence::perDayAfter).sum();
    kpis.add(measure(RECURRENCE, before == 0 ? null : round(100 * after / before), recurrence.size()));
    return new KpiReport(query, EngineClock.now(), List.copyOf(kpis), byStage, byAge, distribution, recurrence);
  }

  /** Teams that complaints were ever assigned to, for the team filter. */
  public List<String> teams() {
    return figures.teams();
  }

  /** A KPI by id for a query (the management review's and self-assessment's shortcut). */
  public Kpi kpi(KpiQuery query, KpiDefinition definition) {
    return report(query).kpi(definition.id()).orElseThrow();
  }

  /**
   * The main KPIs per month or week of the period (trend charts): received, closed, average time to
   * close, share decided within target, share escalated, average satisfaction, each with its target.
   */
  public Trend trend(KpiQuery query, Interval interval) {
    Map<LocalDate, long[]> received = new LinkedHashMap<>();
    Map<LocalDate, double[]> closed = new LinkedHashMap<>();
    Map<LocalDate, long[]> decided = new LinkedHashMap<>();
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate start = interval.bucketStart(query.from()); !start.isAfter(query.to()); start = interval.next(start)) {
      starts.add(start);
      received.put(start, new long[1]);
      closed.put(start, new double[5]);
      decided.put(start, new long[2]);
    }
    for (Figures f : figures.sums(Population.RECEIVED, query, Grouping.DAY)) {
      received.get(bucket(f, interval))[0] += f.count("n");
    }
    for (Figures f : figures.sums(Population.CLOSED, query, Grouping.DAY)) {
      double[] sums = closed.get(bucket(f, interval));
      sums[0] += f.count("n");
      sums[1] += f.total("seconds");
      sums[2] += f.count("escalated");
      sums[3] += f.count("answered");
      sums[4] += f.total("rating_sum");
    }
    for (Figures f : figures.sums(Population.DECIDED, query, Grouping.DAY)) {
      long[] sums = decided.get(bucket(f, interval));
      sums[0] += f.count("targeted");
      sums[1] += f.count("within");
    }
    List<Trend.Point> points = new ArrayList<>();
    for (LocalDate start : starts) {
      double[] c = closed.get(start);
      long[] d = decided.get(start);
      LocalDate end = interval.next(start).minusDays(1);
      points.add(new Trend.Point(start, end.isAfter(query.to()) ? query.to() : end, received.get(start)[0], (long) c[0],
          c[0] == 0 ? null : round(c[1] / c[0] / DAY), share(d[1], d[0]), share((long) c[2], (long) c[0]),
          c[3] == 0 ? null : round(c[4] / c[3])));
    }
    Map<String, Double> targets = new LinkedHashMap<>();
    for (KpiDefinition kpi : List.of(TIME_TO_CLOSE, WITHIN_TARGET, ESCALATED, SATISFACTION)) {
      targets.put(kpi.id(), objectives.target(kpi));
    }
    return new Trend(query, interval, points, targets);
  }

  /** Figures by one dimension (category, channel, team, severity, product, priority) for the breakdown charts. */
  public List<Breakdown> breakdown(KpiQuery query, String dimension) {
    Grouping grouping = Grouping.dimension(dimension);
    Map<String, Breakdown.Builder> rows = new LinkedHashMap<>();
    for (Figures f : figures.sums(Population.RECEIVED, query, grouping)) {
      rows.computeIfAbsent(key(f), Breakdown.Builder::new).received = f.count("n");
    }
    for (Figures f : figures.sums(Population.CLOSED, query, grouping)) {
      Breakdown.Builder row = rows.computeIfAbsent(key(f), Breakdown.Builder::new);
      row.closed = f.count("n");
      row.timeToClose = f.count("n") == 0 ? null : round(f.total("seconds") / f.count("n") / DAY);
      row.escalated = share(f.count("escalated"), f.count("n"));
      row.satisfaction = f.count("answered") == 0 ? null : round(f.total("rating_sum") / f.count("answered"));
    }
    for (Figures f : figures.sums(Population.DECIDED, query, grouping)) {
      rows.computeIfAbsent(key(f), Breakdown.Builder::new).withinTarget = share(f.count("within"), f.count("targeted"));
    }
    return rows.values().stream().map(Breakdown.Builder::build)
        .sorted((a, b) -> Long.compare(b.received() + b.closed(), a.received() + a.closed())).toList();
  }

  private List<KpiReport.Recurrence> recurrence(KpiQuery query) {
    List<Map<String, Object>> actions = figures.implementedActions(query);
    List<KpiReport.Recurrence> result = new ArrayList<>();
    OffsetDateTime now = EngineClock.now();
    Duration window = objectives.recurrenceWindow();
    for (Map<String, Object> action : actions) {
      OffsetDateTime implemented = KpiFigures.timestamp(action.get("implemented_at"));
      String kind = String.valueOf(action.get("cause_kind"));
      String code = String.valueOf(action.get("cause_code"));
      OffsetDateTime afterEnd = implemented.plus(window).isBefore(now) ? implemented.plus(window) : now;
      long before = figures.complaintsForCause(kind, code, implemented.minus(window), implemented, query);
      long after = figures.complaintsForCause(kind, code, implemented, afterEnd, query);
      double afterDays = Duration.between(implemented, afterEnd).toSeconds() / DAY;
      double windowDays = window.toSeconds() / DAY;
      result.add(new KpiReport.Recurrence(((Number) action.get("id")).longValue(), kind, code, implemented, before, after,
          before / windowDays, afterDays <= 0 ? 0 : after / afterDays));
    }
    return result;
  }

  private LocalDate bucket(Figures f, Interval interval) {
    LocalDate day = LocalDate.ofEpochDay(((Number) f.group()).longValue());
    return interval.bucketStart(day);
  }

  private static String key(Figures f) {
    return f.group() == null ? "(none)" : f.group().toString();
  }

  private Kpi measure(KpiDefinition definition, Double value, long basis) {
    return definition.measured(value == null ? null : round(value), objectives.target(definition), basis,
        objectives.minimumSample());
  }

  private static Figures one(List<Figures> rows) {
    return rows.isEmpty() ? new Figures(null, Map.of()) : rows.get(0);
  }

  private static Double average(Figures f, double unit) {
    long n = f.count("n");
    return n == 0 ? null : round(f.total("seconds") / n / unit);
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Trend buckets: calendar months or ISO weeks (Monday to Sunday). */
  public enum Interval {
    MONTH, WEEK;

    LocalDate bucketStart(LocalDate day) {
      return this == MONTH ? day.withDayOfMonth(1) : day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    LocalDate next(LocalDate start) {
      return this == MONTH ? start.plusMonths(1) : start.plus(1, ChronoUnit.WEEKS);
    }
  }

  /** KPIs per bucket; the first and last bucket may be cut by the period. */
  public record Trend(KpiQuery query, Interval interval, List<Point> points, Map<String, Double> targets) {
    public record Point(LocalDate from, LocalDate to, long received, long closed, Double timeToClose,
        Double withinTarget, Double escalated, Double satisfaction) {}
  }

  /** One value of a dimension: received and closed in the period, and the main KPIs of those. */
  public record Breakdown(String value, long received, long closed, Double timeToClose, Double withinTarget,
      Double escalated, Double satisfaction) {

    static final class Builder {
      final String value;
      long received;
      long closed;
      Double timeToClose;
      Double withinTarget;
      Double escalated;
      Double satisfaction;

      Builder(String value) {
        this.value = value;
      }

      Breakdown build() {
        return new Breakdown(value, received, closed, timeToClose, withinTarget, escalated, satisfaction);
      }
    }
  }
}
