package org.redress.escalation;

import static org.redress.complaint.ComplaintVariables.RESPONSE_DUE_DATE;
import static org.redress.complaint.ComplaintVariables.TEAM;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.notification.StaffNotifier;
import org.springframework.stereotype.Component;

/** Task_RemindHandler (4.15): the response target is near; the handlers are reminded. */
@Component("remindHandler")
class RemindHandler implements JavaDelegate {

  private final StaffNotifier staff;
  private final CaseEvents events;

  public RemindHandler(StaffNotifier staff, CaseEvents events) {
    this.staff = staff;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = (Date) execution.getVariable(RESPONSE_DUE_DATE);
    String dueDay = EngineClock.fromDate(due).toLocalDate().toString();
    String team = (String) execution.getVariable(TEAM);
    staff.notifyGroup(execution, team, "response due by " + dueDay);
    events.record(execution, EventType.REMINDER_SENT, "Reminder to " + team + ": response due by " + dueDay,
        Map.of("group", team, "responseDue", dueDay));
  }
}
