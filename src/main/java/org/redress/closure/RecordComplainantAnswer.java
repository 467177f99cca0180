package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.redress.escalation.HandlingTimes;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Task_RecordComplainantAnswer, on complete (7.9): accepted, or rejected with the complainant's
 * reason. A rejection sets the target for the internal review or the external recourse.
 */
@Component("recordComplainantAnswer")
class RecordComplainantAnswer implements TaskListener {

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;

  public RecordComplainantAnswer(ComplaintRepository complaints, CaseEvents events, HandlingTimes times, WorkingCalendar calendar) {
    this.complaints = complaints;
    this.events = events;
    this.times = times;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String answer = form.requiredChoice(COMPLAINANT_ANSWER, List.of(ACCEPTED, REJECTED));
    String reason = form.optionalText(COMPLAINANT_REASON);
    String reference = CaseEvents.reference(task.getExecution());
    task.getExecution().setVariable(CLOSING_ACTOR, CaseEvents.actor(task));
    if (ACCEPTED.equals(answer)) {
      complaints.changeStatus(reference, ComplaintStatus.DECISION_ACCEPTED);
      task.getExecution().setVariable(ACTION_DUE_DATE,
          calendar.after(EngineClock.nowDate(), times.agreedActionPeriod()));
      // a comment given with an acceptance (its own field: the reason field belongs to a rejection)
      String comment = form.optionalText(COMPLAINANT_COMMENT);
      events.record(task, EventType.DECISION_ACCEPTED, "The complainant accepted the decision",
          comment == null ? Map.of() : Map.of("comment", comment));
      return;
    }
    if (reason == null) {
      throw new InvalidSubmissionException(COMPLAINANT_REASON, "record why the complainant rejects the decision");
    }
    boolean reviewed = Boolean.TRUE.equals(task.getExecution().getVariable(DECISION_REVIEWED));
    task.getExecution().setVariable(REVIEW_DUE_DATE, calendar.after(EngineClock.nowDate(), times.reviewPeriod()));
    task.getExecution().setVariable(ANSWER_DUE_DATE, calendar.after(EngineClock.nowDate(), times.answerPeriod()));
    complaints.markDecisionRejected(reference, reviewed ? ComplaintStatus.EXTERNAL_RECOURSE : ComplaintStatus.UNDER_INTERNAL_REVIEW);
    events.record(task, EventType.DECISION_REJECTED,
        (reviewed ? "The complainant rejected the reviewed decision: " : "The complainant rejected the decision: ") + reason,
        Map.of("reason", reason, "afterInternalReview", reviewed));
  }
}
