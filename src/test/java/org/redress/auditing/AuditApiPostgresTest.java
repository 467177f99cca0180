package org.redress.auditing;

import org.redress.RedressPostgresTest;

/** The audit API contract on PostgreSQL, the production database. */
@RedressPostgresTest
class AuditApiPostgresTest extends AuditApiContract {}
