package org.redress.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Values the server refuses — a body, a form or query parameters — with every refused field and why. Nothing was stored. */
public class SubmissionRefused extends RefusedRequest {

  public SubmissionRefused(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, "invalid-submission", "Some values were refused",
        errors.size() == 1 ? "1 field was refused" : errors.size() + " fields were refused", errors);
  }

  public static SubmissionRefused of(String field, String reason) {
    return new SubmissionRefused(List.of(new FieldError(field, reason)));
  }
}
