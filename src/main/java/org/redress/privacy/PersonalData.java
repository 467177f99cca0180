package org.redress.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineChain;
import org.redress.complaint.TimelineEvent;
import org.redress.intake.ComplaintForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The complainant's personal data (ISO 10002 4.10): exported on a subject access request,
 * anonymised when the retention period after closure has passed or when the complainant asks for
 * erasure. Anonymising keeps everything the statistics of clause 8 need — channel, product, dates,
 * amounts, assessment, outcome, the timeline's who/when/what — and removes who the complainant is:
 * in Redress's tables (the complaint row, identifiers inside timeline texts) and in Camunda's
 * history (the raw start-form values and the task forms' complaint summaries, with their details).
 *
 * <p>The one exception to "the complaint as submitted is never updated".
 */
@Component
class PersonalData {

  public static final String ANONYMISED = "(anonymised)";
  static final String REDACTED = "[anonymised]";

  /** Process and task variables that held personal data: the raw start form and the forms' context. */
  static final List<String> PERSONAL_VARIABLES;

  static {
    List<String> names = new ArrayList<>(ComplaintForm.PERSONAL_FIELDS);
    names.add(ComplaintVariables.COMPLAINT_SUMMARY);
    names.add(ComplaintVariables.CASE_HISTORY);
    PERSONAL_VARIABLES = List.copyOf(names);
  }

  private final JdbcClient jdbc;
  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final HistoryService history;
  private final TaskService tasks;
  private final TimelineChain chain;

  public PersonalData(JdbcClient jdbc, ComplaintRepository complaints, Timeline timeline, HistoryService history,
      TaskService tasks, TimelineChain chain) {
    this.jdbc = jdbc;
    this.complaints = complaints;
    this.timeline = timeline;
    this.history = history;
    this.tasks = tasks;
    this.chain = chain;
  }

  /** Closed complaints whose retention period has passed and that still hold personal data. */
  public List<String> expired(OffsetDateTime closedBefore) {
    return jdbc.sql("""
        SELECT s.reference FROM complaint_status s JOIN complaint c ON c.reference = s.reference
        WHERE s.status = 'CLOSED' AND s.closed_at < :before AND c.anonymised_at IS NULL
        ORDER BY s.closed_at""")
        .param("before", closedBefore)
        .query(String.class)
        .list();
  }

  public boolean isAnonymised(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE reference = :reference AND anonymised_at IS NOT NULL")
        .param("reference", reference)
        .query(Long.class)
        .single() > 0;
  }

  /** Everything Redress holds about the complaint, for the complainant (subject access). */
  public Map<String, Object> export(String reference) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("reference", reference);
    export.put("complaint", complaints.get(reference));
    export.put("status", complaints.state(reference));
    export.put("timeline", timeline.of(reference));
    return export;
  }

  /**
   * Removes who the complainant is. Runs in the caller's transaction (a job or a request).
   *
   * @return false when the complaint was already anonymised
   */
  public boolean anonymise(String reference, String actor, EventType why, String summary) {
    if (isAnonymised(reference)) {
      return false;
    }
    Complaint c = complaints.get(reference);
    List<String> identifiers = new ArrayList<>();
    for (String value : new String[] {c.complainantName(), c.complainantOrganisation(), c.complainantEmail(),
        c.complainantPhone(), c.complainantAddress(), c.onBehalfOf(), c.orderReference()}) {
      if (value != null && value.strip().length() >= 3) {
        identifiers.add(value.strip());
      }
    }
    identifiers.sort(Comparator.comparingInt(String::length).reversed());

    // The redaction below rewrites timeline rows, which breaks their hashes: the chain is checked
    // now, re-sealed afterwards, and the event recorded last names the head it had before, so the
    // anonymised case still verifies and an auditor can match it against an earlier case file.
    TimelineChain.Head headBefore = chain.lockHead(reference, () -> timeline.of(reference));
    List<TimelineChain.Finding> findingsBefore = TimelineChain.verify(timeline.of(reference));

    jdbc.sql("""
        UPDATE complaint SET complainant_name = :anonymised, complainant_organisation = NULL,
          complainant_email = NULL, complainant_phone = NULL, complainant_address = NULL, on_behalf_of = NULL,
          order_reference = NULL, description = :anonymised, remedy_requested = NULL,
          immediate_action_at_receipt = NULL, anonymised_at = :now
        WHERE reference = :reference""")
        .param("anonymised", ANONYMISED)
        .param("now", EngineClock.now())
        .param("reference", reference)
        .update();
    // what complainants sent beyond the form (issue 3's tables): files, a stored API answer, comments
    jdbc.sql("DELETE FROM complaint_attachment WHERE reference = :reference").param("reference", reference).update();
    jdbc.sql("DELETE FROM idempotent_submission WHERE reference = :reference").param("reference", reference).update();
    jdbc.sql("UPDATE satisfaction_survey SET comment = NULL WHERE reference = :reference")
        .param("reference", reference).update();
    for (TimelineEvent event : timeline.of(reference)) {
      String summary2 = redact(event.summary(), identifiers);
      String details2 = event.details() == null ? null : redact(event.details(), identifiers);
      if (!summary2.equals(event.summary()) || (details2 != null && !details2.equals(event.details()))) {
        jdbc.sql("UPDATE complaint_event SET summary = :summary, details = :details WHERE id = :id")
            .param("summary", summary2)
            .param("details", details2)
            .param("id", event.id())
            .update();
      }
    }
    anonymiseProcessHistory(reference, identifiers);
    chain.seal(timeline.of(reference));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fields", ComplaintForm.PERSONAL_FIELDS);
    details.put("chainResealed", true);
    details.put("previousHeadSequence", headBefore.sequence());
    details.put("previousHeadHash", headBefore.hash());
    details.put("chainIntactBeforeResealing", findingsBefore.isEmpty());
    if (!findingsBefore.isEmpty()) {
      details.put("problemsBeforeResealing", findingsBefore.stream()
          .map(f -> f.problem() + " at " + f.sequence()).toList());
    }
    timeline.record(reference, why, actor, summary, details, null, null);
    return true;
  }

  /**
   * Camunda's history keeps every value a variable ever had (variable instances and their details)
   * and the raw start-form fields. Deleted here: the variables that held personal data by name, and
   * any other text variable or detail in which one of the complainant's identifiers appears (say,
   * a response that addresses them by name) — through the history service, which deletes a
   * variable's details with it. What it leaves (the details of the start-form variables that
   * RecordComplaint removed, form-field details) has no API: those rows of ACT_HI_DETAIL are
   * deleted directly, by id. Open tasks get their form context replaced.
   */
  private void anonymiseProcessHistory(String reference, List<String> identifiers) {
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list()) {
      Set<String> variablesToDelete = new LinkedHashSet<>();
      List<String> detailsToDelete = new ArrayList<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).disableBinaryFetching().disableCustomObjectDeserialization().list()) {
        if (PERSONAL_VARIABLES.contains(variable.getName()) || mentions(variable.getValue(), identifiers)) {
          variablesToDelete.add(variable.getId());
        }
      }
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId())
          .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
        if (detail instanceof HistoricVariableUpdate update) {
          if (PERSONAL_VARIABLES.contains(update.getVariableName()) || mentions(update.getValue(), identifiers)) {
            variablesToDelete.add(update.getVariableInstanceId());
            detailsToDelete.add(update.getId());
          }
        } else if (detail instanceof HistoricFormField field) {
          if (PERSONAL_VARIABLES.contains(field.getFieldId()) || mentions(field.getFieldValue(), identifiers)) {
            detailsToDelete.add(field.getId());
          }
        }
      }
      for (String variableId : variablesToDelete) {
        if (history.createHistoricVariableInstanceQuery().variableId(variableId).count() > 0) {
          history.deleteHistoricVariableInstance(variableId);
        }
      }
      // what the history service left behind (details of removed start-form variables, form fields)
      for (String detailId : detailsToDelete) {
        jdbc.sql("DELETE FROM ACT_HI_DETAIL WHERE ID_ = :id").param("id", detailId).update();
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        tasks.setVariableLocal(task.getId(), ComplaintVariables.COMPLAINT_SUMMARY,
            "The complainant's personal data has been erased.");
        tasks.removeVariableLocal(task.getId(), ComplaintVariables.CASE_HISTORY);
      }
    }
  }

  private static boolean mentions(Object value, List<String> identifiers) {
    if (!(value instanceof String text)) {
      return false;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return identifiers.stream().anyMatch(id -> lower.contains(id.toLowerCase(java.util.Locale.ROOT)));
  }

  static String redact(String text, List<String> identifiers) {
    String result = text;
    for (String identifier : identifiers) {
      result = result.replaceAll("(?i)" + java.util.regex.Pattern.quote(identifier), REDACTED);
    }
    return result;
  }
}
