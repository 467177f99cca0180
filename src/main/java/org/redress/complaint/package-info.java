/**
 * The complaint core: the record as submitted, its reference and access code, its status, and the
 * hash-chained timeline of everything done to it. ISO 10002 7.2, 7.3, 4.10, 4.12 (records every stage writes).
 */
@ApplicationModule(displayName = "Complaint core", allowedDependencies = {"engine", "problem"})
package org.redress.complaint;

import org.springframework.modulith.ApplicationModule;
