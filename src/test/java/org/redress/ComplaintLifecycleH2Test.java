package org.redress;

/** The lifecycle contract on the embedded default database, H2. */
@RedressTest
class ComplaintLifecycleH2Test extends ComplaintLifecycleContract {}
