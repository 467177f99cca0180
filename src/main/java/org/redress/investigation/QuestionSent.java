package org.redress.investigation;

import static org.redress.complaint.ComplaintVariables.QUESTION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.redress.complaint.ComplainantQuestions;
import org.springframework.stereotype.Component;

/**
 * On Gateway_QuestionSent in ask-the-complainant (7.6): the question has left — by e-mail, or by the
 * Send letter task — and the process goes on to wait for the answer in this same transaction, so an
 * answer is taken from now on and never before the process can receive it.
 */
@Component("questionSent")
class QuestionSent implements ExecutionListener {

  private final ComplainantQuestions questions;

  QuestionSent(ComplainantQuestions questions) {
    this.questions = questions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    questions.markSent(((Number) execution.getVariable(QUESTION_ID)).longValue());
  }
}
