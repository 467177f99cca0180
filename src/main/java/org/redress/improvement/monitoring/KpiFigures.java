package org.redress.improvement.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the KPIs: sums from the daily summary (kpi_daily, kept by {@link KpiSummary}) or, for
 * queries it does not cover, set-based sums over complaint_status (one row per complaint, milestones
 * kept by the process steps) with the survey answers; never Camunda's history. Same SQL on H2 and
 * PostgreSQL.
 */
@Repository
class KpiFigures {

  /** What a population's figures are grouped by. */
  enum Grouping {
    NONE(null), CATEGORY(Dimension.CATEGORY), CHANNEL(Dimension.CHANNEL), TEAM(Dimension.TEAM),
    SEVERITY(Dimension.SEVERITY), PRODUCT(Dimension.PRODUCT), PRIORITY(Dimension.PRIORITY), DAY(null);

    private final Dimension dimension;

    Grouping(Dimension dimension) {
      this.dimension = dimension;
    }

    static Grouping dimension(String name) {
      return switch (name) {
        case "category" -> CATEGORY;
        case "channel" -> CHANNEL;
        case "team" -> TEAM;
        case "severity" -> SEVERITY;
        case "product" -> PRODUCT;
        case "priority" -> PRIORITY;
        default -> throw new IllegalArgumentException("no dimension " + name);
      };
    }
  }

  /** One group's sums, keyed by lower-case column name ("n", "seconds", "within", …). */
  record Figures(Object group, Map<String, Number> sums) {
    long count(String name) {
      Number n = sums.get(name);
      return n == null ? 0 : n.longValue();
    }

    double total(String name) {
      Number n = sums.get(name);
      return n == null ? 0 : n.doubleValue();
    }
  }

  private final JdbcClient jdbc;
  private final Objectives objectives;
  private final KpiSummary summary;

  KpiFigures(JdbcClient jdbc, Objectives objectives, KpiSummary summary) {
    this.jdbc = jdbc;
    this.objectives = objectives;
    this.summary = summary;
  }

  OffsetDateTime start(KpiQuery q) {
    return q.from().atStartOfDay(objectives.zone()).toOffsetDateTime();
  }

  OffsetDateTime end(KpiQuery q) {
    return q.to().plusDays(1).atStartOfDay(objectives.zone()).toOffsetDateTime();
  }

  /**
   * Sums of one population in the query's period, grouped as asked: from the daily summary when the
   * filters and the grouping together name at most two dimensions (it holds every pair), else (or while
   * the summary is being built) from the complaints themselves.
   */
  List<Figures> sums(Population population, KpiQuery q, Grouping grouping) {
    Map<Dimension, String> filters = filterValues(q);
    Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
    dimensions.addAll(filters.keySet());
    if (grouping.dimension != null) {
      dimensions.add(grouping.dimension);
    }
    return dimensions.size() <= 2 && summary.catchUp()
        ? summed(population, q, grouping, filters, List.copyOf(dimensions))
        : counted(population, q, grouping);
  }

  /** From kpi_daily: the facet of the dimensions, its rows of the period's days, filtered and grouped by value. */
  private List<Figures> summed(Population population, KpiQuery q, Grouping grouping, Map<Dimension, String> filters,
      List<Dimension> dimensions) {
    String facet = KpiSummary.facet(dimensions);
    String bucket = grouping == Grouping.DAY ? "report_day"
        : grouping.dimension == null ? null : "value" + (dimensions.indexOf(grouping.dimension) + 1);
    StringBuilder sql = new StringBuilder("SELECT ");
    if (bucket != null) {
      sql.append(bucket).append(" AS bucket, ");
    }
    sql.append(String.join(", ", Population.SUMS.stream()
        .map(name -> "SUM(" + KpiSummary.column(name) + ") AS " + name).toList()));
    sql.append(" FROM kpi_daily WHERE population = :population AND facet = :facet AND report_day >= :from AND report_day <= :to");
    for (int i = 0; i < dimensions.size(); i++) {
      if (filters.containsKey(dimensions.get(i))) {
        sql.append(" AND value").append(i + 1).append(" = :value").append(i + 1);
      }
    }
    if (bucket != null) {
      sql.append(" GROUP BY ").append(bucket);
    }
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
        .param("population", population.name()).param("facet", facet).param("from", q.from()).param("to", q.to());
    for (int i = 0; i < dimensions.size(); i++) {
      if (filters.containsKey(dimensions.get(i))) {
        statement = statement.param("value" + (i + 1), filters.get(dimensions.get(i)));
      }
    }
    List<Figures> result = new ArrayList<>();
    for (Figures f : rows(statement, bucket != null)) {
      result.add(new Figures(summaryGroup(f.group(), grouping), f.sums()));
    }
    return result;
  }

  /** A summary row's bucket as the complaint query would give it: epoch day, priority number, null for "not set". */
  private static Object summaryGroup(Object value, Grouping grouping) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toEpochDay();
    }
    if (value instanceof LocalDate date) {
      return date.toEpochDay();
    }
    if (value == null || value.toString().isEmpty()) {
      return null;
    }
    return grouping == Grouping.PRIORITY ? Integer.valueOf(value.toString()) : value;
  }

  /** From complaint_status: for three or more dimensions at once, which the summary does not hold. */
  List<Figures> counted(Population population, KpiQuery q, Grouping grouping) {
    String group = switch (grouping) {
      case NONE -> null;
      // whole days since the epoch in the reporting zone (its offset at the period's start); the offset is
      // written into the SQL, since PostgreSQL sees a bind parameter in SELECT and GROUP BY as two expressions
      case DAY -> "FLOOR((EXTRACT(EPOCH FROM " + population.milestone() + ") + "
          + start(q).getOffset().getTotalSeconds() + ") / 86400)";
      default -> grouping.dimension.column();
    };
    StringBuilder sql = new StringBuilder("SELECT ");
    if (group != null) {
      sql.append(group).append(" AS bucket, ");
    }
    sql.append(population.sums()).append(" FROM complaint_status s");
    if (population.needsSurvey()) {
      sql.append(" LEFT JOIN satisfaction_survey v ON v.reference = s.reference");
    }
    sql.append(" WHERE ").append(population.milestone()).append(" >= :start AND ")
        .append(population.milestone()).append(" < :end").append(filters(q));
    if (group != null) {
      sql.append(" GROUP BY ").append(group);
    }
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
        .param("start", start(q))
        .param("end", end(q));
    if (sql.indexOf(":acknowledgeWithin") >= 0) {
      statement = statement.param("acknowledgeWithin", objectives.acknowledgeWithin().toSeconds());
    }
    return rows(bind(statement, q), group != null);
  }

  /** Open complaints now, by status and age band, with how many are past their response target. */
  List<Figures> open(KpiQuery q) {
    OffsetDateTime now = EngineClock.now();
    String age = "(" + now.toEpochSecond() + " - EXTRACT(EPOCH FROM s.received_at))"; // a literal: see sums()
    String band = "CASE WHEN " + age + " < 8 * 86400 THEN '0-7 days' WHEN " + age + " < 31 * 86400 THEN '8-30 days' "
        + "WHEN " + age + " < 91 * 86400 THEN '31-90 days' ELSE 'over 90 days' END";
    String sql = "SELECT s.status AS stage, " + band + " AS band, COUNT(*) AS n, "
        + "SUM(CASE WHEN s.response_due_at IS NOT NULL THEN 1 ELSE 0 END) AS targeted, "
        + "SUM(CASE WHEN s.response_due_at < :now AND s.decision_communicated_at IS NULL THEN 1 ELSE 0 END) AS overdue "
        + "FROM complaint_status s WHERE s.closed_at IS NULL AND s.received_at <= :now" + filters(q)
        + " GROUP BY s.status, " + band;
    List<Figures> result = new ArrayList<>();
    for (Map<String, Object> row : bind(jdbc.sql(sql).param("now", now), q)
        .query().listOfRows()) {
      Map<String, Object> lower = lower(row);
      result.add(new Figures(lower.get("stage") + "|" + lower.get("band"), numbers(lower)));
    }
    return result;
  }

  /** Corrective actions implemented in the period (contract table corrective_action, issue 6). */
  List<Map<String, Object>> implementedActions(KpiQuery q) {
    return jdbc.sql("""
            SELECT id, cause_kind, cause_code, implemented_at FROM corrective_action
            WHERE implemented_at >= :start AND implemented_at < :end ORDER BY implemented_at, id""")
        .param("start", start(q)).param("end", end(q))
        .query().listOfRows().stream().map(KpiFigures::lower).toList();
  }

  /** Complaints for one cause received in [from, to), with the query's filters. */
  long complaintsForCause(String causeKind, String causeCode, OffsetDateTime from, OffsetDateTime to, KpiQuery q) {
    String column = switch (causeKind) {
      case "category" -> "s.category";
      case "product" -> "s.product";
      case "root-cause" -> "s.root_cause";
      default -> null;
    };
    if (column == null || !from.isBefore(to)) {
      return 0;
    }
    String filtered = causeKind.equals("category") ? q.category() : causeKind.equals("product") ? q.product() : null;
    if (filtered != null && !filtered.equals(causeCode)) {
      return 0; // the query filters on another category or product
    }
    KpiQuery cause = causeKind.equals("category") ? q.withCategory(causeCode)
        : causeKind.equals("product") ? q.withProduct(causeCode) : null;
    if (cause == null || filterValues(cause).size() > 2) {
      return countReceived(column, causeCode, from, to, q);
    }
    // whole days of the window from the summary, the cut days at either end from the complaints
    LocalDate firstWholeDay = from.atZoneSameInstant(objectives.zone()).toLocalDate();
    if (firstWholeDay.atStartOfDay(objectives.zone()).toInstant().isBefore(from.toInstant())) {
      firstWholeDay = firstWholeDay.plusDays(1);
    }
    LocalDate lastDay = to.atZoneSameInstant(objectives.zone()).toLocalDate();
    if (!firstWholeDay.isBefore(lastDay)) {
      return countReceived(column, causeCode, from, to, q);
    }
    OffsetDateTime wholeDaysStart = firstWholeDay.atStartOfDay(objectives.zone()).toOffsetDateTime();
    OffsetDateTime wholeDaysEnd = lastDay.atStartOfDay(objectives.zone()).toOffsetDateTime();
    long wholeDays = one(sums(Population.RECEIVED, cause.over(firstWholeDay, lastDay.minusDays(1)), Grouping.NONE));
    return countReceived(column, causeCode, from, wholeDaysStart, q) + wholeDays
        + countReceived(column, causeCode, wholeDaysEnd, to, q);
  }

  private static long one(List<Figures> rows) {
    return rows.isEmpty() ? 0 : rows.get(0).count("n");
  }

  private long countReceived(String column, String causeCode, OffsetDateTime from, OffsetDateTime to, KpiQuery q) {
    if (!from.isBefore(to)) {
      return 0;
    }
    return bind(jdbc.sql("SELECT COUNT(*) FROM complaint_status s WHERE " + column + " = :cause"
            + " AND s.received_at >= :from AND s.received_at < :to" + filters(q))
        .param("cause", causeCode).param("from", from).param("to", to), q)
        .query(Long.class).single();
  }

  /** Teams that complaints were ever assigned to (the dashboard's team filter), from the summary. */
  List<String> teams() {
    String sql = summary.catchUp()
        ? "SELECT DISTINCT value1 FROM kpi_daily WHERE population = 'RECEIVED' AND facet = 'team' AND value1 <> ''"
          + " ORDER BY value1"
        : "SELECT DISTINCT team FROM complaint_status WHERE team IS NOT NULL ORDER BY team";
    return jdbc.sql(sql).query(String.class).list();
  }

  /** The query's filters by dimension, in dimension order. */
  static Map<Dimension, String> filterValues(KpiQuery q) {
    Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
    if (q.category() != null) {
      filters.put(Dimension.CATEGORY, q.category());
    }
    if (q.product() != null) {
      filters.put(Dimension.PRODUCT, q.product());
    }
    if (q.channel() != null) {
      filters.put(Dimension.CHANNEL, q.channel());
    }
    if (q.team() != null) {
      filters.put(Dimension.TEAM, q.team());
    }
    if (q.severity() != null) {
      filters.put(Dimension.SEVERITY, q.severity());
    }
    return filters;
  }

  /** The query's filters as SQL conditions on complaint_status s, with named parameters (see {@link #bind}). */
  static String filters(KpiQuery q) {
    StringBuilder where = new StringBuilder();
    filterValues(q).keySet().forEach(d -> where.append(" AND ").append(d.column()).append(" = :").append(d.key()));
    return where.toString();
  }

  static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, KpiQuery q) {
    for (Map.Entry<Dimension, String> filter : filterValues(q).entrySet()) {
      statement = statement.param(filter.getKey().key(), filter.getValue());
    }
    return statement;
  }

  private static List<Figures> rows(JdbcClient.StatementSpec statement, boolean grouped) {
    List<Figures> result = new ArrayList<>();
    for (Map<String, Object> row : statement.query().listOfRows()) {
      Map<String, Object> lower = lower(row);
      Object group = grouped ? lower.get("bucket") : null;
      if (group instanceof Number n && !(group instanceof Integer)) {
        group = n.longValue();
      }
      result.add(new Figures(group, numbers(lower)));
    }
    return result;
  }

  private static Map<String, Number> numbers(Map<String, Object> row) {
    Map<String, Number> sums = new HashMap<>();
    row.forEach((k, v) -> {
      if (v instanceof Number n && !k.equals("bucket")) {
        sums.put(k, n);
      }
    });
    return sums;
  }

  /** H2 answers column labels in upper case, PostgreSQL in lower case. */
  static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> lower = new HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  /** A TIMESTAMP WITH TIME ZONE as the drivers return it (H2: OffsetDateTime; PostgreSQL: Timestamp). */
  static OffsetDateTime timestamp(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }
}
