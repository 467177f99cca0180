package org.redress.escalation;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's calendar for durations, through Camunda's own extension point (its business
 * calendar manager): every timer a process owner writes as a <em>duration</em> in Modeler
 * (timeDuration, such as P2D) counts working time in {@link WorkingCalendar}. Timers at a fixed
 * moment (timeDate) and repeating cycles (timeCycle) keep Camunda's calendars: a date is already a
 * moment, and a cycle such as polling the mailbox every minute runs around the clock.
 */
@Component
class WorkingTimeDurations extends AbstractProcessEnginePlugin implements BusinessCalendar {

  private final WorkingCalendar calendar;

  WorkingTimeDurations(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, this);
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }

  @Override
  public Date resolveDuedate(String duration) {
    return resolveDuedate(duration, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duration, Task task) {
    return resolveDuedate(duration, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duration, Date startDate) {
    try {
      return calendar.after(startDate == null ? ClockUtil.getCurrentTime() : startDate, duration);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Timer duration " + e.getMessage(), e);
    }
  }
}
