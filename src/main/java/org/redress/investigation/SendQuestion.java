package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.COMPLAINANT_QUESTION;
import static org.redress.complaint.ComplaintVariables.QUESTION_ANSWER_PERIOD;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.WorkingCalendar;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/** Task_SendQuestion in ask-the-complainant (7.6): the question goes to the complainant over their channel. */
@Component("sendQuestion")
class SendQuestion implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final CaseEvents events;
  private final WorkingCalendar calendar;

  SendQuestion(ComplainantNotifier notifier, CaseEvents events, WorkingCalendar calendar) {
    this.notifier = notifier;
    this.events = events;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String question = (String) execution.getVariable(COMPLAINANT_QUESTION);
    String answerBy = answerBy(calendar, execution);
    notifier.send(execution, ComplainantMessage.QUESTION, Map.of("question", question, "answerBy", answerBy));
    events.record(execution, EventType.QUESTION_ASKED, "We asked the complainant: " + question,
        Map.of("question", question, "answerBy", answerBy));
  }

  /** The day by which we hope for the answer: the question's answer period (working time) from now. */
  static String answerBy(WorkingCalendar calendar, DelegateExecution execution) {
    return EngineClock.fromDate(calendar.after(EngineClock.nowDate(),
        (String) execution.getVariable(QUESTION_ANSWER_PERIOD))).toLocalDate().toString();
  }
}
