package org.redress.complaint;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out complaint references such as C-2026-000123. The number comes from a database sequence,
 * so it is unique under concurrency and across all nodes sharing the database.
 */
@Component
public class ReferenceNumbers {

  private final JdbcClient jdbc;
  private final String nextValueSql;

  public ReferenceNumbers(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.nextValueSql = isPostgres(dataSource)
        ? "SELECT nextval('complaint_reference_seq')"
        : "SELECT NEXT VALUE FOR complaint_reference_seq";
  }

  public String next() {
    long number = jdbc.sql(nextValueSql).query(Long.class).single();
    return "C-%d-%06d".formatted(EngineClock.now().getYear(), number);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
