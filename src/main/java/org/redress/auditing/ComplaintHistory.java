package org.redress.auditing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.redress.complaint.Words;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EngineClock;
import org.redress.complaint.StaffTime;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.intake.ComplaintForm;
import org.redress.problem.RefusedRequest;
import org.springframework.stereotype.Component;

/**
 * The full story of one complaint for auditors (ISO 10002 4.12, 8.5), running or closed: what
 * Camunda's history recorded (activities, tasks with assignees, submitted forms, variable changes,
 * DMN evaluations, timers fired, escalations, incidents and their resolution, the user operation
 * log) and Redress's domain timeline (with its hash chain). Every history query runs under the
 * caller's Camunda authorizations: what they may not read is simply not there.
 *
 * <p>Camunda CE records no "sequence flow taken" history; the taken path is derived from the model:
 * a flow counts as taken when its source activity completed and its target activity was entered.
 */
@Component
class ComplaintHistory {

  public enum Kind { ACTIVITY, TASK, FORM_SUBMITTED, VARIABLE, DECISION, TIMER, ESCALATION, INCIDENT, OPERATION, MESSAGE }

  /** One thing that happened; {@code link} (a Cockpit route) only where Cockpit has a page for it. */
  /**
   * One thing that happened; {@code link} (a Cockpit route) only where Cockpit has a page for it. The
   * {@code …Text} moments are the instants in {@link StaffTime}, what the plugin shows.
   */
  public record Entry(Date time, Date endTime, Kind kind, String activityId, String activityName, String actor,
      Long durationMillis, String summary, Map<String, Object> details,
      @JsonInclude(JsonInclude.Include.NON_NULL) String link, String timeText, String endTimeText) {

    Entry(Date time, Date endTime, Kind kind, String activityId, String activityName, String actor,
        Long durationMillis, String summary, Map<String, Object> details, String link) {
      this(time, endTime, kind, activityId, activityName, actor, durationMillis, summary, details, link, null, null);
    }

    Entry inStaffTime(StaffTime staffTime) {
      return new Entry(time, endTime, kind, activityId, activityName, actor, durationMillis, summary, details, link,
          text(staffTime, time), text(staffTime, endTime));
    }
  }

  /** An event of Redress's own timeline: its type as code and in words, the moment as instant and as text. */
  public record DomainEvent(long id, Integer sequence, java.time.OffsetDateTime occurredAt, String occurredAtText,
      String actor, String type, String typeLabel, String summary, String details, String previousHash, String hash) {}

  public record History(String reference, String processInstanceId, String processDefinitionId,
      String processDefinitionKey, Integer processDefinitionVersion, boolean running, Date startTime,
      String startTimeText, Date endTime, String endTimeText,
      String diagramXml, Map<String, Long> activityCounts, List<String> runningActivityIds,
      List<String> takenSequenceFlowIds, List<Entry> entries, List<DomainEvent> domainTimeline,
      VerifyTimeline.Verification verification) {}

  private static final int MAX_VALUE_LENGTH = 2000;
  static final String WITHHELD = "[personal data withheld]";

  /**
   * Who the complainant is and how to reach them: withheld from callers who may not see personal
   * data (auditors judge the handling, not the person). The complaint's substance stays visible.
   */
  static final Set<String> IDENTITY_VARIABLES = Set.of(ComplaintForm.NAME, ComplaintForm.ORGANISATION,
      ComplaintForm.EMAIL, ComplaintForm.PHONE, ComplaintForm.ADDRESS,
      ComplaintForm.ON_BEHALF_OF, ComplaintForm.ORDER_REFERENCE, ComplaintVariables.COMPLAINT_SUMMARY,
      ComplaintVariables.CASE_HISTORY);

  private final HistoryService history;
  private final RepositoryService repository;
  private final Timeline timeline;
  private final VerifyTimeline verify;
  private final StaffTime staffTime;

  public ComplaintHistory(HistoryService history, RepositoryService repository, Timeline timeline,
      VerifyTimeline verify, StaffTime staffTime) {
    this.history = history;
    this.repository = repository;
    this.timeline = timeline;
    this.verify = verify;
    this.staffTime = staffTime;
  }

  /** @throws RefusedRequest when there is no such complaint */
  public History of(String reference, boolean seesPersonalData) {
    List<TimelineEvent> events = timeline.of(reference);
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY).processInstanceBusinessKey(reference)
        .orderByProcessInstanceStartTime().desc().list().stream().findFirst().orElse(null);
    if (instance == null && events.isEmpty()) {
      throw RefusedRequest.notFound("No complaint " + reference);
    }
    List<DomainEvent> domain = events.stream().map(e -> new DomainEvent(e.id(), e.sequence(),
        ComplaintSearch.utc(e.occurredAt()), e.occurredAt() == null ? null : staffTime.format(e.occurredAt()), e.actor(),
        e.type().name(), e.type().label(), e.summary(), e.details(), e.previousHash(), e.hash())).toList();
    VerifyTimeline.Verification verification = verify.verify(reference, events);
    List<Entry> entries = new ArrayList<>();
    for (TimelineEvent e : events) {
      if (e.type() == EventType.MESSAGE_SENT) {
        entries.add(new Entry(EngineClock.toDate(e.occurredAt()), null, Kind.MESSAGE, e.activityId(), null, e.actor(),
            null, e.summary(), e.details() == null ? null : Map.of("letter", e.details()), null));
      }
    }
    if (instance == null) {
      return new History(reference, null, null, null, null, false, null, null, null, null, null, Map.of(), List.of(),
          List.of(), sorted(entries), domain, verification);
    }
    String id = instance.getId();
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    Map<String, Long> counts = new TreeMap<>();
    List<String> runningIds = new ArrayList<>();
    for (HistoricActivityInstance a : activities) {
      String activityId = baseId(a.getActivityId());
      counts.merge(activityId, 1L, Long::sum);
      if (a.getEndTime() == null && !runningIds.contains(activityId)) {
        runningIds.add(activityId);
      }
      if ("userTask".equals(a.getActivityType())) {
        continue; // told as TASK below, with the assignee
      }
      Kind kind = isEscalation(a) ? Kind.ESCALATION : Kind.ACTIVITY;
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("activityType", a.getActivityType());
      if (a.isCanceled()) {
        details.put("canceled", true);
      }
      entries.add(new Entry(a.getStartTime(), a.getEndTime(), kind, a.getActivityId(), a.getActivityName(), null,
          a.getDurationInMillis(), (a.getActivityName() == null ? a.getActivityId() : a.getActivityName())
              + " (" + words(a.getActivityType()) + ")", details, null));
    }
    tasks(id, entries);
    formsAndVariables(id, entries, seesPersonalData);
    decisions(id, entries);
    timers(id, entries);
    incidents(id, entries);
    operations(id, entries);

    String diagram = diagram(instance.getProcessDefinitionId());
    List<String> taken = takenFlows(instance.getProcessDefinitionId(), activities);
    named(entries, repository.getBpmnModelInstance(instance.getProcessDefinitionId()));
    return new History(reference, id, instance.getProcessDefinitionId(), instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionVersion(), instance.getEndTime() == null, instance.getStartTime(),
        text(staffTime, instance.getStartTime()), instance.getEndTime(), text(staffTime, instance.getEndTime()), diagram, counts, runningIds, taken, sorted(entries), domain, verification);
  }

  private void tasks(String processInstanceId, List<Entry> entries) {
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("taskId", t.getId());
      details.put("assignee", t.getAssignee());
      details.put("owner", t.getOwner());
      details.put("due", t.getDueDate());
      details.put("priority", t.getPriority());
      details.put("outcome", t.getDeleteReason());
      details.values().removeIf(java.util.Objects::isNull);
      Kind kind = t.getTaskDefinitionKey() != null && t.getTaskDefinitionKey().contains("Escalat") ? Kind.ESCALATION
          : Kind.TASK;
      entries.add(new Entry(t.getStartTime(), t.getEndTime(), kind, t.getTaskDefinitionKey(), t.getName(),
          t.getAssignee(), t.getDurationInMillis(), t.getName() + (t.getAssignee() == null ? "" : " — " + t.getAssignee())
              + (t.getEndTime() == null ? " (open)" : ""), details, null));
    }
  }

  /** Form fields and variable updates, one FORM_SUBMITTED entry per task submission. */
  private void formsAndVariables(String processInstanceId, List<Entry> entries, boolean seesPersonalData) {
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(t -> tasks.put(t.getId(), t));
    Map<String, Map<String, Object>> formsByTask = new LinkedHashMap<>();
    Map<String, Date> formTimes = new LinkedHashMap<>();
    for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .disableBinaryFetching().disableCustomObjectDeserialization().orderByTime().asc().list()) {
      if (d instanceof HistoricFormField field) {
        String key = d.getTaskId() != null ? d.getTaskId() : "start";
        formsByTask.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(field.getFieldId(),
            !seesPersonalData && IDENTITY_VARIABLES.contains(field.getFieldId()) ? WITHHELD : text(field.getFieldValue()));
        formTimes.putIfAbsent(key, d.getTime());
      } else if (d instanceof HistoricVariableUpdate update) {
        Object value = !seesPersonalData && IDENTITY_VARIABLES.contains(update.getVariableName()) ? WITHHELD
            : value(update);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", update.getVariableName());
        details.put("type", update.getTypeName());
        details.put("value", value);
        details.put("revision", update.getRevision());
        if (update.getTaskId() != null) {
          details.put("taskId", update.getTaskId());
        }
        entries.add(new Entry(d.getTime(), null, Kind.VARIABLE, activityOf(d, tasks), null, null, null, update.getVariableName() + " = " + abbreviate(String.valueOf(value), 120), details,
            null));
      }
    }
    for (Map.Entry<String, Map<String, Object>> form : formsByTask.entrySet()) {
      HistoricTaskInstance task = tasks.get(form.getKey());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("taskId", task == null ? null : task.getId());
      details.put("fields", form.getValue());
      entries.add(new Entry(formTimes.get(form.getKey()), null, Kind.FORM_SUBMITTED,
          task == null ? null : task.getTaskDefinitionKey(), task == null ? "Start form" : task.getName(),
          task == null ? null : task.getAssignee(), null,
          (task == null ? "Start form" : task.getName()) + " submitted: " + String.join(", ", form.getValue().keySet()),
          details, null));
    }
  }

  private void decisions(String processInstanceId, List<Entry> entries) {
    for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .includeInputs().includeOutputs().orderByEvaluationTime().asc().list()) {
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (HistoricDecisionInputInstance in : d.getInputs()) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", in.getClauseName() != null ? in.getClauseName() : in.getClauseId());
        input.put("value", text(in.getValue()));
        inputs.add(input);
      }
      List<Map<String, Object>> outputs = new ArrayList<>();
      List<String> readable = new ArrayList<>();
      Set<String> rules = new java.util.LinkedHashSet<>();
      for (HistoricDecisionOutputInstance out : d.getOutputs()) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("rule", out.getRuleId());
        output.put("ruleOrder", out.getRuleOrder());
        output.put("name", out.getVariableName() != null ? out.getVariableName() : out.getClauseName());
        output.put("value", text(out.getValue()));
        outputs.add(output);
        // the summary in the rule's own words: the output's label, without notes in brackets
        String label = out.getClauseName() == null ? out.getVariableName() : out.getClauseName().replaceAll("\\s*\\(.*\\)", "");
        readable.add(label + ": " + Words.value(out.getValue()));
        rules.add(out.getRuleId());
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("decisionInstanceId", d.getId());
      details.put("decisionDefinitionKey", d.getDecisionDefinitionKey());
      details.put("decisionDefinitionName", d.getDecisionDefinitionName());
      details.put("inputs", inputs);
      details.put("matchedRules", List.copyOf(rules));
      details.put("outputs", outputs);
      String summary = (d.getDecisionDefinitionName() == null ? d.getDecisionDefinitionKey() : d.getDecisionDefinitionName())
          + ": " + String.join(" · ", readable);
      entries.add(new Entry(d.getEvaluationTime(), null, Kind.DECISION, d.getActivityId(), null, d.getUserId(), null,
          summary, details, "#/decision-instance/" + d.getId()));
    }
  }

  private void timers(String processInstanceId, List<Entry> entries) {
    for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(processInstanceId).successLog()
        .orderByTimestamp().asc().list()) {
      if (log.getJobDefinitionType() == null || !log.getJobDefinitionType().startsWith("timer")) {
        continue;
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("jobId", log.getJobId());
      details.put("jobDefinitionType", log.getJobDefinitionType());
      details.put("jobDefinitionConfiguration", log.getJobDefinitionConfiguration());
      details.put("dueDate", log.getJobDueDate());
      entries.add(new Entry(log.getTimestamp(), null, Kind.TIMER, log.getActivityId(), null, null, null,
          "Timer fired: " + log.getActivityId(), details, null));
    }
  }

  private void incidents(String processInstanceId, List<Entry> entries) {
    for (HistoricIncident i : history.createHistoricIncidentQuery().processInstanceId(processInstanceId)
        .orderByCreateTime().asc().list()) {
      String state = i.isResolved() ? "resolved" : i.isDeleted() ? "deleted" : "open";
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("incidentId", i.getId());
      details.put("type", i.getIncidentType());
      details.put("message", i.getIncidentMessage());
      details.put("state", state);
      details.put("annotation", i.getAnnotation());
      if (i.getConfiguration() != null) {
        // who set the job's retries again (Cockpit's "retry") is how a failed job's incident is resolved
        List<String> retriedBy = history.createUserOperationLogQuery().jobId(i.getConfiguration())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES).list().stream()
            .map(UserOperationLogEntry::getUserId).distinct().toList();
        if (!retriedBy.isEmpty()) {
          details.put("retriedBy", retriedBy);
        }
      }
      details.values().removeIf(java.util.Objects::isNull);
      entries.add(new Entry(i.getCreateTime(), i.getEndTime(), Kind.INCIDENT, i.getActivityId(), null, null,
          i.getEndTime() == null ? null : i.getEndTime().getTime() - i.getCreateTime().getTime(),
          "Incident (" + state + "): " + abbreviate(String.valueOf(i.getIncidentMessage()), 200), details, null));
    }
  }

  private void operations(String processInstanceId, List<Entry> entries) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry e : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .orderByTimestamp().asc().list()) {
      byOperation.computeIfAbsent(e.getOperationId() == null ? e.getId() : e.getOperationId(), k -> new ArrayList<>()).add(e);
    }
    for (List<UserOperationLogEntry> operation : byOperation.values()) {
      UserOperationLogEntry first = operation.get(0);
      Map<String, Object> changes = new LinkedHashMap<>();
      for (UserOperationLogEntry e : operation) {
        if (e.getProperty() != null) {
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("from", e.getOrgValue());
          change.put("to", e.getNewValue());
          changes.put(e.getProperty(), change);
        }
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("operationType", first.getOperationType());
      details.put("entityType", first.getEntityType());
      details.put("category", first.getCategory());
      details.put("taskId", first.getTaskId());
      details.put("jobId", first.getJobId());
      details.put("changes", changes);
      details.values().removeIf(java.util.Objects::isNull);
      entries.add(new Entry(first.getTimestamp(), null, Kind.OPERATION, null, null, first.getUserId(), null,
          first.getOperationType() + " (" + first.getEntityType() + ") by " + first.getUserId(), details, null));
    }
  }

  private String diagram(String processDefinitionId) {
    try (InputStream xml = repository.getProcessModel(processDefinitionId)) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> takenFlows(String processDefinitionId, List<HistoricActivityInstance> activities) {
    Set<String> completed = new HashSet<>();
    Set<String> entered = new HashSet<>();
    for (HistoricActivityInstance a : activities) {
      String id = baseId(a.getActivityId());
      entered.add(id);
      if (a.getEndTime() != null && !a.isCanceled()) {
        completed.add(id);
      }
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    List<String> taken = new ArrayList<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (completed.contains(flow.getSource().getId()) && entered.contains(flow.getTarget().getId())) {
        taken.add(flow.getId());
      }
    }
    taken.sort(Comparator.naturalOrder());
    return taken;
  }

  private static String activityOf(HistoricDetail d, Map<String, HistoricTaskInstance> tasks) {
    HistoricTaskInstance task = d.getTaskId() == null ? null : tasks.get(d.getTaskId());
    return task == null ? null : task.getTaskDefinitionKey();
  }

  private static boolean isEscalation(HistoricActivityInstance a) {
    return (a.getActivityType() != null && a.getActivityType().toLowerCase(java.util.Locale.ROOT).contains("escalation"))
        || (a.getActivityId() != null && a.getActivityId().contains("Escalat"));
  }

  /** "Task_X#multiInstanceBody" and "Task_X" are one activity on the diagram. */
  private static String baseId(String activityId) {
    int hash = activityId.indexOf('#');
    return hash < 0 ? activityId : activityId.substring(0, hash);
  }

  private static Object value(HistoricVariableUpdate update) {
    TypedValue typed = update.getTypedValue();
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return abbreviate(serializable.getValueSerialized(), MAX_VALUE_LENGTH);
    }
    return text(update.getValue());
  }

  private static Object text(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    return abbreviate(String.valueOf(value), MAX_VALUE_LENGTH);
  }

  private static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private List<Entry> sorted(List<Entry> entries) {
    entries.sort(Comparator.comparing(Entry::time, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries.stream().map(e -> e.inStaffTime(staffTime)).toList();
  }

  /** Entries that name only an activity id (decisions, timers, letters) get the activity's name from the model. */
  private static void named(List<Entry> entries, BpmnModelInstance model) {
    Map<String, String> names = new HashMap<>();
    for (org.camunda.bpm.model.bpmn.instance.FlowElement element
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)) {
      if (element.getName() != null && !element.getName().isBlank()) {
        names.put(element.getId(), element.getName().replaceAll("\\s+", " ").strip());
      }
    }
    entries.replaceAll(e -> e.activityName() != null || e.activityId() == null || !names.containsKey(baseId(e.activityId()))
        ? e : new Entry(e.time(), e.endTime(), e.kind(), e.activityId(), names.get(baseId(e.activityId())), e.actor(),
            e.durationMillis(), e.summary(), e.details(), e.link()));
  }

  private static String text(StaffTime staffTime, Date moment) {
    return moment == null ? null : staffTime.format(moment);
  }

  /** Camunda's activity types in words: "serviceTask" → "service task", "boundaryTimer" → "boundary timer". */
  static String words(String activityType) {
    return activityType == null ? null
        : activityType.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
