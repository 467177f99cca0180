package org.redress.auditing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import java.util.Arrays;
import org.redress.assessment.Severity;
import org.redress.classification.CodeLists;
import org.redress.complaint.Channel;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EngineClock;
import org.redress.complaint.StaffTime;
import org.redress.problem.SubmissionRefused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The auditors' complaint search (ISO 10002 8.5): running and closed complaints alike, from
 * Redress's own tables (indexed, V6), joined with their process instances from Camunda's history
 * (read under the caller's authorizations). "Overdue" means: a response target that passed while
 * the complaint was open, or a complaint closed after its target.
 */
@Component
class ComplaintSearch {

  public static final int MAX_PAGE_SIZE = 200;

  /** The search as asked, raw from the request: checked by {@link #search}. */
  public record Query(String reference, String name, String status, String stage, String channel, String category,
      String receivedFrom, String receivedTo, String overdue, String state, Integer page, Integer size) {}

  /**
   * One complaint found. The codes and ISO instants are for scripts; the {@code …Label} and {@code …Text}
   * fields are what a person reads (labels, {@link StaffTime} moments).
   */
  public record Item(String reference, String processInstanceId, boolean running, String status, String statusLabel,
      String stage, String stageLabel, String channel, String channelLabel, String category, String categoryLabel,
      String severity, String severityLabel, Integer priority, String team, String complainantName,
      OffsetDateTime receivedAt, String receivedAtText, OffsetDateTime dueAt, String dueAtText,
      OffsetDateTime closedAt, String closedAtText, boolean overdue) {}

  /** A code and its label, for the search's choices. */
  public record Choice(String code, String label) {}

  /** What the filters offer: statuses, stages, channels and categories with their labels. */
  public record Choices(List<Choice> statuses, List<Choice> stages, List<Choice> channels, List<Choice> categories,
      List<Choice> severities) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  private static final String OVERDUE = "(s.response_due_at IS NOT NULL AND ((s.closed_at IS NULL AND s.response_due_at < :now)"
      + " OR s.closed_at > s.response_due_at))";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final CodeLists codeLists;
  private final StaffTime staffTime;

  public ComplaintSearch(JdbcClient jdbc, HistoryService history, CodeLists codeLists, StaffTime staffTime) {
    this.jdbc = jdbc;
    this.history = history;
    this.codeLists = codeLists;
    this.staffTime = staffTime;
  }

  public Choices choices() {
    return new Choices(
        Arrays.stream(ComplaintStatus.values()).map(s -> new Choice(s.name(), s.label())).toList(),
        Arrays.stream(Stage.values()).map(s -> new Choice(s.code(), s.label())).toList(),
        Arrays.stream(Channel.values()).map(c -> new Choice(c.code(), c.label())).toList(),
        codeLists.all(CodeLists.CATEGORY).stream().map(e -> new Choice(e.code(), e.label())).toList(),
        Severity.ALL.stream().map(code -> new Choice(code, Severity.label(code))).toList());
  }

  public Page search(Query q, Auditor caller) {
    int page = q.page() == null ? 0 : q.page();
    int size = q.size() == null ? 20 : q.size();
    if (page < 0) {
      throw SubmissionRefused.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw SubmissionRefused.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    OffsetDateTime now = EngineClock.now();
    params.put("now", now);
    if (present(q.reference())) {
      where.append(" AND UPPER(c.reference) LIKE :reference");
      params.put("reference", "%" + likeEscaped(q.reference().strip().toUpperCase(Locale.ROOT)) + "%");
    }
    if (present(q.name())) {
      if (!caller.seesPersonalData()) {
        throw SubmissionRefused.of("name",
            "may only be searched by staff allowed to see complainants' personal data (supervisors, administrators)");
      }
      where.append(" AND LOWER(c.complainant_name) LIKE :name");
      params.put("name", "%" + likeEscaped(q.name().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (present(q.status())) {
      String status = q.status().strip().toUpperCase(Locale.ROOT);
      try {
        ComplaintStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw SubmissionRefused.of("status", "must be one of " + List.of(ComplaintStatus.values()));
      }
      where.append(" AND s.status = :status");
      params.put("status", status);
    }
    if (present(q.stage())) {
      Stage stage = Stage.fromCode(q.stage().strip()).orElseThrow(() -> SubmissionRefused.of("stage",
          "must be one of " + java.util.Arrays.stream(Stage.values()).map(Stage::code).toList()));
      where.append(" AND s.status IN (:stageStatuses)");
      params.put("stageStatuses", stage.statusNames());
    }
    if (present(q.channel())) {
      Channel channel = Channel.fromCode(q.channel().strip())
          .orElseThrow(() -> SubmissionRefused.of("channel", "is not a known channel"));
      where.append(" AND c.channel = :channel");
      params.put("channel", channel.code());
    }
    if (present(q.category())) {
      where.append(" AND s.category = :category");
      params.put("category", q.category().strip());
    }
    if (present(q.receivedFrom())) {
      where.append(" AND c.received_at >= :from");
      params.put("from", startOf(date("receivedFrom", q.receivedFrom())));
    }
    if (present(q.receivedTo())) {
      where.append(" AND c.received_at < :to");
      params.put("to", startOf(date("receivedTo", q.receivedTo()).plusDays(1)));
    }
    if (present(q.overdue())) {
      where.append(bool("overdue", q.overdue()) ? " AND " + OVERDUE : " AND NOT " + OVERDUE);
    }
    String state = present(q.state()) ? q.state().strip().toLowerCase(Locale.ROOT) : "all";
    switch (state) {
      case "open" -> where.append(" AND s.status <> 'CLOSED'");
      case "closed" -> where.append(" AND s.status = 'CLOSED'");
      case "all" -> { }
      default -> throw SubmissionRefused.of("state", "must be open, closed or all");
    }

    String from = " FROM complaint c JOIN complaint_status s ON s.reference = c.reference";
    long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Map<String, Object>> rows = jdbc.sql("SELECT c.reference, c.channel, c.complainant_name, c.received_at,"
        + " s.status, s.category, s.severity, s.priority, s.team, s.response_due_at, s.closed_at, CASE WHEN " + OVERDUE
        + " THEN TRUE ELSE FALSE END AS overdue" + from + where
        + " ORDER BY c.received_at DESC, c.reference DESC LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, n) -> {
          Map<String, Object> row = new HashMap<>();
          row.put("reference", rs.getString("reference"));
          row.put("channel", rs.getString("channel"));
          row.put("name", rs.getString("complainant_name"));
          row.put("receivedAt", rs.getObject("received_at", OffsetDateTime.class));
          row.put("status", rs.getString("status"));
          row.put("category", rs.getString("category"));
          row.put("severity", rs.getString("severity"));
          row.put("priority", rs.getObject("priority", Integer.class));
          row.put("team", rs.getString("team"));
          row.put("dueAt", rs.getObject("response_due_at", OffsetDateTime.class));
          row.put("closedAt", rs.getObject("closed_at", OffsetDateTime.class));
          row.put("overdue", rs.getBoolean("overdue"));
          return row;
        })
        .list();
    Map<String, HistoricProcessInstance> instances = instances(rows.stream().map(r -> (String) r.get("reference")).toList());
    Map<String, String> categories = new HashMap<>();
    codeLists.all(CodeLists.CATEGORY).forEach(e -> categories.put(e.code(), e.label()));
    List<Item> items = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      HistoricProcessInstance instance = instances.get((String) r.get("reference"));
      String status = (String) r.get("status");
      Stage stage = Stage.ofStatus(status).orElse(null);
      String category = (String) r.get("category");
      String severity = (String) r.get("severity");
      OffsetDateTime receivedAt = utc((OffsetDateTime) r.get("receivedAt"));
      OffsetDateTime dueAt = utc((OffsetDateTime) r.get("dueAt"));
      OffsetDateTime closedAt = utc((OffsetDateTime) r.get("closedAt"));
      items.add(new Item((String) r.get("reference"), instance == null ? null : instance.getId(),
          instance != null && instance.getEndTime() == null, status, ComplaintStatus.labelOf(status),
          stage == null ? null : stage.code(), stage == null ? null : stage.label(),
          (String) r.get("channel"), Channel.labelOf((String) r.get("channel")),
          category, category == null ? null : categories.getOrDefault(category, category),
          severity, Severity.label(severity),
          (Integer) r.get("priority"), (String) r.get("team"), caller.seesPersonalData() ? (String) r.get("name") : null,
          receivedAt, text(receivedAt), dueAt, text(dueAt), closedAt, text(closedAt),
          (Boolean) r.get("overdue")));
    }
    return new Page(page, size, total, items);
  }

  /** The complaint-handling instances by reference (business key), as far as the caller may read them. */
  private Map<String, HistoricProcessInstance> instances(List<String> references) {
    Map<String, HistoricProcessInstance> byReference = new LinkedHashMap<>();
    if (references.isEmpty()) {
      return byReference;
    }
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ComplaintVariables.PROCESS_KEY)
        .processInstanceBusinessKeyIn(references.toArray(String[]::new))
        .orderByProcessInstanceStartTime().asc().list()) {
      byReference.put(instance.getBusinessKey(), instance); // the latest, should there be several
    }
    return byReference;
  }

  private String text(OffsetDateTime time) {
    return time == null ? null : staffTime.format(time);
  }

  static OffsetDateTime utc(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String likeEscaped(String value) {
    // H2 and PostgreSQL both treat backslash as LIKE's default escape character
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw SubmissionRefused.of(field, "must be a date as YYYY-MM-DD");
    }
  }

  private static OffsetDateTime startOf(LocalDate date) {
    return date.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  private static boolean bool(String field, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw SubmissionRefused.of(field, "must be true or false");
    };
  }
}
