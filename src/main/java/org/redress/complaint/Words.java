package org.redress.complaint;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
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

  /** "P15D" → "15 working days", "PT4H" → "4 working hours" (response targets count working time). */
  public static String workingTime(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      if (!iso.contains("T")) {
        Period p = Period.parse(iso);
        int days = p.getDays();
        return p.getMonths() == 0 && p.getYears() == 0 ? days + (days == 1 ? " working day" : " working days") : iso;
      }
      Duration d = Duration.parse(iso);
      return d.toMinutesPart() == 0 ? d.toHours() + (d.toHours() == 1 ? " working hour" : " working hours")
          : d.toHours() + " working hours " + d.toMinutesPart() + " min";
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /**
   * A value of a rule's result as a person reads it: yes/no for booleans, a response target in
   * working time ("P15D" → "15 working days"), anything else as it is.
   */
  public static String value(Object value) {
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    String text = String.valueOf(value);
    return text.matches("P\\d+D|PT\\d+H(\\d+M)?|PT\\d+M") ? workingTime(text) : text;
  }

  /** "en" → "English": a language as a person names it; null for none. */
  public static String language(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }
}
