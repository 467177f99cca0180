package org.redress.auditing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The case file as a printable page (Thymeleaf, templates/audit/case-file.html) and as PDF (the same
 * page rendered by openhtmltopdf: no browser, no network, fonts built in).
 */
@Component
class CaseFileDocuments {

  private final TemplateEngine templates;
  private final ObjectMapper json;
  private final String css;

  public CaseFileDocuments(TemplateEngine templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
    try (InputStream in = new ClassPathResource("static/css/case-file.css").getInputStream()) {
      this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String html(CaseFile.Document file) {
    Context context = new Context();
    context.setVariable("file", file);
    context.setVariable("css", css);
    context.setVariable("entries", entries(file.history()));
    return templates.process("audit/case-file", context);
  }

  public byte[] pdf(CaseFile.Document file) {
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

  /** History entries with their details as compact JSON, for the table. */
  private List<Map<String, Object>> entries(ComplaintHistory.History history) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ComplaintHistory.Entry e : history.entries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("time", e.time() == null ? "" : e.time().toInstant().toString());
      row.put("kind", e.kind().name());
      row.put("activity", e.activityName() != null ? e.activityName() : e.activityId() == null ? "" : e.activityId());
      row.put("actor", e.actor() == null ? "" : e.actor());
      row.put("duration", e.durationMillis() == null ? "" : e.durationMillis() + " ms");
      row.put("summary", e.summary());
      row.put("details", e.details() == null || e.details().isEmpty() ? "" : compact(e.details()));
      rows.add(row);
    }
    return rows;
  }

  private String compact(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
