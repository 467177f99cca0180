package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.redress.notification.StaffNotifier;
import org.redress.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateOverdueAction (8.7): the corrective action is past its due date. Management sees
 * the owner's task in Tasklist (candidate group), at top priority, and is notified.
 */
@Component("escalateOverdueAction")
class EscalateOverdueAction implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 100;

  private final StaffNotifier notifier;

  public EscalateOverdueAction(StaffNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      task.setPriority(ESCALATED_PRIORITY);
      tasks.saveTask(task);
      tasks.addCandidateGroup(task.getId(), Roles.MANAGEMENT);
    }
    notifier.notifyGroup(execution, Roles.MANAGEMENT,
        "corrective action overdue (owner " + execution.getVariable(ACTION_OWNER) + ")");
  }
}
