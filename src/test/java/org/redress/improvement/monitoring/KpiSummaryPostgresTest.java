package org.redress.improvement.monitoring;

import org.redress.RedressPostgresTest;

/** The daily KPI summary on PostgreSQL, the production database. */
@RedressPostgresTest
class KpiSummaryPostgresTest extends KpiSummaryContract {}
