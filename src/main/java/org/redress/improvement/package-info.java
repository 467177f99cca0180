/**
 * Learning from complaints (ISO 10002 clause 8): the satisfaction survey (8.3) here, and the nested
 * modules for monitoring (8.4), corrective action (8.7), management review (8.6) and trends (8.2, 8.7).
 */
@ApplicationModule(displayName = "Improvement")
package org.redress.improvement;

import org.springframework.modulith.ApplicationModule;
