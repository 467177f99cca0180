package org.redress.improvement.review;

import org.redress.complaint.StaffTime;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The management review report (8.6): one Thymeleaf template (templates/improvement/
 * management-review-report.html, well-formed XHTML) rendered as HTML, and the same HTML as PDF
 * with openhtmltopdf — no browser, no network.
 */
@Component
class ReviewReportRenderer {

  private final TemplateEngine templates;
  private final StaffTime staffTime;

  public ReviewReportRenderer(TemplateEngine templates, StaffTime staffTime) {
    this.templates = templates;
    this.staffTime = staffTime;
  }

  public String html(ReviewFacts facts) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("facts", facts);
    context.setVariable("generated", staffTime.format(facts.generatedAt()));
    return templates.process("improvement/management-review-report", context);
  }

  public byte[] pdf(String html) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
