package org.redress.auditing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The readable case file as a printable page (Thymeleaf, templates/audit/case-file.html) and as PDF
 * (the same page rendered by openhtmltopdf: no browser, no network, fonts built in).
 */
@Component
class CaseFileDocuments {

  private final TemplateEngine templates;
  private final String css;

  public CaseFileDocuments(TemplateEngine templates) {
    this.templates = templates;
    try (InputStream in = new ClassPathResource("static/css/case-file.css").getInputStream()) {
      this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String html(ReadableCaseFile file) {
    Context context = new Context();
    context.setVariable("doc", file);
    context.setVariable("css", css);
    return templates.process("audit/case-file", context);
  }

  public byte[] pdf(ReadableCaseFile file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html(file), null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
