package org.redress.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The public pages' texts from the message bundles (messages/public*.properties) in the language of
 * the request ({@link PublicPages} resolves it), for texts a controller composes: notices, errors,
 * field labels and the reasons a field was refused (the rules word them in English; the common ones
 * are translated here, any other stays as worded).
 */
@Component
class PublicTexts {

  private record Reason(Pattern pattern, String key) {}

  private static final List<Reason> REASONS = List.of(
      new Reason(Pattern.compile("is required.*"), "reason.required"),
      new Reason(Pattern.compile("must be at least (\\d+) characters"), "reason.min"),
      new Reason(Pattern.compile("must be at most (\\d+) characters"), "reason.max"),
      new Reason(Pattern.compile("is not a valid e-mail address"), "reason.email"),
      new Reason(Pattern.compile("may contain only digits.*"), "reason.phone"));

  private final MessageSource messages;

  PublicTexts(MessageSource messages) {
    this.messages = messages;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  /** A field's label on the public form. */
  String label(String field) {
    return messages.getMessage("field." + field, null, field, locale());
  }

  /** A refused field's reason in the page's language, where the bundle has it. */
  String reason(String reason) {
    for (Reason r : REASONS) {
      Matcher m = r.pattern().matcher(reason);
      if (m.matches()) {
        return m.groupCount() > 0 ? text(r.key(), Long.parseLong(m.group(1))) : text(r.key());
      }
    }
    return reason;
  }

  /** "a minute", "5 minutes" in the page's language. */
  String minutes(long seconds) {
    return text("duration.minute", Math.max(1, (seconds + 59) / 60));
  }

  static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
