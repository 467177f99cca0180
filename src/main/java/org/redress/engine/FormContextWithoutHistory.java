package org.redress.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history without the tasks' {@link FormContext} variables. With history level "full", Camunda
 * copies every variable into ACT_HI_VARINST and every value it takes into ACT_HI_DETAIL (JSON values
 * into ACT_GE_BYTEARRAY, each time): for the context of one user task — the complaint summary, the
 * assessment, the case history, three code lists — that was most of the rows and bytes a complaint's
 * intake wrote, and all of it copies of what Redress's tables and the hash-chained timeline keep as the
 * record. Everything else (form submissions, process variables, decisions, tasks, the operation log)
 * is recorded as before; the running task still has its context for its form.
 */
@Component
public class FormContextWithoutHistory extends AbstractProcessEnginePlugin {

  private final Set<String> names = new HashSet<>();

  public FormContextWithoutHistory(List<FormContext> contexts) {
    contexts.forEach(context -> names.addAll(context.contextVariables()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // what the engine would otherwise build itself (ProcessEngineConfigurationImpl.initHistoryEventHandler)
    HistoryEventHandler handler = configuration.getHistoryEventHandler();
    if (handler == null) {
      handler = configuration.isEnableDefaultDbHistoryEventHandler()
          ? new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())
          : new CompositeHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setHistoryEventHandler(new Filter(handler, Set.copyOf(names)));
  }

  /** Passes on every history event except those of a task's context variables. */
  record Filter(HistoryEventHandler next, Set<String> contextVariables) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorded(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(this::recorded).toList());
    }

    boolean recorded(HistoryEvent event) {
      return !(event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
          && contextVariables.contains(variable.getVariableName()));
    }
  }
}
