package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.classification.CodeLists;
import org.redress.complaint.ComplaintRepository;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_RecordCorrectiveAction (8.7): the first step of every corrective action. An action proposed
 * by trend detection or a management review is already stored (its id is given); one started by
 * hand from the Tasklist start form is checked and stored here — refused while an action for the
 * same cause is open. The business key becomes CA-&lt;id&gt;.
 */
@Component("recordCorrectiveAction")
public class RecordCorrectiveAction implements JavaDelegate {

  public static final String CAUSE_KIND = "causeKind";
  public static final String CAUSE_CODE = "causeCode";
  public static final String ACTION_TITLE = "actionTitle";
  public static final String ACTION_REASON = "actionReason";
  public static final String LINKED_COMPLAINTS = "linkedComplaints";

  private final CorrectiveActions actions;
  private final CorrectiveActionStarter starter;
  private final CodeLists codeLists;
  private final ComplaintRepository complaints;

  public RecordCorrectiveAction(CorrectiveActions actions, CorrectiveActionStarter starter, CodeLists codeLists,
      ComplaintRepository complaints) {
    this.actions = actions;
    this.starter = starter;
    this.codeLists = codeLists;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(CORRECTIVE_ACTION_ID);
    long id;
    if (given instanceof Number number) {
      id = number.longValue();
    } else {
      id = recordFromStartForm(execution);
      execution.setVariable(CORRECTIVE_ACTION_ID, id);
    }
    actions.setProcessInstance(id, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(CorrectiveActionStarter.businessKey(id));
  }

  private long recordFromStartForm(DelegateExecution execution) {
    SubmittedForm form = new SubmittedForm(execution);
    String kind = form.requiredChoice(CAUSE_KIND, Cause.KINDS);
    String code = form.requiredChoice(CAUSE_CODE, codeLists.activeCodes(kind));
    String title = form.requiredText(ACTION_TITLE);
    String reason = form.requiredText(ACTION_REASON);
    List<String> references = references(form.optionalText(LINKED_COMPLAINTS));
    Cause cause = new Cause(kind, code);
    String actor = Actors.current(execution.getProcessEngineServices());
    long id = actions.propose(cause, title, reason, actor, null).orElseThrow(() -> new InvalidSubmissionException(
        CAUSE_CODE, "corrective action #" + actions.openFor(cause).map(CorrectiveAction::id).orElse(0L)
            + " is already open for " + cause + "; work on that one"));
    starter.link(id, references, actor, execution.getProcessInstanceId());
    return id;
  }

  private List<String> references(String text) {
    List<String> references = new ArrayList<>();
    if (text == null) {
      return references;
    }
    for (String reference : Arrays.stream(text.split("[,;\\s]+")).filter(r -> !r.isBlank()).toList()) {
      if (complaints.find(reference).isEmpty()) {
        throw new InvalidSubmissionException(LINKED_COMPLAINTS, "no complaint " + reference);
      }
      references.add(reference);
    }
    return references;
  }
}
