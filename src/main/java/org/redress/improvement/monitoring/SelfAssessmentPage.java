package org.redress.improvement.monitoring;

import org.redress.complaint.StaffTime;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.redress.problem.FormBinding;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The ISO 10002 self-assessment as a page ({@code /staff/self-assessment}) and as a PDF to hand to an
 * auditor ({@code /staff/self-assessment.pdf}): the same Thymeleaf template, rendered by openhtmltopdf.
 */
@Controller
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "see the complaints-handling figures")
class SelfAssessmentPage {

  private static final String TEMPLATE = "staff/self-assessment";

  private final SelfAssessment assessment;
  private final Kpis kpis;
  private final FormBinding binding;
  private final TemplateEngine templates;
  private final StaffTime staffTime;

  SelfAssessmentPage(SelfAssessment assessment, Kpis kpis, FormBinding binding, TemplateEngine templates,
      StaffTime staffTime) {
    this.staffTime = staffTime;
    this.assessment = assessment;
    this.kpis = kpis;
    this.binding = binding;
    this.templates = templates;
  }

  @GetMapping("/staff/self-assessment")
  public String page(@RequestParam Map<String, String> params, Model model) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of());
    KpiQuery query = parameters.query(kpis.objectives());
    model.addAllAttributes(attributes(query, false));
    return TEMPLATE;
  }

  @GetMapping("/staff/self-assessment.pdf")
  public ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params) {
    KpiParameters parameters = KpiParameters.read(binding, params, Set.of());
    KpiQuery query = parameters.query(kpis.objectives());
    Context context = new Context();
    context.setVariables(attributes(query, true));
    String html = templates.process(TEMPLATE, context);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, "/");
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"iso10002-self-assessment-" + query.from() + "-" + query.to() + ".pdf\"")
        .body(pdf.toByteArray());
  }

  private Map<String, Object> attributes(KpiQuery query, boolean print) {
    SelfAssessment.Report report = assessment.report(query);
    // the PDF is rendered without the web context, so the moment travels formatted
    return Map.of("report", report, "query", query, "print", print,
        "queryString", DashboardPage.queryString(query), "generated", staffTime.format(report.generatedAt()));
  }
}
