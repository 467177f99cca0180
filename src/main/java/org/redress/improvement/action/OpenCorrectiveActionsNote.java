package org.redress.improvement.action;

import java.util.List;
import org.redress.complaint.CaseNotes;
import org.redress.engine.Markdown;
import org.springframework.stereotype.Component;

/** Tells whoever works on a complaint which open corrective actions (8.7) it is part of. */
@Component
class OpenCorrectiveActionsNote implements CaseNotes {

  private final CorrectiveActions actions;

  OpenCorrectiveActionsNote(CorrectiveActions actions) {
    this.actions = actions;
  }

  @Override
  public String about(String reference) {
    return openActions(actions.openForComplaint(reference));
  }

  static String openActions(List<CorrectiveAction> open) {
    StringBuilder md = new StringBuilder();
    for (CorrectiveAction a : open) {
      md.append("\n\n**Corrective action CA-").append(a.id()).append("** (").append(a.status()).append(", ")
          .append(a.causeKind()).append(' ').append(a.causeCode()).append("): ").append(Markdown.escape(a.title()));
    }
    return md.toString();
  }
}
