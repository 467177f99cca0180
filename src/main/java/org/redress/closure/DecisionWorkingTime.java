package org.redress.closure;

import org.redress.complaint.ComplaintRepository.DecisionClock;
import org.redress.escalation.WorkingCalendar;

/**
 * Time to decision as the KPIs count it (ISO 10002 8.4, issue 16): working time in the business
 * calendar from receipt to the first decision, less the working time the response clock stood still
 * while the complainant was asked.
 */
final class DecisionWorkingTime {

  private DecisionWorkingTime() {}

  static long seconds(WorkingCalendar calendar, DecisionClock clock) {
    long gross = calendar.between(clock.receivedAt().toInstant(), clock.decidedAt().toInstant()).toSeconds();
    return Math.max(0, gross - clock.pausedSeconds());
  }
}
