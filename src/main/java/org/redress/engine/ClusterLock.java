package org.redress.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One holder at a time across every node on the database: a PostgreSQL session-level advisory lock
 * ({@code pg_advisory_lock}) on a connection of its own, held until {@link Held#close()}. A node that dies
 * loses its connection and with it the lock, so nothing stays locked after a {@code kill -9}. On H2 (the
 * embedded, single-node database) the same names are plain in-JVM locks.
 *
 * <p>Used for the start-up work ({@link StartUpLock}) and the KPI summary's background round, so that N nodes
 * started at once seed, deploy and build one after the other instead of racing.
 */
@Component
public class ClusterLock {

  /** The lock names Redress takes; each is a distinct 64-bit advisory lock key. */
  public enum Name {
    /** Deployment, seeded groups, grants, filters and accounts, settings check: one node at a time. */
    START_UP(0x5265647265737301L),
    /** The KPI summary's background build and catch-up (improvement/monitoring/KpiSummaryUpkeep). */
    KPI_SUMMARY(0x5265647265737302L),
    /** Flyway's migrations ({@link MigrationsOneNodeAtATime}). */
    MIGRATIONS(0x5265647265737303L);

    final long key;

    Name(long key) {
      this.key = key;
    }
  }

  /** A held lock; closing it releases the lock and its connection. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private final DataSource dataSource;
  private final Map<Name, ReentrantLock> local = new ConcurrentHashMap<>();
  private volatile Boolean postgres;

  public ClusterLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits until this node holds {@code name}. */
  public Held acquire(Name name) {
    return take(name, true);
  }

  /** Holds {@code name} if no other holder has it right now, else null at once. */
  public Held tryAcquire(Name name) {
    return take(name, false);
  }

  /** Runs {@code work} unless another node (or thread) holds {@code name}; says whether it ran. */
  public boolean tryRun(Name name, Runnable work) {
    try (Held held = tryAcquire(name)) {
      if (held == null) {
        return false;
      }
      work.run();
      return true;
    }
  }

  private Held take(Name name, boolean wait) {
    if (!isPostgres()) {
      ReentrantLock lock = local.computeIfAbsent(name, n -> new ReentrantLock());
      if (wait) {
        lock.lock();
      } else if (!lock.tryLock()) {
        return null;
      }
      return lock::unlock;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      boolean held = call(connection, wait ? "SELECT pg_advisory_lock(?) IS NOT NULL" : "SELECT pg_try_advisory_lock(?)",
          name.key);
      if (!held) {
        connection.close();
        return null;
      }
      Connection owner = connection;
      return () -> release(owner, name);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DataAccessResourceFailureException("Cannot take the cluster lock " + name, e);
    }
  }

  private static void release(Connection connection, Name name) {
    try {
      call(connection, "SELECT pg_advisory_unlock(?)", name.key);
    } catch (SQLException e) {
      // the connection is gone, and the lock with it
    } finally {
      closeQuietly(connection);
    }
  }

  private static boolean call(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }

  /** Whether several nodes can share this database (PostgreSQL), not the embedded single-node H2. */
  public boolean shared() {
    return isPostgres();
  }

  private boolean isPostgres() {
    if (postgres == null) {
      try (Connection connection = dataSource.getConnection()) {
        postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("Cannot tell the database", e);
      }
    }
    return postgres;
  }
}
