/**
 * Receipt and acknowledgement: the complaint form's rules, recording a complaint from any channel
 * (web, API, e-mail, Tasklist), attachments, the inbound mailbox. ISO 10002 7.2, 7.4.
 */
@ApplicationModule(displayName = "Intake")
package org.redress.intake;

import org.springframework.modulith.ApplicationModule;
