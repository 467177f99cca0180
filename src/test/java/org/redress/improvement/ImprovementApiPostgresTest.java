package org.redress.improvement;

import org.redress.RedressPostgresTest;

/** The clause 8 staff APIs on PostgreSQL, the production database. */
@RedressPostgresTest
class ImprovementApiPostgresTest extends ImprovementApiContract {}
