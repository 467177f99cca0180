package org.redress.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A figure read from the database for a gauge, at most once per {@code refresh} however often Prometheus
 * scrapes; empty while the database cannot be read (the gauge then shows NaN, not a stale value; the first
 * failure is logged once).
 */
public final class DatabaseFigures<T> {

  private final long refreshNanos;
  private final Supplier<T> query;
  private long readAt;
  private Optional<T> value = Optional.empty();
  private boolean failing;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseFigures.class);

  public DatabaseFigures(Duration refresh, Supplier<T> query) {
    this.refreshNanos = refresh.toNanos();
    this.query = query;
  }

  public synchronized Optional<T> get() {
    long now = System.nanoTime();
    if (readAt == 0 || now - readAt >= refreshNanos) {
      readAt = now;
      try {
        value = Optional.ofNullable(query.get());
        failing = false;
      } catch (RuntimeException e) {
        if (!failing) {
          LOG.warn("A figure for the metrics could not be read: {}", e.getMessage());
        }
        failing = true;
        value = Optional.empty();
      }
    }
    return value;
  }
}
