/**
 * Audit of the complaints-handling process: search and full history of any complaint, the case file,
 * timeline verification, audit sampling. ISO 10002 8.5, 4.12 (accountability).
 */
@ApplicationModule(displayName = "Auditing")
package org.redress.auditing;

import org.springframework.modulith.ApplicationModule;
