package org.redress.complaint;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.redress.engine.Actors;
import org.springframework.stereotype.Component;

/**
 * Writes a timeline event for the process step at hand, with the complaint reference, the actor,
 * and the process instance and activity that caused it.
 */
@Component
public class CaseEvents {

  private final Timeline timeline;

  public CaseEvents(Timeline timeline) {
    this.timeline = timeline;
  }

  public void record(DelegateExecution execution, EventType type, String summary, Map<String, ?> details) {
    timeline.record(reference(execution), type, Actors.current(execution.getProcessEngineServices()), summary,
        details, execution.getProcessInstanceId(), execution.getCurrentActivityId());
  }

  /** For task listeners: the actor is the person completing the task, else its assignee. */
  public void record(DelegateTask task, EventType type, String summary, Map<String, ?> details) {
    timeline.record(reference(task.getExecution()), type, actor(task), summary, details,
        task.getProcessInstanceId(), task.getTaskDefinitionKey());
  }

  public static String actor(DelegateTask task) {
    String current = Actors.current(task.getProcessEngineServices());
    if (Actors.SYSTEM.equals(current) && task.getAssignee() != null) {
      return task.getAssignee();
    }
    return current;
  }

  public static String reference(DelegateExecution execution) {
    return (String) execution.getVariable(ComplaintVariables.REFERENCE);
  }
}
