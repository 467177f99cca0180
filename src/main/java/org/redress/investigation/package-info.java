/**
 * Investigating the complaint: findings, root cause and whether it is justified. ISO 10002 7.6.
 */
@ApplicationModule(displayName = "Investigation")
package org.redress.investigation;

import org.springframework.modulith.ApplicationModule;
