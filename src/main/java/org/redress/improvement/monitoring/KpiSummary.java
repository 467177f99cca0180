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
 * from the summary, {@link #catchUp()} applies those changes. The summary is, by construction, the sum over
 * kpi_counted (V14), which holds per complaint the facts it was counted with: catching up a changed complaint
 * subtracts its old contribution (its kpi_counted row), refreshes the row from complaint_status, and adds its
 * new contribution, so a round costs in proportion to the changes, not to the days they fall on (issue 13:
 * ten thousand progress updates on one day made every round recount that whole day). Old and new
 * contribution are both read from kpi_counted, in the catch-up's transaction, so a writer committing
 * meanwhile only leaves its kpi_change row for the next round. The summary is rebuilt (from kpi_counted,
 * refilled first) when the reporting zone or the acknowledgement target changes, since both decide what it
 * holds.
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
            SELECT id, reference, received_at, acknowledged_at, first_response_at, decision_communicated_at, closed_at
            FROM kpi_change ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(CHANGES_PER_BATCH))
        .query().listOfRows().stream().map(KpiFigures::lower).toList();
    if (!wanted.equals(builtFor)) {
      rebuild(wanted, builtFor);
    } else {
      applyChanges(changes.stream().map(change -> (String) change.get("reference")).distinct().toList());
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
    jdbc.sql("DELETE FROM kpi_counted").update();
    jdbc.sql("INSERT INTO kpi_counted (" + COUNTED + ") " + CURRENT_FACTS).update();
    int days = 0;
    for (Population population : Population.values()) {
      // database dates of the milestone, widened by a day each side: covers every reporting-zone day
      SortedSet<LocalDate> toCount = new TreeSet<>();
      for (LocalDate date : jdbc.sql("SELECT DISTINCT CAST(" + population.milestone() + " AS DATE) FROM kpi_counted s"
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
   * Replaces one population's rows for some days (sorted) with a fresh count of those days' complaints (as
   * kpi_counted holds them), for every facet. The complaints are read in one query (one index range per run
   * of consecutive days) and added up here, rather than joined with the facets in SQL, which took several
   * times as long; a statement per day made a rebuild cost seconds in round trips.
   */
  private void recountDays(Population population, List<LocalDate> days) {
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
    Map<FacetRow, double[]> rows = new LinkedHashMap<>();
    addUp(population, "(" + String.join(" OR ", ranges) + ")", params, 1, rows);
    jdbc.sql("DELETE FROM kpi_daily WHERE population = :population AND report_day IN (:days)")
        .param("population", population.name()).param("days", days).update();
    insert(population, rows);
  }

  /**
   * Adds (sign 1) or subtracts (sign -1) what the kpi_counted rows matching {@code where} contribute to one
   * population's summary rows, for every facet.
   */
  private void addUp(Population population, String where, Map<String, Object> params, int sign,
      Map<FacetRow, double[]> rows) {
    List<String> sums = Population.SUMS.stream().filter(name -> population.value(name) != null).toList();
    StringBuilder sql = new StringBuilder("SELECT ").append(population.milestone()).append(" AS milestone_at, ");
    sql.append(String.join(", ", Arrays.stream(Dimension.values()).map(Dimension::column).toList()));
    for (String name : sums) {
      // kpi_counted holds the survey answer as its column rating
      sql.append(", ").append(population.value(name).replace("v.rating", "s.rating")).append(" AS ").append(name);
    }
    sql.append(" FROM kpi_counted s WHERE ").append(population.milestone()).append(" IS NOT NULL AND ").append(where);
    Map<String, Object> allParams = new LinkedHashMap<>(params);
    if (sql.indexOf(":acknowledgeWithin") >= 0) {
      allParams.put("acknowledgeWithin", objectives.acknowledgeWithin().toSeconds());
    }
    int dimensions = Dimension.values().length;
    jdbc.sql(sql.toString()).params(allParams).query((ResultSet rs) -> {
      LocalDate day = day(KpiFigures.timestamp(rs.getObject(1)));
      String[] values = new String[dimensions];
      for (int i = 0; i < dimensions; i++) {
        Object value = rs.getObject(i + 2);
        values[i] = value == null ? "" : value.toString();
      }
      double[] complaint = new double[Population.SUMS.size()];
      for (int i = 0; i < Population.SUMS.size(); i++) {
        String name = Population.SUMS.get(i);
        complaint[i] = sign * (name.equals("n") ? 1 : sums.contains(name) ? rs.getDouble(name) : 0);
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
  }

  /**
   * Catches the summary up with changes to these complaints: their old contribution (kpi_counted) out, their
   * kpi_counted rows refreshed from complaint_status, their new contribution in. Only the summary rows whose
   * sums move are written; a row whose complaints are all gone is deleted, as a recount would leave it out.
   */
  private void applyChanges(List<String> references) {
    Map<Population, Map<FacetRow, double[]>> deltas = new EnumMap<>(Population.class);
    for (int from = 0; from < references.size(); from += REFERENCES_PER_QUERY) {
      Map<String, Object> params = Map.of("refs", references.subList(from,
          Math.min(references.size(), from + REFERENCES_PER_QUERY)));
      for (Population population : Population.values()) {
        addUp(population, "s.reference IN (:refs)", params, -1, deltas.computeIfAbsent(population,
            p -> new LinkedHashMap<>()));
      }
      jdbc.sql("DELETE FROM kpi_counted WHERE reference IN (:refs)").params(params).update();
      jdbc.sql("INSERT INTO kpi_counted (" + COUNTED + ") " + CURRENT_FACTS + " WHERE s.reference IN (:refs)")
          .params(params).update();
      for (Population population : Population.values()) {
        addUp(population, "s.reference IN (:refs)", params, 1, deltas.get(population));
      }
    }
    deltas.forEach(this::apply);
  }

  private static final int REFERENCES_PER_QUERY = 500;

  /** Adds one population's deltas to its summary rows: an UPDATE per moved row, an INSERT for a new one. */
  private void apply(Population population, Map<FacetRow, double[]> deltas) {
    List<Map.Entry<FacetRow, double[]>> moved = deltas.entrySet().stream()
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> Math.abs(v) > 1e-9)).toList();
    if (moved.isEmpty()) {
      return;
    }
    List<Object[]> updates = new ArrayList<>();
    for (Map.Entry<FacetRow, double[]> row : moved) {
      Object[] values = new Object[Population.SUMS.size() + 5];
      for (int i = 0; i < Population.SUMS.size(); i++) {
        values[i] = sumValue(i, row.getValue()[i]);
      }
      values[Population.SUMS.size()] = population.name();
      values[Population.SUMS.size() + 1] = row.getKey().facet();
      values[Population.SUMS.size() + 2] = row.getKey().day();
      values[Population.SUMS.size() + 3] = row.getKey().value1();
      values[Population.SUMS.size() + 4] = row.getKey().value2();
      updates.add(values);
    }
    int[] updated = jdbcTemplate.batchUpdate(UPDATE, updates);
    Map<FacetRow, double[]> added = new LinkedHashMap<>();
    for (int i = 0; i < moved.size(); i++) {
      if (updated[i] == 0) {
        added.put(moved.get(i).getKey(), moved.get(i).getValue());
      }
    }
    insert(population, added);
    List<LocalDate> days = moved.stream().map(e -> e.getKey().day()).distinct().toList();
    jdbc.sql("DELETE FROM kpi_daily WHERE population = :population AND report_day IN (:days) AND n = 0")
        .param("population", population.name()).param("days", days).update();
  }

  private static Object sumValue(int index, double total) {
    return Population.SUMS.get(index).equals("seconds") ? (Object) total : (Object) Math.round(total);
  }

  /** New summary rows of one population. */
  private void insert(Population population, Map<FacetRow, double[]> rows) {
    List<Object[]> batch = new ArrayList<>();
    for (Map.Entry<FacetRow, double[]> row : rows.entrySet()) {
      Object[] values = new Object[5 + Population.SUMS.size()];
      values[0] = population.name();
      values[1] = row.getKey().facet();
      values[2] = row.getKey().day();
      values[3] = row.getKey().value1();
      values[4] = row.getKey().value2();
      for (int i = 0; i < Population.SUMS.size(); i++) {
        values[5 + i] = sumValue(i, row.getValue()[i]);
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

  /** The complaint facts the summary counts (kpi_counted's columns, V14). */
  private static final String COUNTED = "reference, received_at, acknowledged_at, first_response_at,"
      + " decision_communicated_at, closed_at, response_due_at, escalated, rejected_at, decision_reviewed,"
      + " referred_outside_at, deemed_accepted_at, category, product, channel, team, severity, assessed_priority,"
      + " rating, decision_working_seconds";
  /** Those facts as they are now, from complaint_status and the survey answer. */
  private static final String CURRENT_FACTS = "SELECT " + String.join(", ", Arrays.stream(COUNTED.split(","))
      .map(String::strip).map(c -> c.equals("rating")
          ? "(SELECT v.rating FROM satisfaction_survey v WHERE v.reference = s.reference)" : "s." + c).toList())
      + " FROM complaint_status s";

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
  private static final String UPDATE = "UPDATE kpi_daily SET "
      + String.join(", ", Population.SUMS.stream().map(KpiSummary::column).map(c -> c + " = " + c + " + ?").toList())
      + " WHERE population = ? AND facet = ? AND report_day = ? AND value1 = ? AND value2 = ?";

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
