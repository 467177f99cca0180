package org.redress.engine;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads and checks the values a person submitted through a Camunda Form, on the server. Every
 * check throws {@link InvalidSubmissionException} naming the field and the reason.
 */
public final class SubmittedForm {

  /**
   * Camunda keeps a text variable in a 4,000-character column (ACT_RU_VARIABLE.TEXT_), and every
   * submitted value passes through a process variable: longer text cannot be stored.
   */
  public static final int MAX_TEXT = 4000;

  private final VariableScope scope;

  public SubmittedForm(VariableScope scope) {
    this.scope = scope;
  }

  public String requiredText(String field, int minLength, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null) {
      throw new InvalidSubmissionException(field, "is required");
    }
    if (value.length() < minLength) {
      throw new InvalidSubmissionException(field, "must be at least " + minLength + " characters");
    }
    return value;
  }

  /** The trimmed text, or null when empty. */
  public String optionalText(String field, int maxLength) {
    Object raw = scope.getVariable(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      throw new InvalidSubmissionException(field, "must be text");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > maxLength) {
      throw new InvalidSubmissionException(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public String requiredChoice(String field, Collection<String> allowed) {
    String value = optionalChoice(field, allowed);
    if (value == null) {
      throw new InvalidSubmissionException(field, "is required; choose one of " + String.join(", ", allowed));
    }
    return value;
  }

  public String optionalChoice(String field, Collection<String> allowed) {
    String value = optionalText(field, 100);
    if (value != null && !allowed.contains(value)) {
      throw new InvalidSubmissionException(field, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  public boolean flag(String field) {
    Object raw = scope.getVariable(field);
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    throw new InvalidSubmissionException(field, "must be true or false");
  }

  /** Stores the cleaned value back, so the process keeps what was validated. */
  public void keep(String field, Object value) {
    scope.setVariable(field, value);
  }
}
