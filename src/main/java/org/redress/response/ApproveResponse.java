package org.redress.response;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EventType;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveResponse, on complete (7.7, four-eyes of 4.7). A supervisor other than the proposer
 * (enforced at claim, assign and complete by the objectivity rule in security) approves the
 * response or sends it back with a comment.
 */
@Component("approveResponse")
class ApproveResponse implements TaskListener {

  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "send-back";

  private final CaseEvents events;

  public ApproveResponse(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String decision = form.requiredChoice(APPROVAL_DECISION, List.of(APPROVE, SEND_BACK));
    String comment = form.optionalText(APPROVAL_COMMENT);
    if (SEND_BACK.equals(decision)) {
      if (comment == null) {
        throw new InvalidSubmissionException(APPROVAL_COMMENT, "tell the handler what to change");
      }
      events.record(task, EventType.RESPONSE_SENT_BACK, "Response sent back: " + comment, Map.of("comment", comment));
      return;
    }
    events.record(task, EventType.RESPONSE_APPROVED, "Response approved" + (comment == null ? "" : ": " + comment),
        comment == null ? Map.of() : Map.of("comment", comment));
  }
}
