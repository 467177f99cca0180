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
import org.redress.complaint.Channel;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.ComplaintVariables;
import org.redress.complaint.EngineClock;
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

  public record Item(String reference, String processInstanceId, boolean running, String status, String stage,
      String channel, String category, String severity, Integer priority, String team, String complainantName,
      OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime closedAt, boolean overdue) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  private static final String OVERDUE = "(s.response_due_at IS NOT NULL AND ((s.closed_at IS NULL AND s.response_due_at < :now)"
      + " OR s.closed_at > s.response_due_at))";

  private final JdbcClient jdbc;
  private final HistoryService history;

  public ComplaintSearch(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
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
    List<Item> items = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      HistoricProcessInstance instance = instances.get((String) r.get("reference"));
      items.add(new Item((String) r.get("reference"), instance == null ? null : instance.getId(),
          instance != null && instance.getEndTime() == null, (String) r.get("status"), Stage.of((String) r.get("status")),
          (String) r.get("channel"), (String) r.get("category"), (String) r.get("severity"),
          (Integer) r.get("priority"), (String) r.get("team"), caller.seesPersonalData() ? (String) r.get("name") : null,
          utc((OffsetDateTime) r.get("receivedAt")), utc((OffsetDateTime) r.get("dueAt")),
          utc((OffsetDateTime) r.get("closedAt")), (Boolean) r.get("overdue")));
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
