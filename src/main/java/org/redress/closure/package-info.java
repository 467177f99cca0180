/**
 * Communicating the decision and closing: the complainant's answer, internal review, agreed action,
 * external recourse, closing the complaint. ISO 10002 7.8, 7.9.
 */
@ApplicationModule(displayName = "Decision and closure")
package org.redress.closure;

import org.springframework.modulith.ApplicationModule;
