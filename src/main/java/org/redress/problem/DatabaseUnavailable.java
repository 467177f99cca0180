package org.redress.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached right now" — a restart, a fail-over, a network
 * cut — rather than a fault in Redress: then {@link ProblemAnswers} answers 503 with {@code Retry-After}
 * instead of 500, and the client (or the person at the browser) tries again; the connection pool and the job
 * executor reconnect by themselves once the database is back. Recognised anywhere in the cause chain (Camunda
 * wraps JDBC errors in its own exceptions): Spring's resource-failure and transaction-infrastructure
 * exceptions, a pool timeout, and the SQL states of class 08 (connection exception) and 57P01–57P03
 * (PostgreSQL shutting down, crashed, not yet accepting connections).
 */
final class DatabaseUnavailable {

  /** Seconds a client is asked to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 10;

  private DatabaseUnavailable() {}

  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          || t instanceof TransactionSystemException || t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
        return true;
      }
    }
    return false;
  }
}
