package org.redress.assessment;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.classification.CodeLists;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.redress.escalation.HandlingTimes;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewAssessment, on complete (7.5). The handler confirms the assessment or overrides
 * severity and response target; an override needs a reason and is recorded with the old and new
 * values. Priority and due dates follow the new values. The handler also files the complaint under a
 * category and a product from the active code lists (8.2).
 */
@Component("reviewAssessment")
class ReviewAssessment implements TaskListener {

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final AssessmentSettings settings;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;
  private final CodeLists codeLists;

  public ReviewAssessment(ComplaintRepository complaints, CaseEvents events, AssessmentSettings settings,
      HandlingTimes times, WorkingCalendar calendar, CodeLists codeLists) {
    this.complaints = complaints;
    this.events = events;
    this.settings = settings;
    this.times = times;
    this.calendar = calendar;
    this.codeLists = codeLists;
  }

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(ComplaintVariables.ASK_COMPLAINANT))) {
      return; // the complainant is asked first (investigation/QuestionForComplainant); reviewed when the task comes back
    }
    SubmittedForm form = new SubmittedForm(task);
    String severity = form.requiredChoice(SEVERITY, Severity.ALL);
    String target = form.requiredChoice(RESPONSE_TARGET, settings.responseTargets());
    String reason = form.optionalText(OVERRIDE_REASON);
    String category = form.requiredChoice(CATEGORY, codeLists.activeCodes(CodeLists.CATEGORY));
    String product = form.requiredChoice(PRODUCT, codeLists.activeCodes(CodeLists.PRODUCT));

    String reference = CaseEvents.reference(task.getExecution());
    complaints.recordClassification(reference, category, product);
    ComplaintState assessed = complaints.state(reference);
    complaints.changeStatus(reference, ComplaintStatus.UNDER_INVESTIGATION);
    boolean changed = !severity.equals(assessed.severity()) || !target.equals(assessed.responseTarget());
    if (!changed) {
      events.record(task, EventType.ASSESSMENT_CONFIRMED,
          "Assessment confirmed: %s, response target %s; category %s, product %s".formatted(severity, target,
              category, product), Map.of("category", category, "product", product));
      return;
    }
    if (reason == null) {
      throw new InvalidSubmissionException(OVERRIDE_REASON,
          "give a reason when you change the severity or the response target");
    }
    Complaint complaint = complaints.get(reference);
    Date receivedAt = EngineClock.toDate(complaint.receivedAt());
    // the target counts from receipt, plus the working time the clock stood still while the complainant was asked
    Number paused = (Number) task.getVariable(ComplaintVariables.RESPONSE_CLOCK_PAUSED_SECONDS);
    Date due = Date.from(calendar.after(receivedAt.toInstant(),
        calendar.workingTime(target).plusSeconds(paused == null ? 0 : paused.longValue())));
    int priority = settings.priorityOf(severity);
    task.getExecution().setVariable(PRIORITY, priority);
    task.getExecution().setVariable(RESPONSE_DUE_DATE, due);
    task.getExecution().setVariable(REMINDER_DATE, calendar.share(receivedAt, due, times.reminderAtShareOfTarget()));
    complaints.recordAssessment(reference, severity, priority, target, EngineClock.fromDate(due), assessed.team(),
        Boolean.TRUE.equals(assessed.immediateActionNeeded()), true);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", Map.of("severity", assessed.severity(), "responseTarget", assessed.responseTarget()));
    details.put("to", Map.of("severity", severity, "responseTarget", target, "priority", priority));
    details.put("reason", reason);
    details.put("category", category);
    details.put("product", product);
    events.record(task, EventType.ASSESSMENT_OVERRIDDEN, "Assessment overridden: %s/%s → %s/%s. Reason: %s"
        .formatted(assessed.severity(), assessed.responseTarget(), severity, target, reason), details);
  }
}
