package org.redress.improvement.monitoring;

import org.redress.RedressPostgresTest;

/** The monitoring API, CSV and pages on PostgreSQL. */
@RedressPostgresTest
class KpiApiPostgresTest extends KpiApiContract {}
