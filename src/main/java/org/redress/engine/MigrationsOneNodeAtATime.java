package org.redress.engine;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Nodes started at once on an empty database would each create Flyway's history table: the second
 * fails with "Unable to baseline schema history table … it already exists, and is empty" (seen in
 * ClusterStartPostgresTest). Flyway's own lock only covers migrating, not the first creation, so the
 * migrations run under the cluster lock: the first node migrates, the others then find nothing to do.
 */
@Component
class MigrationsOneNodeAtATime implements FlywayMigrationStrategy {

  private final ClusterLock lock;

  MigrationsOneNodeAtATime(ClusterLock lock) {
    this.lock = lock;
  }

  @Override
  public void migrate(Flyway flyway) {
    try (ClusterLock.Held held = lock.acquire(ClusterLock.Name.MIGRATIONS)) {
      flyway.migrate();
    }
  }
}
