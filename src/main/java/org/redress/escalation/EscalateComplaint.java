package org.redress.escalation;

import static org.redress.complaint.ComplaintVariables.ESCALATION_DUE_DATE;
import static org.redress.complaint.ComplaintVariables.PRIORITY;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.notification.StaffNotifier;
import org.redress.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateComplaint (4.15): the response target has passed. Raises the priority of the
 * complaint and of its open tasks, notifies the supervisors (whose task follows in the BPMN).
 */
@Component("escalateComplaint")
class EscalateComplaint implements JavaDelegate {

  static final int PRIORITY_STEP = 25;
  static final int MAX_PRIORITY = 100;

  private final ComplaintRepository complaints;
  private final StaffNotifier staff;
  private final CaseEvents events;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;

  public EscalateComplaint(ComplaintRepository complaints, StaffNotifier staff, CaseEvents events, HandlingTimes times, WorkingCalendar calendar) {
    this.complaints = complaints;
    this.staff = staff;
    this.events = events;
    this.times = times;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int before = ((Number) execution.getVariable(PRIORITY)).intValue();
    int raised = Math.min(MAX_PRIORITY, before + PRIORITY_STEP);
    execution.setVariable(PRIORITY, raised);
    execution.setVariable(ESCALATION_DUE_DATE, calendar.after(EngineClock.nowDate(), times.escalationPeriod()));

    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      if (task.getPriority() < raised) {
        tasks.setPriority(task.getId(), raised);
      }
    }
    String reference = CaseEvents.reference(execution);
    complaints.markEscalated(reference, raised);
    staff.notifyGroup(execution, Roles.SUPERVISORS, "response target missed, escalated");
    events.record(execution, EventType.ESCALATED,
        "Response target missed: escalated to supervisors, priority %d → %d".formatted(before, raised),
        Map.of("priorityBefore", before, "priorityAfter", raised));
  }
}
