package org.redress.auditing;

import java.util.List;

/**
 * The case file as a person reads it (ISO 10002 4.12, 8.5): labelled values, never codes or empty
 * fields, every moment in {@code StaffTime}'s one format. Built by {@link ReadableCaseFiles} from the
 * {@link CaseFile.Document}; the PDF, the printable page and the read-only case view all show this,
 * through one template (templates/audit/case-file.html, fragment {@code document}).
 *
 * @param complaint the complaint as received
 * @param standing where it stands now
 * @param decisions what people and rules decided, with their reasons
 * @param timeline one line per event
 * @param letters what was sent to the complainant
 * @param appendix the technical record: process facts, the domain events with their hashes, the
 *     process history and the last value of each process variable
 */
public record ReadableCaseFile(String reference, String generatedAt, String generatedBy, boolean personalDataShown,
    List<Field> complaint, List<Field> standing, List<Decision> decisions, List<Line> timeline,
    List<Letter> letters, Verification verification, Appendix appendix) {

  /** A labelled value. */
  public record Field(String label, String value) {}

  /** A decision with who took it, when, and its reasons. */
  public record Decision(String title, String who, String when, List<Field> reasons) {}

  /** One event of the timeline. */
  public record Line(String when, String event, String who) {}

  /** A message to the complainant: an e-mail, or a letter staff posted or handed over. */
  public record Letter(String when, String title, String how) {}

  /** The hash chain's verification in words. */
  public record Verification(boolean intact, String sentence, String headHash, List<String> problems) {}

  /** The technical record, for auditors who need the raw data. */
  public record Appendix(List<Field> process, List<Event> events, List<Entry> history, List<Field> variables) {}

  /** A domain event as stored: its code, summary, details and hash. */
  public record Event(Integer sequence, String when, String type, String who, String summary, String details,
      String hash) {}

  /** A process history entry, compact. */
  public record Entry(String when, String kind, String what, String who, String details) {}
}
