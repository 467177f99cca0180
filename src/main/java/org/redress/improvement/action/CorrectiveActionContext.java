package org.redress.improvement.action;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.redress.classification.CodeLists;
import org.redress.engine.EveryUserTaskListener;
import org.redress.engine.Markdown;
import org.springframework.stereotype.Component;

/**
 * On create of every user task of a corrective action: names the task with CA-&lt;id&gt; and gives
 * its form the action so far and the linked complaints (task-local {@code actionSummary}).
 */
@Component
class CorrectiveActionContext implements EveryUserTaskListener {

  public static final String ACTION_SUMMARY = "actionSummary";
  static final int MAX_TEXT = 3900;
  static final int MAX_LINKED_SHOWN = 60;

  private final CorrectiveActions actions;
  private final CodeLists codeLists;

  public CorrectiveActionContext(CorrectiveActions actions, CodeLists codeLists) {
    this.actions = actions;
    this.codeLists = codeLists;
  }

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_CREATE);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getExecution().getVariable(CORRECTIVE_ACTION_ID) instanceof Number id)) {
      return;
    }
    CorrectiveAction action = actions.get(id.longValue());
    task.setName(task.getName() + " · " + CorrectiveActionStarter.businessKey(action.id()));
    task.setVariableLocal(ACTION_SUMMARY, summary(action, actions.linkedReferences(action.id())));
  }

  String summary(CorrectiveAction a, List<String> linked) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(Markdown.escape(a.title())).append("**\n\n");
    md.append("**Cause** ").append(a.causeKind()).append(": ")
        .append(Markdown.escape(codeLists.label(a.causeKind(), a.causeCode()))).append(" · **status** ")
        .append(a.status()).append(" · proposed by ").append(Markdown.escape(a.proposedBy())).append("\n\n");
    line(md, "Why proposed", a.reason());
    line(md, "Root-cause analysis", a.analysis());
    line(md, "Action plan", a.actionPlan());
    if (a.actionOwner() != null) {
      md.append("**Owner** ").append(Markdown.escape(a.actionOwner())).append(", due ").append(a.dueDate()).append("\n\n");
    }
    line(md, "Implemented", a.implementationNote());
    if (a.effective() != null) {
      md.append("**Last effectiveness check** %s: %.3f complaints/day before, %.3f after\n\n"
          .formatted(a.effective() ? "effective" : "not effective", a.rateBefore(), a.rateAfter()));
    }
    if (a.timesReopened() > 0) {
      md.append("**Reopened** ").append(a.timesReopened()).append(" time(s)\n\n");
    }
    md.append("**Linked complaints (").append(linked.size()).append(")** ");
    md.append(linked.isEmpty() ? "none" : String.join(", ", linked.subList(0, Math.min(linked.size(), MAX_LINKED_SHOWN))));
    if (linked.size() > MAX_LINKED_SHOWN) {
      md.append(" … (all in GET /api/staff/corrective-actions/").append(a.id()).append(')');
    }
    String text = md.toString();
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + " …";
  }

  private static void line(StringBuilder md, String label, String value) {
    if (value != null) {
      String shown = value.length() > 800 ? value.substring(0, 799) + "…" : value;
      md.append("**").append(label).append("** ").append(Markdown.escape(shown)).append("\n\n");
    }
  }
}
