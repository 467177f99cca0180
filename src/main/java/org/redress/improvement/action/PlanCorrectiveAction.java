package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.EngineClock;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_PlanCorrectiveAction, on complete (8.7): what will be done, by whom (a Redress user) and by
 * when. Sets the due date and the reminder date that the implementation's timers read.
 */
@Component("planCorrectiveAction")
class PlanCorrectiveAction implements TaskListener {

  public static final String ACTION_PLAN = "actionPlan";
  public static final String ACTION_DUE_DAY = "actionDueDay";

  private final CorrectiveActions actions;
  private final CorrectiveActionSettings settings;

  public PlanCorrectiveAction(CorrectiveActions actions, CorrectiveActionSettings settings) {
    this.actions = actions;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String plan = form.requiredText(ACTION_PLAN);
    String owner = form.requiredText(ACTION_OWNER);
    if (task.getProcessEngineServices().getIdentityService().createUserQuery().userId(owner).count() == 0) {
      throw new InvalidSubmissionException(ACTION_OWNER, "is not a Redress user");
    }
    String dayText = form.requiredText(ACTION_DUE_DAY);
    LocalDate day;
    try {
      day = LocalDate.parse(dayText);
    } catch (DateTimeParseException e) {
      throw new InvalidSubmissionException(ACTION_DUE_DAY, "must be a date such as 2026-12-31");
    }
    OffsetDateTime now = EngineClock.now();
    if (day.isBefore(now.toLocalDate())) {
      throw new InvalidSubmissionException(ACTION_DUE_DAY, "must not be in the past");
    }
    // Due at the end of the due day (UTC); the reminder a configured time before, never in the past.
    OffsetDateTime due = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime reminder = due.minus(settings.reminderBeforeDue());
    if (reminder.isBefore(now)) {
      reminder = now;
    }
    form.keep(ACTION_OWNER, owner);
    task.getExecution().setVariable(ACTION_OWNER, owner);
    task.getExecution().setVariable(CORRECTIVE_ACTION_DUE_DATE, EngineClock.toDate(due));
    task.getExecution().setVariable(CORRECTIVE_ACTION_REMINDER_DATE, EngineClock.toDate(reminder));
    actions.recordPlan(((Number) task.getVariable(CORRECTIVE_ACTION_ID)).longValue(), plan, owner, day);
  }
}
