package org.redress.investigation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The timers of a process that run the response clock: every timer of the paused process that is
 * not a repeating cycle (progress updates keep their rhythm). Pausing suspends their jobs, so that
 * none fires while the complainant is asked; resuming gives each the working time it had left at the
 * pause, counted from now, and activates it — the engine's own due dates, not a copy of them.
 */
@Component
class ResponseClock {

  private final ManagementService management;
  private final WorkingCalendar calendar;

  ResponseClock(ManagementService management, WorkingCalendar calendar) {
    this.management = management;
    this.calendar = calendar;
  }

  // Called from the delegates of ask-the-complainant: the timers are loaded into the step's own
  // command context and changed there, so suspension and due date are one update of each job.
  void pause(String processInstanceId) {
    for (JobEntity timer : clockTimers(processInstanceId)) {
      timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
    }
  }

  void resume(String processInstanceId, Instant pausedAt, Instant now) {
    for (JobEntity timer : clockTimers(processInstanceId)) {
      if (timer.getDuedate() != null) {
        timer.setDuedate(moved(timer.getDuedate(), pausedAt, now));
      }
      timer.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
    }
  }

  /** A due date moved by the paused working time: the working time it had left at the pause, from now. */
  Date moved(Date due, Instant pausedAt, Instant now) {
    if (!due.toInstant().isAfter(pausedAt)) {
      return due;
    }
    Duration left = calendar.between(pausedAt, due.toInstant());
    return Date.from(calendar.after(now, left));
  }

  private List<JobEntity> clockTimers(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .map(JobEntity.class::cast)
        .filter(job -> !(job instanceof TimerEntity timer) || timer.getRepeat() == null)
        .toList();
  }
}
