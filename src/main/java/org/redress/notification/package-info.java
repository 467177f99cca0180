/**
 * Letters and e-mails to complainants over their preferred channel, and notes to staff; always sent
 * from async steps with retries. ISO 10002 7.3, 7.4, 7.8 (communicating with the complainant).
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"complaint", "engine"})
package org.redress.notification;

import org.springframework.modulith.ApplicationModule;
