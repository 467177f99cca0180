package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.ACCESS_CODE;

import java.util.ArrayList;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The access code in {@link HandOverAccessCode}'s form is shown once: the first time the task's
 * assignee — the handler who registered the complaint — loads the form (Tasklist asks the engine for
 * the task's form variables), the code is in the answer, and the task's variable is replaced by a note
 * in the same step. Anyone else asking for the task's variables or form variables gets the note,
 * never the code. The engine has no "read" event for variables, so this interceptor watches the two
 * commands Tasklist and the REST API use to read a task's variables.
 */
@Component
class AccessCodeShownOnce extends AbstractProcessEnginePlugin {

  static final String SHOWN = "(shown once to the handler who registered the complaint; if it did not reach the"
      + " complainant, issue a new code from the complaint)";
  private static final Pattern CODE = Pattern.compile("[A-Z2-7]{4}(-[A-Z2-7]{4})+");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ShowOnce());
  }

  static final class ShowOnce extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof GetTaskFormVariablesCmd) && !(command instanceof GetTaskVariablesCmd)) {
        return next.execute(command);
      }
      return next.execute(context -> {
        T result = command.execute(context);
        if (result instanceof VariableMap variables && variables.get(ACCESS_CODE) instanceof String code
            && CODE.matcher(code).matches()) {
          Authentication user = context.getAuthentication();
          TaskEntity task = command instanceof GetTaskFormVariablesCmd form
              ? context.getTaskManager().findTaskById(form.resourceId) : null;
          if (task != null && user != null && user.getUserId() != null && user.getUserId().equals(task.getAssignee())) {
            task.setVariableLocal(ACCESS_CODE, SHOWN); // the answer carries the code this once
          } else {
            variables.putValue(ACCESS_CODE, Variables.stringValue(SHOWN));
          }
        }
        return result;
      });
    }
  }
}
