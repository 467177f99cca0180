package org.redress.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.redress.engine.DatabaseFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Redress's complaint meters for operators (/actuator/prometheus, docs/operations.md):
 * <ul>
 *   <li>{@code redress.complaints.received{channel}} — complaints recorded by this node since it started,
 *       counted when their transaction commits (sum over the nodes);</li>
 *   <li>{@code redress.complaints.open{status}} and {@code redress.complaints.overdue} — open complaints by
 *       stage and those past their response target, read from complaint_status: the same on every node
 *       (take the max over nodes, not the sum), refreshed at most every {@value #REFRESH_SECONDS} s.</li>
 * </ul>
 */
@Component
public class ComplaintMeters {

  static final int REFRESH_SECONDS = 10;

  private final MeterRegistry registry;
  private final DatabaseFigures<Map<ComplaintStatus, Long>> open;
  private final DatabaseFigures<Long> overdue;

  ComplaintMeters(MeterRegistry registry, JdbcClient jdbc) {
    this.registry = registry;
    Duration refresh = Duration.ofSeconds(REFRESH_SECONDS);
    this.open = new DatabaseFigures<>(refresh, () -> {
      Map<ComplaintStatus, Long> byStatus = new EnumMap<>(ComplaintStatus.class);
      jdbc.sql("SELECT status, COUNT(*) FROM complaint_status WHERE status <> 'CLOSED' GROUP BY status")
          .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list()
          .forEach(e -> byStatus.put(ComplaintStatus.valueOf(e.getKey()), e.getValue()));
      return byStatus;
    });
    this.overdue = new DatabaseFigures<>(refresh, () -> jdbc.sql(
            "SELECT COUNT(*) FROM complaint_status WHERE status <> 'CLOSED' AND response_due_at < :now")
        .param("now", EngineClock.now()).query(Long.class).single());
    for (ComplaintStatus status : ComplaintStatus.values()) {
      if (status != ComplaintStatus.CLOSED) {
        Gauge.builder("redress.complaints.open", open,
                figures -> figures.get().map(m -> (double) m.getOrDefault(status, 0L)).orElse(Double.NaN))
            .description("Open complaints by stage (the same on every node)").tag("status", status.name())
            .register(registry);
      }
    }
    Gauge.builder("redress.complaints.overdue", overdue, figures -> figures.get().map(Long::doubleValue).orElse(Double.NaN))
        .description("Open complaints past their response target (the same on every node)").register(registry);
  }

  /** A complaint was recorded by this node over {@code channel}: counted once its transaction commits. */
  public void received(Channel channel) {
    Counter counter = Counter.builder("redress.complaints.received").description("Complaints recorded by this node")
        .tag("channel", channel.code()).register(registry);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          counter.increment();
        }
      });
    } else {
      counter.increment();
    }
  }
}
