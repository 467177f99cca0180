package org.redress.closure;

import static org.redress.complaint.ComplaintVariables.ANSWER_DUE_DATE;
import static org.redress.complaint.ComplaintVariables.LETTER_SENT_ON;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.HandlingTimes;
import org.springframework.stereotype.Component;

/**
 * Task_StartAnswerPeriod (7.8, 7.9): for a decision sent by post, the complainant's answer period
 * starts on the day the letter was sent, not when the decision was ready — never ending before the
 * date the letter itself states. The answer task and its deemed-acceptance timer read the date set here.
 */
@Component("startAnswerPeriod")
class StartAnswerPeriod implements JavaDelegate {

  private final HandlingTimes times;
  private final CaseEvents events;

  StartAnswerPeriod(HandlingTimes times, CaseEvents events) {
    this.times = times;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date sentOn = (Date) execution.getVariable(LETTER_SENT_ON);
    Date stated = (Date) execution.getVariable(ANSWER_DUE_DATE);
    Date due = HandlingTimes.after(sentOn == null ? EngineClock.nowDate() : sentOn, times.answerPeriod());
    if (stated != null && stated.after(due)) {
      due = stated;
    }
    execution.setVariable(ANSWER_DUE_DATE, due);
    String answerBy = EngineClock.fromDate(due).toLocalDate().toString();
    events.record(execution, EventType.ANSWER_PERIOD_STARTED, "Decision letter sent; the complainant may answer until " + answerBy,
        Map.of("answerBy", answerBy));
  }
}
