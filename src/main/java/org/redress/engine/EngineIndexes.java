package org.redress.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that its schema lacks for what Redress asks of the engine at volume
 * (issue 13), created at start-up (inside the {@link StartUpLock}, after Flyway created Camunda's schema,
 * db/migration/V21). {@code IF NOT EXISTS} makes it idempotent on H2 and PostgreSQL.
 *
 * <p>{@code REDRESS_IDX_VAR_EXE_NO_TASK}: the engine fetches an execution's variables with
 * {@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL} on every step of every complaint. Camunda indexes the two
 * columns separately; without fresh statistics PostgreSQL combines both indexes and reads every
 * {@code TASK_ID_ IS NULL} entry — all process variables of all open complaints (20 ms per fetch at 10,000
 * complaints, 44 % of PostgreSQL's time during intake) — instead of the dozen rows of that execution
 * (1.4 ms with this index).
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

  static final String EXECUTION_VARIABLES = "REDRESS_IDX_VAR_EXE_NO_TASK";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private final JdbcClient jdbc;

  EngineIndexes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      jdbc.sql("CREATE INDEX IF NOT EXISTS " + EXECUTION_VARIABLES + " ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)")
          .update();
    } catch (DataAccessException e) {
      // another node creating it at the same moment: it exists, or the next start creates it
      log.warn("Index {} not created now: {}", EXECUTION_VARIABLES, e.getMostSpecificCause().getMessage());
    }
  }
}
