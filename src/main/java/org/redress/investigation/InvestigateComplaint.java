package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
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
 * Task_InvestigateComplaint, on complete (7.6): findings, root cause and whether the complaint is
 * justified; the root cause feeds clause 8 analysis.
 */
@Component("investigateComplaint")
public class InvestigateComplaint implements TaskListener {

  public static final List<String> ROOT_CAUSES = List.of("product-defect", "service-failure", "staff-conduct",
      "communication", "billing-error", "delivery-delay", "policy-or-terms", "third-party", "no-fault-found", "other");
  public static final List<String> JUSTIFICATIONS = List.of("justified", "partly-justified", "not-justified");

  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public InvestigateComplaint(ComplaintRepository complaints, CaseEvents events) {
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String findings = form.requiredText(FINDINGS, 10, SubmittedForm.MAX_TEXT);
    String rootCause = form.requiredChoice(ROOT_CAUSE, ROOT_CAUSES);
    String justified = form.requiredChoice(COMPLAINT_JUSTIFIED, JUSTIFICATIONS);
    String reference = CaseEvents.reference(task.getExecution());
    complaints.recordInvestigation(reference, rootCause, justified);
    complaints.changeStatus(reference, ComplaintStatus.RESPONSE_PROPOSED);
    events.record(task, EventType.INVESTIGATED, "Investigated: %s, root cause %s".formatted(justified, rootCause),
        Map.of("findings", findings, "rootCause", rootCause, "complaintJustified", justified));
  }
}
