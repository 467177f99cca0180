package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.redress.notification.StaffNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_RemindActionOwner (8.7): the due date of a corrective action is near. The owner's open
 * task moves up in Tasklist (higher priority) and the owner is notified.
 */
@Component("remindActionOwner")
class RemindActionOwner implements JavaDelegate {

  static final int REMINDED_PRIORITY = 75;

  private final StaffNotifier notifier;

  public RemindActionOwner(StaffNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      task.setPriority(Math.max(task.getPriority(), REMINDED_PRIORITY));
      tasks.saveTask(task);
    }
    notifier.notifyGroup(execution, "user " + execution.getVariable(ACTION_OWNER),
        "corrective action due on " + execution.getVariable(CORRECTIVE_ACTION_DUE_DATE));
  }
}
