package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.ASK_COMPLAINANT;
import static org.redress.complaint.ComplaintVariables.CLOCK_PAUSED_AT;
import static org.redress.complaint.ComplaintVariables.COMPLAINANT_ANSWERED;
import static org.redress.complaint.ComplaintVariables.PAUSED_PROCESS_INSTANCE;
import static org.redress.complaint.ComplaintVariables.QUESTION_ID;
import static org.redress.complaint.ComplaintVariables.REMINDER_DATE;
import static org.redress.complaint.ComplaintVariables.RESPONSE_DUE_DATE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Task_ResumeResponseClock in ask-the-complainant (7.6): the wait is over, answered or not. The
 * paused timers, the response due date and the reminder date move on by the working time the clock
 * stood still, and that time is recorded for the KPIs (time to decision net of pauses).
 */
@Component("resumeResponseClock")
class ResumeResponseClock implements JavaDelegate {

  /** Working seconds the response clock of a complaint stood still so far, on the calling process. */
  public static final String PAUSED_SECONDS = org.redress.complaint.ComplaintVariables.RESPONSE_CLOCK_PAUSED_SECONDS;

  private final ComplainantQuestions questions;
  private final ComplaintRepository complaints;
  private final ResponseClock clock;
  private final WorkingCalendar calendar;
  private final CaseEvents events;

  ResumeResponseClock(ComplainantQuestions questions, ComplaintRepository complaints, ResponseClock clock,
      WorkingCalendar calendar, CaseEvents events) {
    this.questions = questions;
    this.complaints = complaints;
    this.clock = clock;
    this.calendar = calendar;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    String paused = (String) execution.getVariable(PAUSED_PROCESS_INSTANCE);
    Instant pausedAt = ((Date) execution.getVariable(CLOCK_PAUSED_AT)).toInstant();
    Instant now = EngineClock.nowDate().toInstant();
    Duration stoodStill = calendar.between(pausedAt, now);
    clock.resume(paused, pausedAt, now);

    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String dateVariable : new String[] {RESPONSE_DUE_DATE, REMINDER_DATE}) {
      if (runtime.getVariable(paused, dateVariable) instanceof Date date) {
        runtime.setVariable(paused, dateVariable, clock.moved(date, pausedAt, now));
      }
    }
    if (runtime.getVariable(paused, RESPONSE_DUE_DATE) instanceof Date due) {
      complaints.moveResponseDue(reference, EngineClock.fromDate(due));
    }
    Number before = (Number) runtime.getVariable(paused, PAUSED_SECONDS);
    runtime.setVariable(paused, PAUSED_SECONDS, (before == null ? 0 : before.longValue()) + stoodStill.toSeconds());
    runtime.setVariable(paused, ASK_COMPLAINANT, false);

    long id = ((Number) execution.getVariable(QUESTION_ID)).longValue();
    boolean answered = questions.of(reference).stream().anyMatch(q -> q.id() == id && q.answered());
    questions.resumed(id, reference, stoodStill.toSeconds());
    execution.setVariable(COMPLAINANT_ANSWERED, answered);
    if (!answered) {
      events.record(execution, EventType.QUESTION_UNANSWERED,
          "No answer to our question: we continue with the information we have", Map.of());
    }
    events.record(execution, EventType.CLOCK_RESUMED, "Response clock resumed after %d working hours %d minutes"
        .formatted(stoodStill.toHours(), stoodStill.toMinutesPart()), Map.of("pausedSeconds", stoodStill.toSeconds(),
        "answered", answered));
  }
}
