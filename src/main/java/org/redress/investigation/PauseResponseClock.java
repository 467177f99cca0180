package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.CLOCK_PAUSED_AT;
import static org.redress.complaint.ComplaintVariables.COMPLAINANT_QUESTION;
import static org.redress.complaint.ComplaintVariables.PAUSED_PROCESS_INSTANCE;
import static org.redress.complaint.ComplaintVariables.QUESTION_ANSWER_PERIOD;
import static org.redress.complaint.ComplaintVariables.QUESTION_ASKED_BY;
import static org.redress.complaint.ComplaintVariables.QUESTION_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.HandlingTimes;
import org.springframework.stereotype.Component;

/**
 * Task_PauseResponseClock in ask-the-complainant (7.6): the question is recorded and the response
 * clock of the process that asked stops — its reminder and escalation timers are suspended until
 * the answer arrives or the wait ends.
 */
@Component("pauseResponseClock")
class PauseResponseClock implements JavaDelegate {

  private final ComplainantQuestions questions;
  private final ResponseClock clock;
  private final CaseEvents events;
  private final HandlingTimes times;

  PauseResponseClock(ComplainantQuestions questions, ResponseClock clock, CaseEvents events, HandlingTimes times) {
    this.questions = questions;
    this.clock = clock;
    this.events = events;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    String question = (String) execution.getVariable(COMPLAINANT_QUESTION);
    String askedBy = (String) execution.getVariable(QUESTION_ASKED_BY);
    long id = questions.ask(reference, question, askedBy == null ? "system" : askedBy);
    execution.setVariable(QUESTION_ID, id);
    execution.setVariable(CLOCK_PAUSED_AT, EngineClock.nowDate());
    execution.setVariable(QUESTION_ANSWER_PERIOD, times.questionAnswerPeriod());
    clock.pause((String) execution.getVariable(PAUSED_PROCESS_INSTANCE));
    events.record(execution, EventType.CLOCK_PAUSED, "Response clock paused: waiting for the complainant's answer",
        Map.of("question", question, "askedBy", askedBy == null ? "system" : askedBy));
  }
}
