package org.redress;

/** The complainants' API contract on the embedded default database, H2. */
@RedressTest
class ComplainantApiH2Test extends ComplainantApiContract {}
