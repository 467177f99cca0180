package org.redress.complaint;

import java.util.Locale;

/**
 * A code as words a member of staff reads: "DECISION_COMMUNICATED" → "Decision communicated",
 * "partly-justified" → "Partly justified". For codes without a label of their own (statuses, event
 * types, outcomes, severities); code-list entries have their labels in classification's CodeLists.
 */
public final class Words {

  private Words() {}

  /** Null for a missing or blank code, so that a screen can leave the value out. */
  public static String of(Object code) {
    if (code == null || String.valueOf(code).isBlank()) {
      return null;
    }
    String text = String.valueOf(code).strip().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ENGLISH);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
