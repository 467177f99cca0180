package org.redress.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Puts the security rules on every user task of every deployed process, as built-in listeners (they
 * run before the task's own listeners, and a process owner cannot forget them in Modeler):
 * {@link ObjectivityRule} on assignment and complete, {@link CaseAccess} on create.
 */
@Component
public class SecurityTaskListenersPlugin extends AbstractProcessEnginePlugin {

  private final ObjectivityRule rule;
  private final CaseAccess caseAccess;

  public SecurityTaskListenersPlugin(ObjectivityRule rule, CaseAccess caseAccess) {
    this.rule = rule;
    this.caseAccess = caseAccess;
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
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, caseAccess);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rule);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rule);
      }
    });
  }
}
