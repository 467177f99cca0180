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

  private static boolean created;

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws SQLException {
    if (created) {
      return;
    }
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS redress_test WITH (FORCE)");
      statement.execute("CREATE DATABASE redress_test");
    }
    created = true;
  }
}
