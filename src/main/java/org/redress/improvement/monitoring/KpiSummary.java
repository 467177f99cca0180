package org.redress.improvement.monitoring;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.redress.complaint.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily KPI summary (kpi_daily, V12) in step with complaint_status and the survey answers.
 * Writers only append to kpi_change (see {@link org.redress.complaint.KpiChanges}); before a KPI is read
 * from the summary, {@link #catchUp()} recounts every (population, day) those changes touch, from the
 * complaints themselves. Recounting whole days rather than adding deltas means a recount is always
 * exact, however often a complaint changed. The summary is rebuilt when the reporting zone or the
 * acknowledgement target changes, since both decide what it holds.
 */
@Component
class KpiSummary {

  private static final Logger log = LoggerFactory.getLogger(KpiSummary.class);
  private static final int CHANGES_PER_BATCH = 5000;
  /** Days recounted per query: at about a thousand complaints a day, a month's complaints in memory at most. */
  private static final int DAYS_PER_RECOUNT = 31;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final Objectives objectives;
  private final TransactionTemplate transaction;
  /** One catch-up at a time on this node; the kpi_summary_state row lock does the same across nodes. */
  final ReentrantLock catchingUp = new ReentrantLock();
  private volatile boolean builtForThisConfiguration;

  KpiSummary(JdbcTemplate jdbcTemplate, Objectives objectives, PlatformTransactionManager transactions) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.jdbcTemplate = jdbcTemplate;
    this.objectives = objectives;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Brings the summary up to date with every change committed before this call, and says whether it can
   * be read. Cheap when nothing changed; {@link KpiSummaryUpkeep} calls {@link #buildAndCatchUp()} in the
   * background so that readers seldom wait. Readers never build: while the summary is not built for the
   * configured zone (after an upgrade that takes minutes at a million complaints), or while another
   * thread is building it, this answers false at once and the caller counts the complaints instead.
   */
  boolean catchUp() {
    return catchUp(false);
  }

  /** As {@link #catchUp()}, but (re)builds the summary when it was built for another configuration, or never. */
  boolean buildAndCatchUp() {
    return catchUp(true);
  }

  private boolean catchUp(boolean mayBuild) {
    if (builtForThisConfiguration) {
      if (!changesWaiting()) {
        return true;
      }
      catchingUp.lock();
    } else if (!catchingUp.tryLock()) {
      return false;
    }
    try {
      if (!mayBuild && !configuration().equals(builtFor())) {
        // not built for this configuration (or being rebuilt by a node with another one): without waiting
        // for the build's row lock, count the complaints instead
        builtForThisConfiguration = false;
        return false;
      }
      Batch batch = Batch.MORE;
      while (batch == Batch.MORE) {
        batch = transaction.execute(status -> catchUpOneBatch(mayBuild));
      }
      builtForThisConfiguration = batch == Batch.DONE;
      return builtForThisConfiguration;
    } finally {
      catchingUp.unlock();
    }
  }

  /** What one catch-up transaction left: more changes, none, or a summary a reader may not (re)build. */
  private enum Batch { MORE, DONE, NOT_BUILT }

  private String builtFor() {
    return jdbc.sql("SELECT built_for FROM kpi_summary_state WHERE id = 1").query(String.class).optional().orElse(null);
  }

  private boolean changesWaiting() {
    return jdbc.sql("SELECT MIN(id) FROM kpi_change").query(Long.class).optional().isPresent();
  }

  /**
   * One transaction: rebuild if the configuration changed (only when allowed: readers leave that to the
   * upkeep, also when another node rebuilt it for its own configuration meanwhile), else recount the days
   * of up to a batch of changes.
   */
  private Batch catchUpOneBatch(boolean mayBuild) {
    String wanted = configuration();
    String builtFor = jdbc.sql("SELECT built_for FROM kpi_summary_state WHERE id = 1 FOR UPDATE")
        .query(String.class).optional().orElse(null);
    if (!wanted.equals(builtFor) && !mayBuild) {
      return Batch.NOT_BUILT;
    }
    List<Map<String, Object>> changes = jdbc.sql("""
            SELECT id, received_at, acknowledged_at, first_response_at, decision_communicated_at, closed_at
            FROM kpi_change ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(CHANGES_PER_BATCH))
        .query().listOfRows().stream().map(KpiFigures::lower).toList();
    if (!wanted.equals(builtFor)) {
      rebuild(wanted, builtFor);
    } else {
      Map<Population, SortedSet<LocalDate>> recounts = new EnumMap<>(Population.class);
      for (Map<String, Object> change : changes) {
        for (Population population : Population.values()) {
          Object at = change.get(population.milestoneColumn());
          if (at != null) {
            recounts.computeIfAbsent(population, p -> new TreeSet<>()).add(day(KpiFigures.timestamp(at)));
          }
        }
      }
      recounts.forEach(this::recount);
    }
    forget(changes);
    return changes.size() == CHANGES_PER_BATCH ? Batch.MORE : Batch.DONE;
  }

  /** Drops every summary row and counts each day that has a milestone again (the first start after V12). */
  private void rebuild(String configuration, String previous) {
    long started = System.nanoTime();
    log.info("Building the KPI summary (kpi_daily) for {}{}", configuration,
        previous == null ? "" : " (was built for " + previous + ")");
    jdbc.sql("DELETE FROM kpi_daily").update();
    int days = 0;
    for (Population population : Population.values()) {
      // database dates of the milestone, widened by a day each side: covers every reporting-zone day
      SortedSet<LocalDate> toCount = new TreeSet<>();
      for (LocalDate date : jdbc.sql("SELECT DISTINCT CAST(" + population.milestone() + " AS DATE) FROM complaint_status s"
          + " WHERE " + population.milestone() + " IS NOT NULL").query(LocalDate.class).list()) {
        toCount.add(date.minusDays(1));
        toCount.add(date);
        toCount.add(date.plusDays(1));
      }
      recount(population, toCount);
      days += toCount.size();
    }
    jdbc.sql("UPDATE kpi_summary_state SET built_for = :configuration, built_at = :now WHERE id = 1")
        .param("configuration", configuration).param("now", EngineClock.now()).update();
    log.info("KPI summary built: {} population-days in {} s", days,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /** Recounts the given days of one population, a bounded number of days per round trip. */
  private void recount(Population population, SortedSet<LocalDate> days) {
    List<LocalDate> sorted = new ArrayList<>(days);
    for (int from = 0; from < sorted.size(); from += DAYS_PER_RECOUNT) {
      recountDays(population, sorted.subList(from, Math.min(sorted.size(), from + DAYS_PER_RECOUNT)));
    }
  }

  /**
   * Replaces one population's rows for some days (sorted) with a fresh count of those days' complaints,
   * for every facet. The complaints are read in one query (one index range per run of consecutive days)
   * and added up here, rather than joined with the facets in SQL, which took several times as long; a
   * statement per day made a catch-up of changes scattered over a year cost seconds in round trips.
   */
  private void recountDays(Population population, List<LocalDate> days) {
    List<String> sums = Population.SUMS.stream().filter(name -> population.value(name) != null).toList();
    StringBuilder sql = new StringBuilder("SELECT ").append(population.milestone()).append(" AS milestone_at, ");
    sql.append(String.join(", ", Arrays.stream(Dimension.values()).map(Dimension::column).toList()));
    for (String name : sums) {
      // the survey answer is looked up per complaint (below), so read v.rating as that column
      sql.append(", ").append(population.value(name).replace("v.rating", "s.rating")).append(" AS ").append(name);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> ranges = new ArrayList<>();
    for (int i = 0; i < days.size(); ) {
      int last = i;
      while (last + 1 < days.size() && days.get(last + 1).equals(days.get(last).plusDays(1))) {
        last++;
      }
      ranges.add("(" + population.milestone() + " >= :start" + i + " AND " + population.milestone() + " < :end" + i + ")");
      params.put("start" + i, days.get(i).atStartOfDay(objectives.zone()).toOffsetDateTime());
      params.put("end" + i, days.get(last).plusDays(1).atStartOfDay(objectives.zone()).toOffsetDateTime());
      i = last + 1;
    }
    String inTheDays = "(" + String.join(" OR ", ranges) + ")";
    sql.append(population.needsSurvey()
        ? " FROM (SELECT s.*, (SELECT v.rating FROM satisfaction_survey v WHERE v.reference = s.reference) AS rating"
          + " FROM complaint_status s WHERE " + inTheDays + ") s"
        : " FROM complaint_status s WHERE " + inTheDays);
    if (sql.indexOf(":acknowledgeWithin") >= 0) {
      params.put("acknowledgeWithin", objectives.acknowledgeWithin().toSeconds());
    }
    Map<FacetRow, double[]> rows = new LinkedHashMap<>();
    int dimensions = Dimension.values().length;
    jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
      LocalDate day = day(KpiFigures.timestamp(rs.getObject(1)));
      String[] values = new String[dimensions];
      for (int i = 0; i < dimensions; i++) {
        Object value = rs.getObject(i + 2);
        values[i] = value == null ? "" : value.toString();
      }
      double[] complaint = new double[Population.SUMS.size()];
      for (int i = 0; i < Population.SUMS.size(); i++) {
        String name = Population.SUMS.get(i);
        complaint[i] = name.equals("n") ? 1 : sums.contains(name) ? rs.getDouble(name) : 0;
      }
      for (List<Dimension> facet : FACETS) {
        String value1 = facet.isEmpty() ? "" : values[facet.get(0).ordinal()];
        String value2 = facet.size() < 2 ? "" : values[facet.get(1).ordinal()];
        double[] total = rows.computeIfAbsent(new FacetRow(day, facet(facet), value1, value2),
            k -> new double[Population.SUMS.size()]);
        for (int i = 0; i < complaint.length; i++) {
          total[i] += complaint[i];
        }
      }
    });

    jdbc.sql("DELETE FROM kpi_daily WHERE population = :population AND report_day IN (:days)")
        .param("population", population.name()).param("days", days).update();
    List<Object[]> batch = new ArrayList<>();
    for (Map.Entry<FacetRow, double[]> row : rows.entrySet()) {
      Object[] values = new Object[5 + Population.SUMS.size()];
      values[0] = population.name();
      values[1] = row.getKey().facet();
      values[2] = row.getKey().day();
      values[3] = row.getKey().value1();
      values[4] = row.getKey().value2();
      for (int i = 0; i < Population.SUMS.size(); i++) {
        double total = row.getValue()[i];
        values[5 + i] = Population.SUMS.get(i).equals("seconds") ? (Object) total : (Object) Math.round(total);
      }
      batch.add(values);
    }
    // a few hundred rows per day: as multi-row INSERTs, which PostgreSQL takes several times faster than a JDBC
    // batch of single-row ones
    for (int from = 0; from < batch.size(); from += ROWS_PER_INSERT) {
      List<Object[]> rowsOfThisInsert = batch.subList(from, Math.min(batch.size(), from + ROWS_PER_INSERT));
      jdbcTemplate.update(INSERT + String.join(", ", Collections.nCopies(rowsOfThisInsert.size(), INSERT_ROW)),
          rowsOfThisInsert.stream().flatMap(Arrays::stream).toArray());
    }
  }

  /** The facets the summary is cut by: nothing, each dimension, each pair of dimensions (in dimension order). */
  static final List<List<Dimension>> FACETS = facets();

  private static List<List<Dimension>> facets() {
    List<List<Dimension>> facets = new ArrayList<>();
    facets.add(List.of());
    Dimension[] all = Dimension.values();
    for (Dimension dimension : all) {
      facets.add(List.of(dimension));
    }
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        facets.add(List.of(all[i], all[j]));
      }
    }
    return List.copyOf(facets);
  }

  /** A facet's name in kpi_daily: "all", "category", "category+channel". */
  static String facet(List<Dimension> dimensions) {
    return dimensions.isEmpty() ? "all" : String.join("+", dimensions.stream().map(Dimension::key).toList());
  }

  private static final int ROWS_PER_INSERT = 500;
  private static final String INSERT = "INSERT INTO kpi_daily (population, facet, report_day, value1, value2, "
      + String.join(", ", Population.SUMS.stream().map(KpiSummary::column).toList()) + ") VALUES ";
  private static final String INSERT_ROW = "(?, ?, ?, ?, ?" + ", ?".repeat(Population.SUMS.size()) + ")";

  private void forget(List<Map<String, Object>> changes) {
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> change : changes) {
      ids.add(((Number) change.get("id")).longValue());
      if (ids.size() == 500) {
        jdbc.sql("DELETE FROM kpi_change WHERE id IN (:ids)").param("ids", ids).update();
        ids.clear();
      }
    }
    if (!ids.isEmpty()) {
      jdbc.sql("DELETE FROM kpi_change WHERE id IN (:ids)").param("ids", ids).update();
    }
  }

  /** kpi_daily's column for a sum ("within" is a reserved word in SQL). */
  static String column(String sum) {
    return sum.equals("within") ? "within_target" : sum;
  }

  private LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(objectives.zone()).toLocalDate();
  }

  private String configuration() {
    return "zone " + objectives.zone().getId() + ", acknowledge within " + objectives.acknowledgeWithin();
  }

  private record FacetRow(LocalDate day, String facet, String value1, String value2) {}
}
