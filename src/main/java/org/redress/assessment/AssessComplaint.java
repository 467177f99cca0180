package org.redress.assessment;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.Words;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.escalation.HandlingTimes;
import org.redress.escalation.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Task_AssessComplaint (ISO 10002 7.5 initial assessment). Gathers the facts — safety words,
 * legal or regulatory exposure, amount at stake, earlier complaints by the same complainant or about
 * the same product — and evaluates the process owners' DMN table {@code initial-assessment}. The
 * result sets severity, priority, response target and team, and whether immediate action is needed.
 */
@Component("assessComplaint")
public class AssessComplaint implements JavaDelegate {

  public static final String DECISION_KEY = "initial-assessment";

  private final ComplaintRepository complaints;
  private final CaseEvents events;
  private final AssessmentSettings settings;
  private final HandlingTimes times;
  private final WorkingCalendar calendar;

  public AssessComplaint(ComplaintRepository complaints, CaseEvents events, AssessmentSettings settings,
      HandlingTimes times, WorkingCalendar calendar) {
    this.complaints = complaints;
    this.events = events;
    this.settings = settings;
    this.times = times;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseEvents.reference(execution);
    Complaint complaint = complaints.get(reference);
    Date receivedAt = EngineClock.toDate(complaint.receivedAt());
    Date windowStart = HandlingTimes.before(receivedAt, settings.recurrenceWindow());
    int earlier = complaints.countEarlierComplaints(complaint, EngineClock.fromDate(windowStart));
    AssessmentFacts facts = AssessmentFacts.of(complaint, earlier, settings);

    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(facts.asDecisionInputs())
        .evaluate()
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("The initial-assessment table has no rule for " + facts);
    }
    String severity = result.getEntry("severity");
    int priority = ((Number) result.getEntry("priority")).intValue();
    String target = result.getEntry("responseTarget");
    boolean immediate = Boolean.TRUE.equals(result.getEntry("immediateActionNeeded"));
    String team = result.getEntry("team");

    Date due = calendar.after(receivedAt, target);
    execution.setVariable(SEVERITY, severity);
    execution.setVariable(PRIORITY, priority);
    execution.setVariable(RESPONSE_TARGET, target);
    execution.setVariable(RESPONSE_DUE_DATE, due);
    execution.setVariable(REMINDER_DATE, calendar.share(receivedAt, due, times.reminderAtShareOfTarget()));
    execution.setVariable(IMMEDIATE_ACTION_NEEDED, immediate);
    // Immediate action is in calendar hours: a hazard to someone's safety does not wait for Monday.
    execution.setVariable(IMMEDIATE_ACTION_DUE_DATE, HandlingTimes.after(EngineClock.nowDate(), times.immediateActionPeriod()));
    execution.setVariable(TEAM, team);
    execution.setVariable(PROGRESS_UPDATE_CYCLE, times.progressUpdateCycle());
    execution.setVariable(DECISION_REVIEWED, false);
    execution.setVariable(DEEMED_ACCEPTED, false);

    complaints.recordAssessment(reference, severity, priority, target, EngineClock.fromDate(due), team, immediate, false);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decision", DECISION_KEY);
    details.put("inputs", facts.asDecisionInputs());
    Map<String, Object> outputs = new LinkedHashMap<>(result.getEntryMap());
    details.put("outputs", outputs);
    events.record(execution, EventType.ASSESSED,
        "Assessed as %s (priority %d, response target %s%s): %s".formatted(severity, priority, Words.workingTime(target),
            immediate ? ", immediate action needed" : "", result.getEntry("rationale")),
        details);
  }

}
