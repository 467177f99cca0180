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
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_RecordExternalRecourse, on complete (7.9): whether the complainant went outside, to whom,
 * and the outcome. The task stays open — the complaint monitored — until that is known.
 */
@Component("recordExternalRecourse")
class RecordExternalRecourse implements TaskListener {

  public static final String REFERRED = "referred";
  public static final String NOT_PURSUED = "not-pursued";
  public static final List<String> BODIES = List.of("dispute-resolution", "ombudsman", "regulator", "court");

  private final ComplaintRepository complaints;
  private final CaseEvents events;

  public RecordExternalRecourse(ComplaintRepository complaints, CaseEvents events) {
    this.complaints = complaints;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String taken = form.requiredChoice(RECOURSE_TAKEN, List.of(REFERRED, NOT_PURSUED));
    String body = form.optionalChoice(EXTERNAL_BODY, BODIES);
    String externalReference = form.optionalText(EXTERNAL_REFERENCE);
    String outcome = form.requiredText(EXTERNAL_OUTCOME);
    if (REFERRED.equals(taken) && body == null) {
      throw new InvalidSubmissionException(EXTERNAL_BODY, "say where the complaint was referred");
    }
    task.getExecution().setVariable(CLOSING_ACTOR, CaseEvents.actor(task));
    if (REFERRED.equals(taken)) {
      complaints.markReferredOutside(CaseEvents.reference(task.getExecution()));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("recourseTaken", taken);
    if (body != null) {
      details.put("externalBody", body);
    }
    if (externalReference != null) {
      details.put("externalReference", externalReference);
    }
    details.put("outcome", outcome);
    events.record(task, EventType.EXTERNAL_RECOURSE_RECORDED,
        (REFERRED.equals(taken) ? "Referred to " + body : "External recourse not pursued") + ": " + outcome, details);
  }
}
