/**
 * Time frames and escalation: handling times, reminders to handlers, escalation to supervisors,
 * progress updates to complainants. ISO 10002 4.15 (responsiveness), 7.3.
 */
@ApplicationModule(displayName = "Escalation")
package org.redress.escalation;

import org.springframework.modulith.ApplicationModule;
