package org.redress.complaint;

/**
 * Lines a feature above the core adds to the assessment shown in every task of a complaint (for
 * example the open corrective actions the complaint is part of), so that {@link TaskContext} does
 * not depend on the features that know them.
 */
public interface CaseNotes {

  /** Markdown appended to the assessment summary, each note starting with a blank line; empty when none. */
  String about(String reference);
}
