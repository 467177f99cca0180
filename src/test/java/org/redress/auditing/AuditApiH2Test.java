package org.redress.auditing;

import org.redress.RedressTest;

/** The audit API contract on the embedded default database, H2. */
@RedressTest
class AuditApiH2Test extends AuditApiContract {}
