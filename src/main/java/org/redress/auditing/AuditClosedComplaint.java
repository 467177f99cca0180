package org.redress.auditing;

import org.redress.complaint.StaffTime;

import static org.redress.complaint.ComplaintVariables.AUDITED_COMPLAINT;
import static org.redress.complaint.ComplaintVariables.AUDIT_CONTEXT;
import static org.redress.complaint.ComplaintVariables.AUDIT_PERIOD_END;
import static org.redress.complaint.ComplaintVariables.AUDIT_PERIOD_START;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.EngineClock;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.Markdown;
import org.redress.engine.RefusedAction;
import org.redress.engine.SubmittedForm;
import org.redress.security.NamedStaff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Task_AuditClosedComplaint (ISO 10002 8.5), one per complaint of the sample:
 * <ul>
 *   <li>create — names the task with the reference and gives the form what the auditor needs to
 *       judge the handling (dates, assessment, outcome, a link to the case file), never who the
 *       complainant is;
 *   <li>assignment — objectivity (4.7): an auditor who worked on the complaint (any event of its
 *       timeline is theirs) or is named in it may not audit it;
 *   <li>complete — checks the checklist on the server and stores the review in audit_review.
 * </ul>
 */
@Component("auditClosedComplaint")
class AuditClosedComplaint implements TaskListener {

  public static final List<String> ANSWERS = List.of("yes", "no");
  public static final List<String> ANSWERS_OR_NA = List.of("yes", "no", "na");
  /** Checklist field → whether "not applicable" is a possible answer. */
  static final Map<String, List<String>> CHECKLIST = checklist();
  public static final String FINDINGS = "findings";


  private final ComplaintRepository complaints;
  private final NamedStaff namedStaff;
  private final JdbcClient jdbc;

  private final StaffTime staffTime;

  public AuditClosedComplaint(ComplaintRepository complaints, NamedStaff namedStaff, JdbcClient jdbc,
      StaffTime staffTime) {
    this.staffTime = staffTime;
    this.complaints = complaints;
    this.namedStaff = namedStaff;
    this.jdbc = jdbc;
  }

  private static Map<String, List<String>> checklist() {
    Map<String, List<String>> checklist = new LinkedHashMap<>();
    checklist.put("acknowledgedInTime", ANSWERS);
    checklist.put("assessmentReasonable", ANSWERS);
    checklist.put("investigationProportionate", ANSWERS_OR_NA);
    checklist.put("decisionCommunicated", ANSWERS);
    checklist.put("recourseOffered", ANSWERS_OR_NA);
    checklist.put("timelineComplete", ANSWERS);
    return checklist;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = (String) task.getVariable(AUDITED_COMPLAINT);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> giveContext(task, reference);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null && handled(reference, task.getAssignee())) {
          throw new RefusedAction(refusal(task.getAssignee(), reference));
        }
      }
      case EVENTNAME_COMPLETE -> store(task, reference);
      default -> { }
    }
  }

  private void giveContext(DelegateTask task, String reference) {
    task.setName(task.getName() + " · " + reference);
    Complaint c = complaints.get(reference);
    ComplaintState s = complaints.state(reference);
    StringBuilder md = new StringBuilder();
    md.append("**Received** ").append(when(c.receivedAt())).append(" by ").append(c.channel().label())
        .append("; product or service: ").append(Markdown.escape(c.productOrService())).append("\n\n");
    md.append("**Acknowledged** ").append(when(s.acknowledgedAt())).append(" · **assessed** ").append(when(s.assessedAt()))
        .append(": severity ").append(s.severity()).append(", target ").append(s.responseTarget()).append(", due ")
        .append(when(s.responseDueAt())).append(s.assessmentOverridden() ? " (assessment overridden)" : "").append("\n\n");
    md.append("**Investigation** root cause ").append(s.rootCause() == null ? "—" : s.rootCause()).append(", justified ")
        .append(s.justified() == null ? "—" : s.justified()).append(s.escalated() ? " · escalated" : "").append("\n\n");
    md.append("**Decision communicated** ").append(when(s.decisionCommunicatedAt()))
        .append(s.decisionReviewed() ? " (internally reviewed)" : "").append(" · **outcome** ")
        .append(s.outcome() == null ? "—" : s.outcome()).append(" · **closed** ").append(when(s.closedAt()))
        .append(" by ").append(s.closedBy() == null ? "—" : Markdown.escape(s.closedBy())).append("\n\n");
    md.append("The full history and the verified timeline are in the case file: ")
        .append("/api/staff/audit/complaints/").append(reference).append("/case-file.html");
    task.setVariableLocal(AUDIT_CONTEXT, md.toString());
  }

  private void store(DelegateTask task, String reference) {
    String reviewer = CaseEvents.actor(task);
    if (handled(reference, reviewer)) {
      throw new InvalidSubmissionException("acknowledgedInTime", refusal(reviewer, reference));
    }
    SubmittedForm form = new SubmittedForm(task);
    Map<String, String> answers = new LinkedHashMap<>();
    CHECKLIST.forEach((field, allowed) -> answers.put(field, form.requiredChoice(field, allowed)));
    String findings = form.optionalText(FINDINGS);
    boolean conforming = !answers.containsValue("no");
    if (!conforming && findings == null) {
      throw new InvalidSubmissionException(FINDINGS, "is required when an answer is no: say what was wrong");
    }
    jdbc.sql("""
        INSERT INTO audit_review (reference, reviewed_at, reviewed_by, conforming, findings, acknowledged_in_time,
          assessment_reasonable, investigation_proportionate, decision_communicated, recourse_offered,
          timeline_complete, period_start, period_end, process_instance_id)
        VALUES (:reference, :at, :by, :conforming, :findings, :acknowledgedInTime, :assessmentReasonable,
          :investigationProportionate, :decisionCommunicated, :recourseOffered, :timelineComplete, :start, :end, :pi)""")
        .param("reference", reference)
        .param("at", EngineClock.now())
        .param("by", reviewer)
        .param("conforming", conforming)
        .param("findings", findings)
        .params(new LinkedHashMap<String, Object>(answers))
        .param("start", date(task.getVariable(AUDIT_PERIOD_START)))
        .param("end", date(task.getVariable(AUDIT_PERIOD_END)))
        .param("pi", task.getProcessInstanceId())
        .update();
  }

  /** Worked on the complaint (an event of its timeline is theirs) or named in it. */
  boolean handled(String reference, String userId) {
    if (userId == null || Actors.SYSTEM.equals(userId)) {
      return false;
    }
    long events = jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE reference = :reference AND actor = :user")
        .param("reference", reference).param("user", userId).query(Long.class).single();
    return events > 0 || namedStaff.isNamed(reference, userId);
  }

  private static String refusal(String userId, String reference) {
    return userId + " worked on or is named in complaint " + reference
        + " and may not audit it (objectivity); another auditor must take this review";
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse(value.toString());
  }

  private String when(OffsetDateTime time) {
    return time == null ? "—" : staffTime.format(time);
  }
}
