package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.COMPLAINANT_QUESTION;
import static org.redress.complaint.ComplaintVariables.QUESTION_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.EventType;
import org.redress.escalation.WorkingCalendar;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/** Task_RemindComplainantOfQuestion in ask-the-complainant (7.6): one reminder when no answer has come. */
@Component("remindComplainantOfQuestion")
class RemindComplainantOfQuestion implements JavaDelegate {

  private final ComplainantNotifier notifier;
  private final ComplainantQuestions questions;
  private final CaseEvents events;
  private final WorkingCalendar calendar;

  RemindComplainantOfQuestion(ComplainantNotifier notifier, ComplainantQuestions questions, CaseEvents events,
      WorkingCalendar calendar) {
    this.notifier = notifier;
    this.questions = questions;
    this.events = events;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String question = (String) execution.getVariable(COMPLAINANT_QUESTION);
    String answerBy = SendQuestion.answerBy(calendar, execution);
    notifier.send(execution, ComplainantMessage.QUESTION_REMINDER, Map.of("question", question, "answerBy", answerBy));
    questions.markReminded(((Number) execution.getVariable(QUESTION_ID)).longValue());
    events.record(execution, EventType.QUESTION_REMINDER_SENT, "Reminder of our question, answer by " + answerBy,
        Map.of("answerBy", answerBy));
  }
}
