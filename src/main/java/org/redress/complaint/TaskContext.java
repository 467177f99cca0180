package org.redress.complaint;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.redress.engine.EveryUserTaskListener;
import org.redress.engine.FormContext;
import org.redress.engine.Markdown;
import org.springframework.stereotype.Component;

/**
 * Added to every user task by {@link EveryUserTaskListenersPlugin}, on create: names the task with the
 * complaint reference, and gives its form the read-only context — the complaint as submitted, the
 * assessment and the history so far — so a handler never has to leave Tasklist to decide. The
 * context is task-local, shown by the forms' text views and never submitted back, and not copied
 * into Camunda's history ({@link FormContext}): the complaint and its timeline are the record. Features above
 * the core add their own lines to the assessment through {@link CaseNotes}.
 */
@Component
class TaskContext implements EveryUserTaskListener, FormContext {

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_CREATE);
  }

  /** Copies of the complaint, its assessment and its timeline: kept out of Camunda's history. */
  @Override
  public java.util.Set<String> contextVariables() {
    return java.util.Set.of(COMPLAINT_SUMMARY, ASSESSMENT_SUMMARY, CASE_HISTORY);
  }

  private static final int HISTORY_ROWS = 40;

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final List<CaseNotes> notes;

  private final StaffTime staffTime;

  public TaskContext(ComplaintRepository complaints, Timeline timeline, List<CaseNotes> notes, StaffTime staffTime) {
    this.staffTime = staffTime;
    this.complaints = complaints;
    this.timeline = timeline;
    this.notes = notes;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = (String) task.getExecution().getVariable(REFERENCE);
    if (reference == null) {
      return;
    }
    task.setName(task.getName() + " · " + reference);
    Complaint complaint = complaints.get(reference);
    ComplaintState state = complaints.state(reference);
    task.setVariableLocal(REFERENCE, reference);
    List<TimelineEvent> events = timeline.of(reference);
    task.setVariableLocal(COMPLAINT_SUMMARY, fit(complaintSummary(complaint) + addedByComplainant(events)));
    task.setVariableLocal(ASSESSMENT_SUMMARY, fit(assessmentSummary(state) + notes(reference)));
    task.setVariableLocal(CASE_HISTORY, fitHistory(history(events)));
  }

  String complaintSummary(Complaint c) {
    StringBuilder md = new StringBuilder();
    md.append("**Received** ").append(staffTime.format(c.receivedAt())).append(" by ").append(c.channel().label())
        .append(" (recorded by ").append(Markdown.escape(c.receivedBy())).append(")\n\n");
    md.append("**Complainant** ").append(Markdown.escape(c.complainantName()));
    if (c.complainantOrganisation() != null) {
      md.append(", ").append(Markdown.escape(c.complainantOrganisation()));
    }
    md.append(" — prefers ").append(Channel.labelOf(c.preferredChannel()))
        .append(", in ").append(Words.language(c.preferredLanguage())).append("\n\n");
    line(md, "E-mail", c.complainantEmail());
    line(md, "Phone", c.complainantPhone());
    line(md, "Address", c.complainantAddress());
    line(md, "On behalf of", c.onBehalfOf());
    line(md, "Product or service", c.productOrService());
    line(md, "Order, account or contract", c.orderReference());
    line(md, "Problem date", c.problemDate() == null ? null : c.problemDate().toString());
    line(md, "Amount at stake", c.amountAtStake() == null ? null : "EUR " + c.amountAtStake().toPlainString());
    md.append("**Description**\n\n").append(Markdown.escape(c.description())).append("\n\n");
    line(md, "Remedy requested", c.remedyRequested());
    line(md, "Immediate action at receipt", c.immediateActionAtReceipt());
    if (c.safetyConcern()) {
      md.append("**Marked at receipt:** health or safety at risk\n\n");
    }
    if (c.legalOrRegulatory()) {
      md.append("**Marked at receipt:** legal or regulatory\n\n");
    }
    return md.toString();
  }

  /**
   * What the complainant added on the status page after submitting (information and file names), with
   * the date, newest last, so the handler sees it with the complaint itself.
   */
  String addedByComplainant(List<TimelineEvent> events) {
    StringBuilder md = new StringBuilder();
    for (TimelineEvent e : events) {
      if (e.type() != EventType.INFORMATION_ADDED_BY_COMPLAINANT) {
        continue;
      }
      if (md.isEmpty()) {
        md.append("**Information added by the complainant**\n\n");
      }
      md.append("- ").append(staffTime.format(e.occurredAt())).append(" · ").append(Markdown.escape(
          e.summary().replaceFirst("^Information added by the complainant:? ?", ""))).append('\n');
    }
    return md.isEmpty() ? "" : md.append('\n').toString();
  }

  String assessmentSummary(ComplaintState s) {
    if (s.severity() == null) {
      return "Not assessed yet.";
    }
    return "Severity **%s** · priority %d · response target %s, due %s%s%s · team %s".formatted(
        Words.of(s.severity()), s.priority(), Words.workingTime(s.responseTarget()), staffTime.format(s.responseDueAt()),
        Boolean.TRUE.equals(s.immediateActionNeeded()) ? " · **immediate action needed**" : "",
        s.assessmentOverridden() ? " · overridden by a handler" : "",
        Words.of(s.team()));
  }

  private String notes(String reference) {
    StringBuilder md = new StringBuilder();
    notes.forEach(note -> md.append(note.about(reference)));
    return md.toString();
  }

  String history(List<TimelineEvent> events) {
    StringBuilder md = new StringBuilder();
    List<TimelineEvent> shown = events.size() > HISTORY_ROWS ? events.subList(events.size() - HISTORY_ROWS, events.size()) : events;
    for (TimelineEvent e : shown) {
      String summary = e.summary().length() > 300 ? e.summary().substring(0, 299) + "…" : e.summary();
      md.append("- ").append(staffTime.format(e.occurredAt())).append(" · ").append(Markdown.escape(e.actor()))
          .append(" · ").append(Markdown.escape(summary)).append('\n');
    }
    return md.toString();
  }

  /** Camunda keeps text variables in a 4,000-character column; escaping can lengthen the text. */
  static final int MAX_VARIABLE_TEXT = 3900;

  static String fit(String markdown) {
    if (markdown.length() <= MAX_VARIABLE_TEXT) {
      return markdown;
    }
    String cut = markdown.substring(0, MAX_VARIABLE_TEXT - 100);
    int safe = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
    return (safe > 0 ? cut.substring(0, safe) : cut) + " …\n\n*(shortened here; the full text is stored with the complaint)*";
  }

  /** Keeps the newest history lines that fit. */
  static String fitHistory(String markdown) {
    if (markdown.length() <= MAX_VARIABLE_TEXT) {
      return markdown;
    }
    String tail = markdown.substring(markdown.length() - (MAX_VARIABLE_TEXT - 40));
    return "- *(earlier events omitted)*\n" + tail.substring(tail.indexOf('\n') + 1);
  }

  private static void line(StringBuilder md, String label, String value) {
    if (value != null) {
      md.append("**").append(label).append("** ").append(Markdown.escape(value)).append("\n\n");
    }
  }
}
