package org.redress.investigation;

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

  /** Set by the calling process (element template "Ask the complainant"): whose clock to pause. */
  static final String PAUSED_INSTANCE = "pausedProcessInstanceId";
  static final String QUESTION_ID = "questionId";
  static final String PAUSED_AT = "clockPausedAt";
  static final String ANSWER_PERIOD = "questionAnswerPeriod";

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
    String question = (String) execution.getVariable(QuestionForComplainant.QUESTION);
    String askedBy = (String) execution.getVariable(QuestionForComplainant.ASKED_BY);
    long id = questions.ask(reference, question, askedBy == null ? "system" : askedBy);
    execution.setVariable(QUESTION_ID, id);
    execution.setVariable(PAUSED_AT, EngineClock.nowDate());
    execution.setVariable(ANSWER_PERIOD, times.questionAnswerPeriod());
    clock.pause((String) execution.getVariable(PAUSED_INSTANCE));
    events.record(execution, EventType.CLOCK_PAUSED, "Response clock paused: waiting for the complainant's answer",
        Map.of("question", question, "askedBy", askedBy == null ? "system" : askedBy));
  }
}
