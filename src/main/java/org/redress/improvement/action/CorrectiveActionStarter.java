package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.springframework.stereotype.Component;

/**
 * Starts processes/corrective-action.bpmn for an action that trend detection or a management
 * review proposed, and notes the link on each complaint's timeline.
 */
@Component
public class CorrectiveActionStarter {

  private final CorrectiveActions actions;
  private final Timeline timeline;

  public CorrectiveActionStarter(CorrectiveActions actions, Timeline timeline) {
    this.actions = actions;
    this.timeline = timeline;
  }

  public ProcessInstance start(ProcessEngineServices engine, long actionId) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(CORRECTIVE_ACTION_PROCESS_KEY,
        businessKey(actionId), Map.of(CORRECTIVE_ACTION_ID, actionId));
    actions.setProcessInstance(actionId, instance.getId());
    return instance;
  }

  /** Links the complaints to the action; each newly linked complaint gets a timeline event. */
  public void link(long actionId, List<String> references, String actor, String processInstanceId) {
    CorrectiveAction action = actions.get(actionId);
    for (String reference : actions.link(actionId, references)) {
      timeline.record(reference, EventType.CORRECTIVE_ACTION_LINKED, actor,
          "Linked to corrective action #%d (%s %s): %s".formatted(actionId, action.causeKind(), action.causeCode(),
              action.title()),
          Map.of("correctiveActionId", actionId, "causeKind", action.causeKind(), "causeCode", action.causeCode()),
          processInstanceId, null);
    }
  }

  public static String businessKey(long actionId) {
    return "CA-" + actionId;
  }
}
