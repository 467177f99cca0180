package org.redress.intake;

import org.redress.RedressPostgresTest;

/** The intake path's queries and indexes on PostgreSQL, the production database. */
@RedressPostgresTest
class IntakeQueriesPostgresTest extends IntakeQueriesContract {
  @Override
  boolean postgres() {
    return true;
  }
}
