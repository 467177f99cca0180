/**
 * Initial assessment: the facts for initial-assessment.dmn, severity, priority and response target,
 * the handler's review and immediate action. ISO 10002 7.5.
 */
@ApplicationModule(displayName = "Assessment")
package org.redress.assessment;

import org.springframework.modulith.ApplicationModule;
