package org.redress.intake;

import org.redress.RedressTest;

/** The intake path's queries and indexes on the embedded default database, H2. */
@RedressTest
class IntakeQueriesH2Test extends IntakeQueriesContract {
  @Override
  boolean postgres() {
    return false;
  }
}
