package org.redress.improvement.monitoring;

import org.redress.assessment.Severity;
import org.redress.classification.CodeLists;
import org.redress.complaint.Channel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring figures as JSON and CSV (ISO 10002 8.1, 8.4) for management and process owners:
 * KPIs with targets, trend series, breakdowns and the complaints behind a figure. Parameters:
 * {@code from}, {@code to} (YYYY-MM-DD, inclusive; default the last 12 months), {@code category},
 * {@code product}, {@code channel}, {@code team}, {@code severity}.
 */
@RestController
@RequestMapping("/api/staff")
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "see the complaints-handling figures")
class KpiApi {

  private final Kpis kpis;
  private final KpiComplaints complaints;

  private final FormBinding binding;
  private final CodeLists codeLists;

  KpiApi(Kpis kpis, KpiComplaints complaints, FormBinding binding, CodeLists codeLists) {
    this.codeLists = codeLists;
    this.kpis = kpis;
    this.complaints = complaints;
    this.binding = binding;
  }

  /** Every KPI with its target, whether it is met, its basis and its population. */
  @GetMapping(path = "/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> report(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of());
    KpiQuery query = parameters.query(kpis.objectives());
    return view(kpis.report(query));
  }

  /** The KPI table as CSV (one line per KPI), e.g. for a spreadsheet or the management review. */
  @GetMapping(path = "/kpis.csv")
  public ResponseEntity<byte[]> csv(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of());
    KpiQuery query = parameters.query(kpis.objectives());
    KpiReport report = kpis.report(query);
    StringBuilder csv = new StringBuilder(
        "kpi,label,value,unit,target,met,basis,from,to,category,product,channel,team,severity,population\r\n");
    for (Kpi kpi : report.kpis()) {
      csv.append(String.join(",", cell(kpi.id()), cell(kpi.label()), cell(kpi.value()), cell(kpi.unit()),
          cell(kpi.target()), cell(kpi.met()), cell(kpi.basis()), cell(query.from()), cell(query.to()),
          cell(query.category()), cell(query.product()), cell(query.channel()), cell(query.team()),
          cell(query.severity()), cell(KpiDefinition.byId(kpi.id()).orElseThrow().population()))).append("\r\n");
    }
    String name = "kpis-" + query.from() + "-" + query.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** KPIs per month or week ({@code interval=month|week}) with their targets: the trend charts. */
  @GetMapping(path = "/kpis/trend", produces = MediaType.APPLICATION_JSON_VALUE)
  public Kpis.Trend trend(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of("interval"));
    KpiQuery query = parameters.query(kpis.objectives());
    return kpis.trend(query, parameters.trendInterval());
  }

  /** Figures by {@code dimension=category|channel|team|severity|product|priority}. */
  @GetMapping(path = "/kpis/breakdown", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> breakdown(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of("dimension"));
    KpiQuery query = parameters.query(kpis.objectives());
    String dimension = parameters.requiredDimension();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", query);
    answer.put("dimension", dimension);
    answer.put("rows", kpis.breakdown(query, dimension).stream().map(row -> labelled(dimension, row)).toList());
    return answer;
  }

  /** A breakdown row with its value in words next to the code: charts show the label, drill-downs send the value. */
  private Map<String, Object> labelled(String dimension, Kpis.Breakdown row) {
    Map<String, Object> labelled = new LinkedHashMap<>();
    labelled.put("value", row.value());
    labelled.put("label", label(dimension, row.value()));
    labelled.put("received", row.received());
    labelled.put("closed", row.closed());
    labelled.put("timeToClose", row.timeToClose());
    labelled.put("withinTarget", row.withinTarget());
    labelled.put("escalated", row.escalated());
    labelled.put("satisfaction", row.satisfaction());
    return labelled;
  }

  private String label(String dimension, String value) {
    if ("(none)".equals(value)) {
      return "not classified";
    }
    return switch (dimension) {
      case "category" -> codeLists.label(CodeLists.CATEGORY, value);
      case "product" -> codeLists.label(CodeLists.PRODUCT, value);
      case "channel" -> Channel.labelOf(value);
      case "severity" -> Severity.label(value);
      case "priority" -> "Priority " + value;
      default -> value;
    };
  }

  /**
   * The complaints behind a KPI ({@code kpi=<id>}): its population in the period, or with
   * {@code matching=true|false} only those counted (or not counted) in the share. Pages of {@code size}.
   */
  @GetMapping(path = "/kpis/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
  public KpiComplaints.Page complaints(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of("kpi", "matching", "page", "size"));
    KpiQuery query = parameters.query(kpis.objectives());
    return drillDown(complaints, query, parameters);
  }

  static KpiComplaints.Page drillDown(KpiComplaints complaints, KpiQuery query, KpiParameters parameters) {
    String id = parameters.kpi();
    KpiDefinition kpi = id == null ? null : KpiDefinition.byId(id).orElse(null);
    if (kpi == null) {
      throw SubmissionRefused.of("kpi", "must be the id of a KPI, e.g. time-to-close");
    }
    if (!KpiComplaints.listable(kpi)) {
      throw SubmissionRefused.of("kpi", "recurrence is measured per corrective action, not per complaint");
    }
    String matching = parameters.matching();
    return complaints.list(kpi, query, matching == null ? null : Boolean.valueOf(matching), parameters.pageOrFirst(),
        parameters.sizeOrDefault());
  }

  /** The report with each KPI's population and direction, so a reader knows what a figure counts. */
  static Map<String, Object> view(KpiReport report) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", report.query());
    answer.put("generatedAt", report.generatedAt());
    answer.put("kpis", report.kpis().stream().map(kpi -> {
      KpiDefinition definition = KpiDefinition.byId(kpi.id()).orElseThrow();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", kpi.id());
      row.put("label", kpi.label());
      row.put("value", kpi.value());
      row.put("unit", kpi.unit());
      row.put("target", kpi.target());
      row.put("direction", definition.direction().name());
      row.put("met", kpi.met());
      row.put("tooFewToJudge", kpi.tooFewToJudge());
      row.put("basis", kpi.basis());
      row.put("population", definition.population());
      return row;
    }).toList());
    answer.put("openByStage", report.openByStage());
    answer.put("openByAge", report.openByAge());
    answer.put("satisfactionDistribution", report.satisfactionDistribution());
    answer.put("recurrence", report.recurrence());
    return answer;
  }

  /** One CSV cell (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
