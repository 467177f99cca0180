package org.redress.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the operators' view (/actuator/prometheus, docs/operations.md), read from the database
 * at most every {@value #REFRESH_SECONDS} s and the same on every node (take the max over nodes):
 * <ul>
 *   <li>{@code redress.jobs.backlog} — jobs due and not yet done (letters, timers, async steps): a backlog that
 *       keeps growing means the job executors cannot keep up or cannot reach something;</li>
 *   <li>{@code redress.jobs.failing} — jobs that failed and wait for a retry;</li>
 *   <li>{@code redress.incidents} — open incidents (a job out of retries, shown in Cockpit);</li>
 * </ul>
 * and Camunda's own metrics ({@code camunda.<metric>}, e.g. {@code camunda.job.successful},
 * {@code camunda.job.failed}, {@code camunda.job.acquired.success}, {@code camunda.activity.instance.start}):
 * what the engines reported to ACT_RU_METER_LOG (every 15 minutes) plus what this node counted since its last
 * report — cluster-wide up to the last report, so take the max over nodes.
 */
@Component
class EngineMeters {

  static final int REFRESH_SECONDS = 10;
  static final List<String> CAMUNDA_METRICS = List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.ACTIVTY_INSTANCE_START,
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.EXECUTED_DECISION_ELEMENTS);

  private final MeterRegistry registry;
  private final ProcessEngine engine;
  private final List<DatabaseFigures<Long>> figures = new java.util.concurrent.CopyOnWriteArrayList<>();

  EngineMeters(MeterRegistry registry, JdbcClient jdbc, ProcessEngine engine) {
    this.registry = registry;
    this.engine = engine;
    Duration refresh = Duration.ofSeconds(REFRESH_SECONDS);
    gauge("redress.jobs.backlog", "Jobs due and not yet done (the same on every node)", new DatabaseFigures<>(refresh,
        () -> jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
            + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= CURRENT_TIMESTAMP)").query(Long.class).single()));
    gauge("redress.jobs.failing", "Jobs that failed and wait for a retry (the same on every node)",
        new DatabaseFigures<>(refresh, () -> jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0"
            + " AND EXCEPTION_MSG_ IS NOT NULL").query(Long.class).single()));
    gauge("redress.incidents", "Open incidents (the same on every node)", new DatabaseFigures<>(refresh,
        () -> jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single()));
  }

  private void gauge(String name, String description, DatabaseFigures<Long> figures) {
    Gauge.builder(name, figures, f -> f.get().map(Long::doubleValue).orElse(Double.NaN)).description(description)
        .strongReference(true)
        .register(registry);
  }

  /** Once the engine is built: its metrics, as counters. */
  @EventListener(ApplicationReadyEvent.class)
  void camundaMetrics() {
    if (!(engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration)
        || configuration.getMetricsRegistry() == null) {
      return;
    }
    for (String metric : CAMUNDA_METRICS) {
      if (configuration.getMetricsRegistry().getDbMeterByName(metric) == null) {
        continue;
      }
      DatabaseFigures<Long> reported = new DatabaseFigures<>(Duration.ofSeconds(REFRESH_SECONDS),
          () -> engine.getManagementService().createMetricsQuery().name(metric).sum());
      figures.add(reported); // Micrometer holds a function counter's object weakly
      FunctionCounter.builder("camunda." + metric.replace('-', '.'), reported,
              r -> r.get().orElse(0L) + configuration.getMetricsRegistry().getDbMeterByName(metric).get())
          .description("Camunda metric " + metric + ": what all nodes reported to ACT_RU_METER_LOG plus what this"
              + " node counted since its last report")
          .register(registry);
    }
  }
}
