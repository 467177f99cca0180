package org.redress;

/** The lifecycle contract on PostgreSQL, the production database. */
@RedressPostgresTest
class ComplaintLifecyclePostgresTest extends ComplaintLifecycleContract {}
