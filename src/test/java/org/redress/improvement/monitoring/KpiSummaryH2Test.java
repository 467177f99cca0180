package org.redress.improvement.monitoring;

import org.redress.RedressTest;

/** The daily KPI summary on the embedded default database, H2. */
@RedressTest
class KpiSummaryH2Test extends KpiSummaryContract {}
