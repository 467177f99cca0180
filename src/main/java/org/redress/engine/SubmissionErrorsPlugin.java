package org.redress.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task listener twice ("ENGINE-03051 There was an
 * exception while invoking the TaskListener …"), which the REST API turns into a 500. This
 * interceptor sits outside the transaction (already rolled back when it acts) and rethrows our
 * {@link InvalidSubmissionException} (or {@link RefusedAction}) itself, so Tasklist and REST clients
 * get a 400 with the field and the reason.
 */
@Component
class SubmissionErrorsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new UnwrapInvalidSubmission());
  }

  static final class UnwrapInvalidSubmission extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof InvalidSubmissionException invalid) {
            throw invalid;
          }
          if (cause instanceof RefusedAction refused) {
            throw refused;
          }
        }
        throw e;
      }
    }
  }
}
