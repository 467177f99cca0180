package org.redress.intake;

import java.util.List;

/** A submission the server refuses, with every refused field and why. Nothing was stored. */
public class SubmissionRefused extends RuntimeException {

  private final List<FieldError> errors;

  public SubmissionRefused(List<FieldError> errors) {
    super(errors.size() == 1 ? "1 field was refused" : errors.size() + " fields were refused");
    this.errors = List.copyOf(errors);
  }

  public static SubmissionRefused of(String field, String reason) {
    return new SubmissionRefused(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
