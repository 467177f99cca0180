/**
 * What a complainant sees of their complaint: stage, next deadline, timeline, letters, decision —
 * the view behind the status page and the status API. ISO 10002 7.3 (tracking), 4.4 (transparency).
 */
@ApplicationModule(displayName = "Tracking")
package org.redress.tracking;

import org.springframework.modulith.ApplicationModule;
