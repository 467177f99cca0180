package org.redress.auditing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redress.classification.CodeLists;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.assessment.Severity;
import org.redress.complaint.EventType;
import org.redress.complaint.StaffTime;
import org.redress.complaint.Words;
import org.redress.notification.ComplainantMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link CaseFile.Document} into the {@link ReadableCaseFile}: codes become the labels of
 * the code lists or plain words, empty values are left out, moments are written by {@link StaffTime}.
 * The codes and raw values stay in the appendix, where an auditor compares them with the database.
 */
@Component
class ReadableCaseFiles {

  /** The events that record a decision and its reasons (7.5–7.9), in the order they happen. */
  static final Set<EventType> DECISIONS = EnumSet.of(EventType.ASSESSED, EventType.ASSESSMENT_CONFIRMED,
      EventType.ASSESSMENT_OVERRIDDEN, EventType.IMMEDIATE_ACTION_TAKEN, EventType.INVESTIGATED,
      EventType.RESPONSE_PROPOSED, EventType.RESPONSE_APPROVED, EventType.RESPONSE_SENT_BACK,
      EventType.DECISION_COMMUNICATED, EventType.DECISION_ACCEPTED, EventType.DECISION_REJECTED,
      EventType.DECISION_DEEMED_ACCEPTED, EventType.INTERNAL_REVIEW_COMPLETED, EventType.EXTERNAL_RECOURSE_OFFERED,
      EventType.EXTERNAL_RECOURSE_RECORDED, EventType.AGREED_ACTION_CARRIED_OUT, EventType.CASE_REASSIGNED,
      EventType.CLOSED);

  /** How the details of the events are labelled; a key not listed here is written out from its camelCase. */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("severity", "Severity"), Map.entry("priority", "Priority"),
      Map.entry("responseTarget", "Response target"), Map.entry("team", "Team"),
      Map.entry("immediateAction", "Immediate action needed"), Map.entry("rationale", "Rule's rationale"),
      Map.entry("category", "Category"), Map.entry("product", "Product"), Map.entry("reason", "Reason"),
      Map.entry("from", "Before"), Map.entry("to", "After"), Map.entry("findings", "Findings"),
      Map.entry("rootCause", "Root cause"), Map.entry("complaintJustified", "Complaint justified"),
      Map.entry("remedy", "Remedy"), Map.entry("explanation", "Explanation"),
      Map.entry("preventiveAction", "Preventive action"), Map.entry("actionRequired", "Further action required"),
      Map.entry("comment", "Comment"), Map.entry("afterInternalReview", "After internal review"),
      Map.entry("answerBy", "Answer by"), Map.entry("options", "Options offered"), Map.entry("outcome", "Outcome"),
      Map.entry("closedBy", "Closed by"), Map.entry("decisionReviewed", "Decision reviewed internally"),
      Map.entry("escalated", "Escalated"), Map.entry("timeToAcknowledge", "Time to acknowledge"),
      Map.entry("timeToDecision", "Time to decision"), Map.entry("timeToClose", "Time to close"),
      Map.entry("action", "Action"), Map.entry("immediateActionAtReceipt", "Immediate action at receipt"));

  /** Details that say nothing to a reader (a rule's key, its raw inputs, delivery bookkeeping). */
  static final Set<String> NOT_FOR_READERS = Set.of("decision", "inputs", "message", "language", "channel", "sentBy",
      "sentAt", "previousHeadHash", "chainIntactBeforeResealing");

  /** Details whose values are codes of a code list. */
  static final Map<String, String> CODE_LISTS = Map.of("category", CodeLists.CATEGORY, "product", CodeLists.PRODUCT,
      "rootCause", CodeLists.ROOT_CAUSE, "channel", CodeLists.CHANNEL);

  /** User operations that only repeat a task's assignee and end. */
  static final Set<String> TASK_WORK = Set.of("Claim", "Complete");

  /** Details whose values are ISO-8601 periods of working time (the response targets). */
  static final Set<String> WORKING_TIMES = Set.of("responseTarget");

  private final CaseFile caseFile;
  private final ComplaintRepository complaints;
  private final CodeLists codeLists;
  private final StaffTime staffTime;
  private final ObjectMapper json;
  private final JdbcClient jdbc;

  ReadableCaseFiles(CaseFile caseFile, ComplaintRepository complaints, CodeLists codeLists, StaffTime staffTime,
      ObjectMapper json, JdbcClient jdbc) {
    this.caseFile = caseFile;
    this.complaints = complaints;
    this.codeLists = codeLists;
    this.staffTime = staffTime;
    this.json = json;
    this.jdbc = jdbc;
  }

  /** The case file of {@code reference} as {@code reader} may read it. */
  public ReadableCaseFile of(String reference, Auditor reader) {
    return of(caseFile.of(reference, reader), reader);
  }

  ReadableCaseFile of(CaseFile.Document file, Auditor reader) {
    Complaint complaint = complaints.get(file.reference());
    List<ReadableCaseFile.Decision> decisions = new ArrayList<>();
    List<ReadableCaseFile.Line> timeline = new ArrayList<>();
    List<ReadableCaseFile.Letter> letters = new ArrayList<>();
    for (ComplaintHistory.DomainEvent e : file.history().domainTimeline()) {
      EventType type = EventType.valueOf(e.type());
      String when = staffTime.format(e.occurredAt());
      timeline.add(new ReadableCaseFile.Line(when, type.label(), e.actor()));
      Map<String, Object> details = details(e.details());
      if (DECISIONS.contains(type)) {
        decisions.add(new ReadableCaseFile.Decision(type.label(), e.actor(), when, reasons(type, details)));
      } else if (type == EventType.MESSAGE_SENT || type == EventType.LETTER_SENT) {
        letters.add(new ReadableCaseFile.Letter(when, title(details), how(type, details)));
      }
    }
    return new ReadableCaseFile(file.reference(), staffTime.format(file.generatedAt()), file.generatedBy(),
        reader.seesPersonalData(), asReceived(complaint, reader.seesPersonalData()), standing(file.state()),
        decisions, timeline, letters, verification(file.verification()), appendix(file));
  }

  private List<ReadableCaseFile.Field> asReceived(Complaint c, boolean seesPersonalData) {
    Fields f = new Fields();
    f.add("Reference", c.reference());
    f.add("Received", staffTime.format(c.receivedAt()));
    f.add("Channel", codeLists.label(CodeLists.CHANNEL, c.channel().code()));
    f.add("Received by", c.receivedBy());
    if (seesPersonalData) {
      f.add("Complainant", c.complainantName());
      f.add("Organisation", c.complainantOrganisation());
      f.add("E-mail", c.complainantEmail());
      f.add("Telephone", c.complainantPhone());
      f.add("Address", c.complainantAddress());
      f.add("On behalf of", c.onBehalfOf());
      f.add("Order or account number", c.orderReference());
    } else {
      f.add("Complainant", ComplaintHistory.WITHHELD);
    }
    f.add("Preferred channel", codeLists.label(CodeLists.CHANNEL, c.preferredChannel()));
    f.add("Preferred language", Words.language(c.preferredLanguage()));
    f.add("Product or service", c.productOrService());
    Map<String, String> classification = classification(c.reference());
    f.add("Category", codeLists.label(CodeLists.CATEGORY, classification.get("category")));
    f.add("Product (classified)", codeLists.label(CodeLists.PRODUCT, classification.get("product")));
    f.add("Date of the problem", c.problemDate() == null ? null : c.problemDate().toString());
    f.add("Description", c.description());
    f.add("Remedy requested", c.remedyRequested());
    f.add("Amount at stake", c.amountAtStake() == null ? null : c.amountAtStake().toPlainString());
    f.add("Safety concern", yesNo(c.safetyConcern()));
    f.add("Legal or regulatory", yesNo(c.legalOrRegulatory()));
    f.add("Immediate action at receipt", c.immediateActionAtReceipt());
    return f.list;
  }

  private List<ReadableCaseFile.Field> standing(ComplaintState s) {
    Fields f = new Fields();
    if (s == null) {
      return f.list;
    }
    f.add("Status", s.status() == null ? null : s.status().label());
    f.add("Severity", Severity.label(s.severity()));
    f.add("Priority", s.priority() == null ? null : s.priority().toString());
    f.add("Response target", Words.workingTime(s.responseTarget()));
    f.add("Response due", staffTime.format(s.responseDueAt()));
    f.add("Team", Words.of(s.team()));
    f.add("Immediate action needed", s.immediateActionNeeded() == null ? null : yesNo(s.immediateActionNeeded()));
    f.add("Assessment overridden", yesNo(s.assessmentOverridden()));
    f.add("Root cause", codeLists.label(CodeLists.ROOT_CAUSE, s.rootCause()));
    f.add("Complaint justified", Words.of(s.justified()));
    f.add("Escalated", yesNo(s.escalated()));
    f.add("Decision reviewed internally", yesNo(s.decisionReviewed()));
    f.add("Outcome", Words.of(s.outcome()));
    f.add("Acknowledged", staffTime.format(s.acknowledgedAt()));
    f.add("Assessed", staffTime.format(s.assessedAt()));
    f.add("Decision communicated", staffTime.format(s.decisionCommunicatedAt()));
    f.add("Closed", staffTime.format(s.closedAt()));
    f.add("Closed by", s.closedBy());
    return f.list;
  }

  /** The reasons of a decision: its details, labelled; the rule's outputs for the initial assessment. */
  @SuppressWarnings("unchecked")
  private List<ReadableCaseFile.Field> reasons(EventType type, Map<String, Object> details) {
    Map<String, Object> shown = details;
    if (type == EventType.ASSESSED && details.get("outputs") instanceof Map<?, ?> outputs) {
      shown = (Map<String, Object>) outputs;
    }
    Fields f = new Fields();
    shown.forEach((key, value) -> {
      if (!NOT_FOR_READERS.contains(key) && !(type == EventType.DECISION_COMMUNICATED && isResponse(key))) {
        f.add(label(key), value(key, value));
      }
    });
    return f.list;
  }

  /** The decision letter repeats the proposed response, which the decisions already show. */
  private static boolean isResponse(String key) {
    return key.equals("remedy") || key.equals("explanation");
  }

  private String value(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> {
        String text = value(String.valueOf(k), v);
        if (text != null && !text.isBlank()) {
          parts.add(label(String.valueOf(k)).toLowerCase(Locale.ENGLISH) + " " + text);
        }
      });
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(v -> value(key, v)).filter(v -> v != null && !v.isBlank())
          .collect(Collectors.joining(", "));
    }
    if (value instanceof Boolean b) {
      return yesNo(b);
    }
    String text = String.valueOf(value);
    if (CODE_LISTS.containsKey(key)) {
      return codeLists.label(CODE_LISTS.get(key), text);
    }
    if (WORKING_TIMES.contains(key)) {
      return Words.workingTime(text);
    }
    if (key.startsWith("timeTo")) {
      return duration(text);
    }
    if (key.equals("severity") || key.equals("outcome") || key.equals("complaintJustified") || key.equals("team")) {
      return Words.of(text);
    }
    return text;
  }

  private ReadableCaseFile.Verification verification(VerifyTimeline.Verification v) {
    String sentence = v.intact()
        ? "Intact: all " + v.events() + " events match their hashes and links."
        : "NOT intact: " + v.problems().size() + " problem(s) in " + v.events() + " events.";
    List<String> problems = v.problems().stream()
        .map(p -> "Event " + p.sequence() + " (id " + p.eventId() + "): " + Words.of(p.problem())).toList();
    return new ReadableCaseFile.Verification(v.intact(), sentence, v.headHash(), problems);
  }

  private ReadableCaseFile.Appendix appendix(CaseFile.Document file) {
    ComplaintHistory.History h = file.history();
    Fields process = new Fields();
    if (h.processInstanceId() != null) {
      process.add("Process instance", h.processInstanceId());
      process.add("Definition", h.processDefinitionKey() + " version " + h.processDefinitionVersion());
      process.add("Started", staffTime.format(h.startTime()));
      process.add("Ended", h.endTime() == null ? "running" : staffTime.format(h.endTime()));
      process.add("Activities (times entered)", h.activityCounts().entrySet().stream()
          .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", ")));
    }
    List<ReadableCaseFile.Event> events = h.domainTimeline().stream().map(e -> new ReadableCaseFile.Event(
        e.sequence(), staffTime.format(e.occurredAt()), e.type(), e.actor(), e.summary(), blankToNull(e.details()),
        e.hash())).toList();
    List<ReadableCaseFile.Entry> history = new ArrayList<>();
    Map<String, Object> variables = new java.util.TreeMap<>();
    for (ComplaintHistory.Entry e : h.entries()) {
      switch (e.kind()) {
        // variables: their last values below; activities: the counts above; messages: the domain events
        case VARIABLE -> variables.put(String.valueOf(e.details().get("name")), e.details().get("value"));
        case ACTIVITY, MESSAGE -> { }
        // a task's claim and completion are its entry's assignee and end; the form's values are the variables
        case OPERATION -> {
          if (!TASK_WORK.contains(String.valueOf(e.details().get("operationType")))) {
            history.add(entry(e, e.details()));
          }
        }
        case FORM_SUBMITTED -> history.add(entry(e, null));
        default -> history.add(entry(e, e.details()));
      }
    }
    Fields last = new Fields();
    variables.forEach((name, value) -> last.add(name, value == null ? null : compact(value)));
    return new ReadableCaseFile.Appendix(process.list, events, history, last.list);
  }

  private ReadableCaseFile.Entry entry(ComplaintHistory.Entry e, Map<String, Object> details) {
    Map<String, Object> shown = details == null ? null : new LinkedHashMap<>(details);
    if (shown != null) {
      shown.remove("taskId");
    }
    return new ReadableCaseFile.Entry(staffTime.format(e.time()), e.kind().name(), e.summary(), e.actor(),
        compact(shown));
  }

  private Map<String, String> classification(String reference) {
    return jdbc.sql("SELECT category, product FROM complaint_status WHERE reference = :reference")
        .param("reference", reference)
        .query((rs, n) -> {
          Map<String, String> m = new LinkedHashMap<>();
          m.put("category", rs.getString("category"));
          m.put("product", rs.getString("product"));
          return m;
        }).optional().orElse(Map.of());
  }

  private Map<String, Object> details(String details) {
    if (details == null || details.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(details, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of("details", details);
    }
  }

  private static String title(Map<String, Object> details) {
    Object message = details.get("message");
    return Arrays.stream(ComplainantMessage.values()).filter(m -> m.name().equals(message)).findFirst()
        .map(ComplainantMessage::title).orElse("Message");
  }

  private String how(EventType type, Map<String, Object> details) {
    if (type == EventType.LETTER_SENT) {
      return ("post".equals(details.get("sentHow")) ? "Posted" : "Handed over") + " on " + details.get("sentOn");
    }
    String channel = codeLists.label(CodeLists.CHANNEL, (String) details.get("channel"));
    if ("staff".equals(details.get("sentBy"))) {
      return "Prepared for staff to send (" + channel + ")";
    }
    if ("recorded-only".equals(details.get("sentBy"))) {
      return "Recorded, not sent (no mail server; " + channel + ")";
    }
    return channel;
  }

  /** "complaintJustified" → "Complaint justified", unless {@link #LABELS} says better. */
  static String label(String key) {
    String known = LABELS.get(key);
    if (known != null) {
      return known;
    }
    return Words.of(key.replaceAll("([a-z0-9])([A-Z])", "$1 $2"));
  }

  /** "PT52H10M" → "2 d 4 h 10 min"; under an hour in minutes. */
  static String duration(String iso) {
    try {
      Duration d = Duration.parse(iso);
      if (d.toHours() < 1) {
        return Math.max(d.toMinutes(), 0) + " min";
      }
      List<String> parts = new ArrayList<>();
      if (d.toDays() > 0) {
        parts.add(d.toDays() + " d");
      }
      if (d.toHoursPart() > 0) {
        parts.add(d.toHoursPart() + " h");
      }
      if (d.toMinutesPart() > 0) {
        parts.add(d.toMinutesPart() + " min");
      }
      return String.join(" ", parts);
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String yesNo(boolean value) {
    return value ? "Yes" : "No";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() || text.equals("{}") ? null : text;
  }

  private String compact(Object value) {
    if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** Labelled values, leaving out the empty ones: a reader never sees "null". */
  private static final class Fields {
    final List<ReadableCaseFile.Field> list = new ArrayList<>();

    void add(String label, String value) {
      if (value != null && !value.isBlank() && !value.equals("null")) {
        list.add(new ReadableCaseFile.Field(label, value));
      }
    }
  }
}
