/**
 * Monitoring: KPIs against objectives, the daily summary behind them, the dashboard, its JSON/CSV API and
 * the ISO 10002 self-assessment. ISO 10002 8.4, 6.2 (objectives).
 */
@ApplicationModule(displayName = "Monitoring")
package org.redress.improvement.monitoring;

import org.springframework.modulith.ApplicationModule;
