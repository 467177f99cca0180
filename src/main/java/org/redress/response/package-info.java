/**
 * Responding to the complaint: the proposed remedy and explanation, and its approval by a supervisor
 * for serious complaints. ISO 10002 7.7.
 */
@ApplicationModule(displayName = "Response")
package org.redress.response;

import org.springframework.modulith.ApplicationModule;
