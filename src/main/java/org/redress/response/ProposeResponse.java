package org.redress.response;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_ProposeResponse, on complete (7.7): remedy, explanation, preventive action. Clears an earlier
 * approver's comment; the proposer, on the timeline, may not approve it (objectivity rule).
 */
@Component("proposeResponse")
class ProposeResponse implements TaskListener {

  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public ProposeResponse(ComplaintRepository complaints, CaseEvents events) {
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String remedy = form.requiredText(RESPONSE_REMEDY);
    String explanation = form.requiredText(RESPONSE_EXPLANATION);
    String preventive = form.optionalText(PREVENTIVE_ACTION);
    boolean actionRequired = form.flag(ACTION_REQUIRED);
    form.keep(ACTION_REQUIRED, actionRequired);

    task.getExecution().removeVariable(APPROVAL_COMMENT);
    task.getExecution().removeVariable(APPROVAL_DECISION);

    complaints.changeStatus(CaseEvents.reference(task.getExecution()), ComplaintStatus.RESPONSE_PROPOSED);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("remedy", remedy);
    details.put("explanation", explanation);
    if (preventive != null) {
      details.put("preventiveAction", preventive);
    }
    details.put("actionRequired", actionRequired);
    events.record(task, EventType.RESPONSE_PROPOSED, "Response proposed: " + remedy, details);
  }
}
