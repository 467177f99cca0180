package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.ACCESS_CODE;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.engine.FormContext;
import org.springframework.stereotype.Component;

/**
 * Task_HandOverAccessCode, on create (7.2, 7.3): the handler who registered a phone, letter or
 * in-person complaint gets this task at once, named with the reference, and its form shows the
 * reference and the access code to read out or write down. The code comes from
 * {@link RecordComplaint} as a transient variable (never stored in the process); here it becomes a
 * task-local variable of this one task, kept out of Camunda's history ({@link FormContext}) and
 * deleted with the task when the handler completes it. Only the code's hash is kept
 * (complaint.AccessCodes); a lost code is replaced, never shown again.
 */
@Component("handOverAccessCode")
class HandOverAccessCode implements TaskListener, FormContext {

  @Override
  public Set<String> contextVariables() {
    return Set.of(ACCESS_CODE);
  }

  @Override
  public void notify(DelegateTask task) {
    Object code = task.getExecution().getVariable(ACCESS_CODE);
    if (code != null) {
      task.setVariableLocal(ACCESS_CODE, code.toString());
    }
  }
}
