package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda's own tables (ACT_*), created from the SQL scripts that ship in the camunda-engine jar
 * ({@code org/camunda/bpm/engine/db/create/activiti.<database>.create.<component>.sql}, the scripts Camunda
 * itself runs for {@code schema-update: true}), under Flyway — as production installations usually do —
 * instead of by every engine at start-up. Flyway holds a PostgreSQL advisory lock while it migrates, so N
 * nodes started at once create the schema once; the engines then only check it
 * ({@code camunda.bpm.database.schema-update: false}).
 *
 * <p>An existing installation already has the tables (its engines created them): then this migration only
 * records itself. Camunda 7.24 is the last CE release; should a patch level ever change the schema, its
 * scripts from {@code org/camunda/bpm/engine/db/upgrade/} go in as further migrations.
 */
public class V21__Camunda_schema extends BaseJavaMigration {

  /** In the order Camunda's DbSqlSession.dbSchemaCreate runs them. */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (exists(connection, "ACT_GE_PROPERTY")) {
      return;
    }
    String database = switch (connection.getMetaData().getDatabaseProductName()) {
      case "PostgreSQL" -> "postgres";
      case "H2" -> "h2";
      default -> throw new IllegalStateException("Redress runs on PostgreSQL or H2, not on "
          + connection.getMetaData().getDatabaseProductName());
    };
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
    }
  }

  /** Whether the connection's current schema has {@code table} (PostgreSQL folds names to lower case). */
  static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet tables = metaData.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
