package org.redress.engine;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads and checks the values a person submitted through a Camunda Form, on the server. The length
 * limits of text fields are the form's own ({@link FormLimits}): what the person saw in Tasklist is what
 * the server holds them to. Every check throws {@link InvalidSubmissionException} naming the field and
 * the reason.
 */
public final class SubmittedForm {

  /**
   * Camunda keeps a text variable in a 4,000-character column (ACT_RU_VARIABLE.TEXT_), and every
   * submitted value passes through a process variable: longer text cannot be stored.
   */
  public static final int MAX_TEXT = 4000;

  /** A choice is a short code; anything longer is not one of the choices. */
  private static final int MAX_CHOICE = 100;

  private final VariableScope scope;
  private final java.util.function.Supplier<FormLimits> limits;

  /** The form of the task being completed. */
  public SubmittedForm(DelegateTask task) {
    this.scope = task;
    this.limits = () -> FormLimits.of(task);
  }

  /** The start form of the execution's process. */
  public SubmittedForm(DelegateExecution execution) {
    this.scope = execution;
    this.limits = () -> FormLimits.ofStartForm(execution);
  }

  /** The trimmed text, within the form's minLength and maxLength. */
  public String requiredText(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw new InvalidSubmissionException(field, "is required");
    }
    int minLength = limits.get().field(field).minLength();
    if (value.length() < minLength) {
      throw new InvalidSubmissionException(field, "must be at least " + minLength + " characters");
    }
    return value;
  }

  /** The trimmed text, or null when empty; within the form's maxLength. */
  public String optionalText(String field) {
    return text(field, limits.get().field(field).maxLength());
  }

  private String text(String field, int maxLength) {
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
    String value = text(field, MAX_CHOICE);
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
