package org.redress.improvement.monitoring;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the KPIs: set-based sums over complaint_status (one row per complaint, milestones
 * kept by the process steps) with the survey answers, never Camunda's history. Same SQL on H2 and
 * PostgreSQL.
 */
@Repository
class KpiFigures {

  /** What a population's figures are grouped by. */
  enum Grouping {
    NONE(null), CATEGORY("s.category"), CHANNEL("s.channel"), TEAM("s.team"), SEVERITY("s.severity"),
    PRODUCT("s.product"), PRIORITY("s.assessed_priority"), DAY(null);

    private final String column;

    Grouping(String column) {
      this.column = column;
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

  KpiFigures(JdbcClient jdbc, Objectives objectives) {
    this.jdbc = jdbc;
    this.objectives = objectives;
  }

  OffsetDateTime start(KpiQuery q) {
    return q.from().atStartOfDay(objectives.zone()).toOffsetDateTime();
  }

  OffsetDateTime end(KpiQuery q) {
    return q.to().plusDays(1).atStartOfDay(objectives.zone()).toOffsetDateTime();
  }

  /** Sums of one population in the query's period, grouped as asked. */
  List<Figures> sums(Population population, KpiQuery q, Grouping grouping) {
    String group = switch (grouping) {
      case NONE -> null;
      // whole days since the epoch in the reporting zone (its offset at the period's start); the offset is
      // written into the SQL, since PostgreSQL sees a bind parameter in SELECT and GROUP BY as two expressions
      case DAY -> "FLOOR((EXTRACT(EPOCH FROM " + population.milestone() + ") + "
          + start(q).getOffset().getTotalSeconds() + ") / 86400)";
      default -> grouping.column;
    };
    StringBuilder sql = new StringBuilder("SELECT ");
    if (group != null) {
      sql.append(group).append(" AS bucket, ");
    }
    sql.append("COUNT(*) AS n").append(population.sums()).append(" FROM complaint_status s");
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
    return bind(jdbc.sql("SELECT COUNT(*) FROM complaint_status s WHERE " + column + " = :cause"
            + " AND s.received_at >= :from AND s.received_at < :to" + filters(q))
        .param("cause", causeCode).param("from", from).param("to", to), q)
        .query(Long.class).single();
  }

  static String filters(KpiQuery q) {
    StringBuilder where = new StringBuilder();
    if (q.category() != null) {
      where.append(" AND s.category = :category");
    }
    if (q.product() != null) {
      where.append(" AND s.product = :product");
    }
    if (q.channel() != null) {
      where.append(" AND s.channel = :channel");
    }
    if (q.team() != null) {
      where.append(" AND s.team = :team");
    }
    if (q.severity() != null) {
      where.append(" AND s.severity = :severity");
    }
    return where.toString();
  }

  static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, KpiQuery q) {
    if (q.category() != null) {
      statement = statement.param("category", q.category());
    }
    if (q.product() != null) {
      statement = statement.param("product", q.product());
    }
    if (q.channel() != null) {
      statement = statement.param("channel", q.channel());
    }
    if (q.team() != null) {
      statement = statement.param("team", q.team());
    }
    if (q.severity() != null) {
      statement = statement.param("severity", q.severity());
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
