package org.redress.improvement.monitoring;

import org.redress.RedressTest;

/** The monitoring API, CSV and pages on H2. */
@RedressTest
class KpiApiH2Test extends KpiApiContract {}
