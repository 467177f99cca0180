package org.redress.investigation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintVariables;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * On complete of Task_ReviewAssessment and Task_InvestigateComplaint, before the task's own listener
 * (7.6): the handler may ask the complainant a question instead of finishing the step. The gateway
 * after the task reads {@code askComplainant}; the task's own listener leaves the step unfinished.
 */
@Component("questionForComplainant")
public class QuestionForComplainant implements TaskListener {

  public static final String ASK = ComplaintVariables.ASK_COMPLAINANT;
  public static final String QUESTION = ComplaintVariables.COMPLAINANT_QUESTION;
  public static final String ASKED_BY = ComplaintVariables.QUESTION_ASKED_BY;

  /** Whether the task being completed only asks the complainant (so its own form values are not final). */
  public static boolean asking(DelegateTask task) {
    return Boolean.TRUE.equals(task.getVariable(ASK));
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    boolean ask = form.flag(ASK);
    task.getExecution().setVariable(ASK, ask);
    if (ask) {
      task.getExecution().setVariable(QUESTION, form.requiredText(QUESTION));
      task.getExecution().setVariable(ASKED_BY, CaseEvents.actor(task));
    }
  }
}
