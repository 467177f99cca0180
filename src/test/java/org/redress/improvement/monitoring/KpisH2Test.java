package org.redress.improvement.monitoring;

import org.redress.RedressTest;

/** KPI figures on the embedded default database, H2. */
@RedressTest
class KpisH2Test extends KpisContract {}
