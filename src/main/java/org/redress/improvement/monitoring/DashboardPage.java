package org.redress.improvement.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.assessment.Severity;
import org.redress.classification.CodeLists;
import org.redress.complaint.Channel;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.StaffTime;
import org.redress.complaint.Words;
import org.redress.problem.FormBinding;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.redress.security.StaffOnly;
import org.redress.security.WebappAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The monitoring dashboard for management and process owners (ISO 10002 8.4): KPI cards against
 * objectives, trend and breakdown charts (drawn by /js/dashboard.js from the JSON API), filters, and
 * the list of complaints behind each figure, each linked to its read-only case view.
 */
@Controller
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "see the complaints-handling figures")
class DashboardPage {

  private final Kpis kpis;
  private final FormBinding binding;
  private final StaffCaller staff;
  private final KpiComplaints complaints;
  private final CodeLists codeLists;
  private final ObjectMapper json;
  private final WebappAccess webapps;
  private final StaffTime staffTime;

  DashboardPage(Kpis kpis, FormBinding binding, StaffCaller staff, KpiComplaints complaints, CodeLists codeLists,
      ObjectMapper json, WebappAccess webapps, StaffTime staffTime) {
    this.staffTime = staffTime;
    this.kpis = kpis;
    this.binding = binding;
    this.staff = staff;
    this.complaints = complaints;
    this.codeLists = codeLists;
    this.json = json;
    this.webapps = webapps;
  }

  @GetMapping("/staff/dashboard")
  public String dashboard(@RequestParam Map<String, String> params, Model model) throws JsonProcessingException {
    StaffCaller.Caller caller = staff.required();
    String user = caller.userId();
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of("interval"));
    KpiQuery query = parameters.query(kpis.objectives());
    Kpis.Interval interval = parameters.trendInterval();
    KpiReport report = kpis.report(query);
    model.addAttribute("user", user);
    // management has no Cockpit: no link that ends in a 403
    model.addAttribute("cockpit", webapps.opensCockpit(caller));
    model.addAttribute("query", query);
    model.addAttribute("interval", interval.name().toLowerCase());
    model.addAttribute("queryString", queryString(query));
    model.addAttribute("report", report);
    // the snapshot charts' data travels with the page, so the report is computed once per page view
    model.addAttribute("generatedAt", staffTime.format(report.generatedAt()));
    model.addAttribute("snapshot", json.writeValueAsString(Map.of("openByStage", statusLabels(report.openByStage()),
        "openByAge", report.openByAge(), "satisfactionDistribution", report.satisfactionDistribution())));
    model.addAttribute("cards", report.kpis().stream().map(k -> new Card(k,
        KpiDefinition.byId(k.id()).orElseThrow(), queryString(query))).toList());
    model.addAttribute("categories", codes(CodeLists.CATEGORY));
    model.addAttribute("products", codes(CodeLists.PRODUCT));
    Map<String, String> channels = new LinkedHashMap<>();
    List.of(Channel.values()).forEach(c -> channels.put(c.code(), c.label()));
    model.addAttribute("channels", channels);
    Map<String, String> severities = new LinkedHashMap<>();
    Severity.ALL.forEach(code -> severities.put(code, Severity.label(code)));
    model.addAttribute("severities", severities);
    model.addAttribute("teams", kpis.teams());
    return "staff/dashboard";
  }

  @GetMapping("/staff/complaints")
  public String complaints(@RequestParam Map<String, String> params, Model model) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of("kpi", "matching", "page", "size"));
    KpiQuery query = parameters.query(kpis.objectives());
    KpiComplaints.Page page = KpiApi.drillDown(complaints, query, parameters);
    StaffCaller.Caller caller = staff.required();
    model.addAttribute("user", caller.userId());
    model.addAttribute("cockpit", webapps.opensCockpit(caller));
    Map<String, String> categories = codes(CodeLists.CATEGORY);
    Map<String, String> products = codes(CodeLists.PRODUCT);
    Map<String, String> channels = codes(CodeLists.CHANNEL);
    model.addAttribute("rows", page.items().stream().map(row -> Line.of(row, categories, products, channels)).toList());
    model.addAttribute("query", query);
    model.addAttribute("queryString", queryString(query));
    model.addAttribute("definition", KpiDefinition.byId(page.kpi()).orElseThrow());
    model.addAttribute("page", page);
    model.addAttribute("matching", params.get("matching"));
    return "staff/complaints";
  }

  /** Open complaints by status, keyed by the status's label for the chart. */
  static Map<String, Long> statusLabels(Map<String, Long> byStatus) {
    Map<String, Long> labelled = new LinkedHashMap<>();
    byStatus.forEach((status, n) -> labelled.merge(ComplaintStatus.labelOf(status), n, Long::sum));
    return labelled;
  }

  private Map<String, String> codes(String list) {
    Map<String, String> codes = new LinkedHashMap<>();
    codeLists.all(list).forEach(entry -> codes.put(entry.code(), entry.label()));
    return codes;
  }

  /** The query as URL parameters, for links to the API, the CSV and the drill-down. */
  static String queryString(KpiQuery q) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance()
        .queryParam("from", q.from()).queryParam("to", q.to());
    if (q.category() != null) {
      b.queryParam("category", q.category());
    }
    if (q.product() != null) {
      b.queryParam("product", q.product());
    }
    if (q.channel() != null) {
      b.queryParam("channel", q.channel());
    }
    if (q.team() != null) {
      b.queryParam("team", q.team());
    }
    if (q.severity() != null) {
      b.queryParam("severity", q.severity());
    }
    return b.encode().build().getQuery();
  }

  /**
   * A complaint of the drill-down as a person reads it: labels instead of codes, the reference linked
   * to the read-only case view (which every role of this page may open; Cockpit not).
   */
  public record Line(String reference, String caseUrl, String status, OffsetDateTime receivedAt,
      OffsetDateTime milestoneAt, OffsetDateTime closedAt, String category, String product, String channel,
      String team, String severity, Integer priority) {

    static Line of(KpiComplaints.Row row, Map<String, String> categories, Map<String, String> products,
        Map<String, String> channels) {
      return new Line(row.reference(), "/staff/cases/" + UriUtils.encodePathSegment(row.reference(),
          StandardCharsets.UTF_8), ComplaintStatus.labelOf(row.status()), row.receivedAt(), row.milestoneAt(), row.closedAt(),
          label(categories, row.category()), label(products, row.product()), label(channels, row.channel()),
          Words.of(row.team()), Severity.label(row.severity()), row.priority());
    }

    private static String label(Map<String, String> labels, String code) {
      return code == null ? null : labels.getOrDefault(code, code);
    }
  }

  /** One KPI card: figure, target and state in words, and the link to its complaints. */
  public record Card(Kpi kpi, KpiDefinition definition, String queryString) {

    public String value() {
      return format(kpi.value(), kpi.unit());
    }

    public String target() {
      if (kpi.target() == null) {
        return "no target";
      }
      return (definition.direction() == KpiDefinition.Direction.AT_MOST ? "target ≤ " : "target ≥ ")
          + format(kpi.target(), kpi.unit());
    }

    public String state() {
      if (kpi.value() == null) {
        return "no-data";
      }
      if (kpi.tooFewToJudge()) {
        return "too-few";
      }
      return kpi.met() == null ? "monitored" : kpi.met() ? "met" : "not-met";
    }

    public String stateText() {
      return switch (state()) {
        case "no-data" -> "No data";
        case "monitored" -> "Monitored";
        case "too-few" -> "Not enough data (n = " + kpi.basis() + ")";
        case "met" -> "Met";
        default -> "Not met";
      };
    }

    public String drillDown() {
      return KpiComplaints.listable(definition) ? "/staff/complaints?kpi=" + kpi.id() + "&" + queryString : null;
    }

    static String format(Double value, String unit) {
      if (value == null) {
        return "–";
      }
      // a duration under an hour reads in minutes ("35 min", never "0 h"), under a day in hours
      if ("hours".equals(unit) && value < 1) {
        return minutes(value * 60);
      }
      if ("days".equals(unit) && value < 1) {
        return value * 24 < 1 ? minutes(value * 24 * 60) : format(value * 24, "hours");
      }
      String number = number(value, unit);
      return switch (unit) {
        case "%" -> number + " %";
        case "hours" -> number + " h";
        case "days" -> number + (number.equals("1") ? " day" : " days");
        case "working days" -> number + (number.equals("1") ? " working day" : " working days");
        case "rating" -> number + " / 5";
        default -> number;
      };
    }

    private static String number(double value, String unit) {
      return value == Math.rint(value) && !"rating".equals(unit)
          ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String minutes(double minutes) {
      long whole = Math.round(minutes);
      return whole == 0 && minutes > 0 ? "< 1 min" : whole + " min";
    }
  }
}
