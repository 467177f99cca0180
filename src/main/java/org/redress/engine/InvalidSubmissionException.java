package org.redress.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted value that the server refuses. Tasklist validates in the browser only; this is the
 * server's word. Being a {@link FormFieldValidationException}, the REST API answers 400 with the
 * message, Tasklist shows it, and the transaction rolls back so nothing is stored.
 */
public class InvalidSubmissionException extends FormFieldValidationException {

  private final String field;
  private final String reason;

  public InvalidSubmissionException(String field, String reason) {
    this(field, reason, field + ": " + reason);
  }

  private InvalidSubmissionException(String field, String reason, String message) {
    super(field, message);
    this.field = field;
    this.reason = reason;
  }

  /**
   * A submission refused as a whole (not for one field's value), e.g. by a rule about who may
   * complete the task: the message is the sentence alone, without a field key.
   */
  public static InvalidSubmissionException refused(String sentence) {
    return new InvalidSubmissionException(null, sentence, sentence);
  }

  /** Several refused fields at once: named after the first, the message lists them all. */
  public static InvalidSubmissionException of(List<Map.Entry<String, String>> fieldReasons) {
    Map.Entry<String, String> first = fieldReasons.get(0);
    String message = fieldReasons.stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    return new InvalidSubmissionException(first.getKey(), first.getValue(), message);
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
