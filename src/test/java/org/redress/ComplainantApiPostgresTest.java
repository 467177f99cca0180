package org.redress;

/** The complainants' API contract on PostgreSQL, the production database. */
@RedressPostgresTest
class ComplainantApiPostgresTest extends ComplainantApiContract {}
