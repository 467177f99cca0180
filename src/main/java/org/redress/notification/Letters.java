package org.redress.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The letters to complainants without e-mail, as printable PDFs: the same text templates as the
 * e-mails ({@link MailTemplates}, the complainant's language), with the facts the timeline recorded
 * when the letter was due (never the access code), laid out for a window envelope
 * (templates/letters/letter.html, rendered by openhtmltopdf).
 */
@Component
public class Letters {

  private final MailTemplates templates;
  private final TemplateEngine pages;
  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final ObjectMapper json;

  Letters(MailTemplates templates, TemplateEngine pages, ComplaintRepository complaints, Timeline timeline,
      ObjectMapper json) {
    this.templates = templates;
    this.pages = pages;
    this.complaints = complaints;
    this.timeline = timeline;
    this.json = json;
  }

  /** The latest letter of this kind for the complaint, as a PDF; empty when none was due. */
  public Optional<byte[]> pdf(String reference, String letter) {
    Optional<ComplainantMessage> message = Arrays.stream(ComplainantMessage.values())
        .filter(m -> m.name().equalsIgnoreCase(letter)).findFirst();
    Optional<Complaint> complaint = complaints.find(reference);
    if (message.isEmpty() || complaint.isEmpty()) {
      return Optional.empty();
    }
    return facts(reference, message.get()).map(facts -> render(complaint.get(), message.get(), facts));
  }

  /** What the letter says, as recorded when it was due (the last such letter). */
  Optional<Map<String, Object>> facts(String reference, ComplainantMessage message) {
    List<TimelineEvent> sent = timeline.of(reference).stream()
        .filter(e -> e.type() == EventType.MESSAGE_SENT && e.details() != null).toList();
    for (int i = sent.size() - 1; i >= 0; i--) {
      Map<String, Object> details = read(sent.get(i).details());
      if (message.name().equals(details.get("message"))) {
        details.remove(ComplainantNotifier.ACCESS_CODE);
        return Optional.of(details);
      }
    }
    return Optional.empty();
  }

  byte[] render(Complaint complaint, ComplainantMessage message, Map<String, Object> facts) {
    MailTemplates.Rendered letter = templates.render(message, complaint.preferredLanguage(), complaint.reference(),
        complaint.complainantName(), facts);
    Context context = new Context();
    context.setVariable("language", MailTemplates.LANGUAGES.contains(complaint.preferredLanguage())
        ? complaint.preferredLanguage() : "en");
    context.setVariable("subject", letter.subject());
    context.setVariable("reference", complaint.reference());
    context.setVariable("date", EngineClock.now().toLocalDate().toString());
    StringBuilder address = new StringBuilder(complaint.complainantName());
    if (complaint.complainantOrganisation() != null) {
      address.append('\n').append(complaint.complainantOrganisation());
    }
    if (complaint.complainantAddress() != null) {
      address.append('\n').append(complaint.complainantAddress().strip());
    }
    context.setVariable("address", address.toString());
    context.setVariable("paragraphs", Arrays.stream(letter.text().strip().split("\\n\\s*\\n"))
        .map(paragraph -> paragraph.strip().split("\\n")).toList());
    String html = pages.process("letters/letter", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Map<String, Object> read(String details) {
    try {
      return new LinkedHashMap<>(json.readValue(details, new TypeReference<Map<String, Object>>() {}));
    } catch (IOException e) {
      return new LinkedHashMap<>();
    }
  }
}
