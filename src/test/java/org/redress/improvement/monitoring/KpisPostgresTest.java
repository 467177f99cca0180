package org.redress.improvement.monitoring;

import org.redress.RedressPostgresTest;

/** KPI figures on PostgreSQL, the production database. */
@RedressPostgresTest
class KpisPostgresTest extends KpisContract {}
