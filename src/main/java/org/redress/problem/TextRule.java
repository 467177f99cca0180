package org.redress.problem;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.regex.Pattern;

/** Checks {@link Text}: one reason per field, the first that applies. */
public class TextRule implements ConstraintValidator<Text, String> {

  private Text rule;
  private Pattern pattern;

  @Override
  public void initialize(Text rule) {
    this.rule = rule;
    this.pattern = rule.pattern().isEmpty() ? null : Pattern.compile(rule.pattern());
  }

  @Override
  public boolean isValid(String raw, ConstraintValidatorContext context) {
    String reason = reason(raw == null ? null : raw.strip());
    if (reason == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{")).addConstraintViolation();
    return false;
  }

  private String reason(String value) {
    if (value == null || value.isEmpty()) {
      return rule.required() ? rule.requiredReason() : null;
    }
    if (value.length() < rule.min()) {
      return "must be at least " + rule.min() + " characters";
    }
    if (value.length() > rule.max()) {
      return "must be at most " + rule.max() + " characters";
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      return "contains control characters";
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      return rule.patternReason();
    }
    if (rule.oneOf().length > 0 && !List.of(rule.oneOf()).contains(value)) {
      return rule.oneOfReason().isEmpty() ? "must be one of " + String.join(", ", rule.oneOf()) : rule.oneOfReason();
    }
    return null;
  }
}
