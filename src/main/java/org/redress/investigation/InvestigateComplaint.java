package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.classification.CodeLists;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_InvestigateComplaint, on complete (7.6): findings, root cause and whether the complaint is
 * justified; the root cause, from the active entries of the code list "root-cause", feeds clause 8
 * analysis.
 */
@Component("investigateComplaint")
class InvestigateComplaint implements TaskListener {

  public static final List<String> JUSTIFICATIONS = List.of("justified", "partly-justified", "not-justified");

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final CodeLists codeLists;

  public InvestigateComplaint(ComplaintRepository complaints, CaseEvents events, CodeLists codeLists) {
    this.complaints = complaints;
    this.events = events;
    this.codeLists = codeLists;
  }

  @Override
  public void notify(DelegateTask task) {
    if (QuestionForComplainant.asking(task)) {
      return; // the complainant is asked first; the investigation is completed when the task comes back
    }
    SubmittedForm form = new SubmittedForm(task);
    String findings = form.requiredText(FINDINGS);
    String rootCause = form.requiredChoice(ROOT_CAUSE, codeLists.activeCodes(CodeLists.ROOT_CAUSE));
    String justified = form.requiredChoice(COMPLAINT_JUSTIFIED, JUSTIFICATIONS);
    String reference = CaseEvents.reference(task.getExecution());
    complaints.recordInvestigation(reference, rootCause, justified);
    complaints.changeStatus(reference, ComplaintStatus.RESPONSE_PROPOSED);
    events.record(task, EventType.INVESTIGATED, "Investigated: %s, root cause %s".formatted(justified, rootCause),
        Map.of("findings", findings, "rootCause", rootCause, "complaintJustified", justified));
  }
}
