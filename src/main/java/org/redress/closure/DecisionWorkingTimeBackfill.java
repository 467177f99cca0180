package org.redress.closure;

import java.util.List;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintRepository.DecisionClock;
import org.redress.escalation.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints decided before version 29 get their working time to decision once, at start-up, in the
 * configured business calendar (Flyway's V29 adds the column; SQL does not know the holidays). Batched,
 * each batch its own transaction; another node doing the same writes the same values.
 */
@Component
class DecisionWorkingTimeBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionWorkingTimeBackfill.class);
  private static final int BATCH = 1000;

  private final ComplaintRepository complaints;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transaction;

  DecisionWorkingTimeBackfill(ComplaintRepository complaints, WorkingCalendar calendar, TransactionTemplate transaction) {
    this.complaints = complaints;
    this.calendar = calendar;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    long done = 0;
    while (true) {
      Integer filled = transaction.execute(status -> {
        List<DecisionClock> batch = complaints.decisionsWithoutWorkingTime(BATCH);
        batch.forEach(clock -> complaints.recordDecisionWorkingTime(clock.reference(),
            DecisionWorkingTime.seconds(calendar, clock)));
        return batch.size();
      });
      done += filled;
      if (filled < BATCH) {
        break;
      }
    }
    if (done > 0) {
      LOG.info("Working time to decision computed for {} complaints decided before version 29", done);
    }
  }
}
