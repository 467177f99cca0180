package org.redress.improvement;

import org.redress.RedressTest;

/** The clause 8 staff APIs on the embedded default database, H2. */
@RedressTest
class ImprovementApiH2Test extends ImprovementApiContract {}
