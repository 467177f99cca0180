package org.redress;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops and creates the test database once per test run, before the first PostgreSQL context
 * starts, so every run begins from an empty schema (Flyway and Camunda create their tables).
 */
public class FreshPostgresDatabase implements BeforeAllCallback {

  /** -Dredress.test.db=name lets several checkouts run their suites side by side. */
  public static final String DATABASE = System.getProperty("redress.test.db", "redress_test");

  private static boolean created;

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws SQLException {
    if (created) {
      return;
    }
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    created = true;
  }
}
