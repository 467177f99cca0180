package org.redress.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds every {@link EveryUserTaskListener} bean (the task context, the objectivity rule, case
 * access) to every user task at parse time, as built-in listeners: they run before the task's own
 * listeners from the BPMN.
 */
@Component
public class EveryUserTaskListenersPlugin extends AbstractProcessEnginePlugin {

  private final List<EveryUserTaskListener> listeners;

  public EveryUserTaskListenersPlugin(List<EveryUserTaskListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (EveryUserTaskListener listener : listeners) {
          listener.events().forEach(event -> task.addBuiltInTaskListener(event, listener));
        }
      }
    });
  }
}
