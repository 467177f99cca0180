package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewDecision, on complete (7.9 internal review). Someone who was not involved in the
 * decision (enforced at claim, assign and complete by the objectivity rule in security) upholds or
 * revises the decision, with reasons; the decision then goes out again.
 */
@Component("reviewDecision")
class ReviewDecision implements TaskListener {

  public static final String UPHELD = "upheld";
  public static final String REVISED = "revised";

  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public ReviewDecision(ComplaintRepository complaints, CaseEvents events) {
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String outcome = form.requiredChoice(REVIEW_OUTCOME, List.of(UPHELD, REVISED));
    String reasons = form.requiredText(REVIEW_REASONS);
    String remedy = form.requiredText(RESPONSE_REMEDY);
    String explanation = form.requiredText(RESPONSE_EXPLANATION);
    boolean actionRequired = form.flag(ACTION_REQUIRED);
    form.keep(ACTION_REQUIRED, actionRequired);

    task.getExecution().setVariable(DECISION_REVIEWED, true);
    complaints.markDecisionReviewed(CaseEvents.reference(task.getExecution()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", outcome);
    details.put("reasons", reasons);
    details.put("remedy", remedy);
    details.put("explanation", explanation);
    details.put("actionRequired", actionRequired);
    events.record(task, EventType.INTERNAL_REVIEW_COMPLETED, "Internal review: decision " + outcome + ". " + reasons,
        details);
  }
}
