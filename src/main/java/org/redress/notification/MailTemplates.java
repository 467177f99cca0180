package org.redress.notification;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The letters to complainants as Thymeleaf templates, per message and language:
 * {@code mail/<language>/<message>.txt} (the text) and {@code mail/<language>/letter.html} (the HTML
 * version of any text), subjects in {@code mail/subjects.properties}. English is the fallback.
 */
@Component
class MailTemplates {

  public static final Set<String> LANGUAGES = Set.of("en", "de");

  /** A rendered message. */
  public record Rendered(String subject, String text, String html) {}

  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final Properties subjects = new Properties();
  private final String publicUrl;

  public MailTemplates(NotificationSettings settings) throws IOException {
    this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    try (InputStream in = new ClassPathResource("mail/subjects.properties").getInputStream()) {
      subjects.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public Rendered render(ComplainantMessage message, String language, String reference, String name,
      Map<String, ?> facts) {
    String lang = LANGUAGES.contains(language) ? language : "en";
    Context context = new Context(Locale.forLanguageTag(lang));
    context.setVariable("reference", reference);
    context.setVariable("name", name);
    context.setVariable("facts", facts);
    // the code never goes into a link (browser history, proxy logs): the page asks for it
    String statusUrl = publicUrl + "/complaints/status?reference=" + reference;
    context.setVariable("statusUrl", statusUrl);
    String body = text.process(lang + "/" + message.name().toLowerCase(Locale.ROOT), context);
    context.setVariable("paragraphs", java.util.Arrays.stream(body.strip().split("\\n\\s*\\n"))
        .map(paragraph -> paragraph.strip().split("\\n")).toList());
    String htmlBody = html.process(lang + "/letter", context);
    String subject = subjects.getProperty(lang + "." + message.name(), message.title() + " {0}").replace("{0}", reference);
    return new Rendered(subject, body, htmlBody);
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new SpringTemplateEngine(); // SpEL expressions, as in the pages
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
