/**
 * Trend detection: causes whose complaints pass a threshold or grow, each proposed for corrective action
 * (processes/trend-detection.bpmn). ISO 10002 8.2, 8.7.
 */
@ApplicationModule(displayName = "Trends")
package org.redress.improvement.trends;

import org.springframework.modulith.ApplicationModule;
