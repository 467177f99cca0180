package org.redress.improvement.monitoring;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redress.engine.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the daily KPI summary at start-up (after an upgrade, or when the reporting zone changed) and
 * then catches it up every {@code redress.kpi-summary.catch-up-every} (see {@link KpiSummarySettings}),
 * so that a dashboard reader finds little or nothing left to recount. Readers still catch up
 * themselves, so figures are never older than the request.
 *
 * <p>On N nodes one round runs at a time: each round first tries {@link ClusterLock.Name#KPI_SUMMARY} (a
 * PostgreSQL advisory lock) and is skipped while another node holds it, so a (re)build after an upgrade is
 * done by one node while the others go on serving.
 */
@Component
class KpiSummaryUpkeep {

  private static final Logger log = LoggerFactory.getLogger(KpiSummaryUpkeep.class);

  private final KpiSummary summary;
  private final ClusterLock locks;
  private final Duration every;
  private ScheduledExecutorService executor;

  KpiSummaryUpkeep(KpiSummary summary, KpiSummarySettings settings, ClusterLock locks) {
    this.summary = summary;
    this.locks = locks;
    this.every = settings.catchUpEvery();
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kpi-summary");
      thread.setDaemon(true);
      return thread;
    });
    executor.execute(this::catchUp);
    if (!every.isZero()) {
      executor.scheduleWithFixedDelay(this::catchUp, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void catchUp() {
    try {
      if (!locks.tryRun(ClusterLock.Name.KPI_SUMMARY, summary::buildAndCatchUp)) {
        log.debug("Another node is bringing the KPI summary up to date; skipping this round");
      }
    } catch (RuntimeException e) {
      // a database blip: readers catch up themselves, and the next round tries again
      log.warn("The KPI summary could not be brought up to date; trying again later", e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
