package org.redress.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request Redress refuses, carrying its own HTTP answer: an RFC 9457 problem with status, title,
 * type, a detail a person can read and the refused fields in {@code errors: [{field, reason}]}.
 * Throw it, or a subclass named after the domain's reason, from anywhere; {@link ProblemAnswers}
 * answers it as application/problem+json to API clients and as the error page to browsers.
 */
public class RefusedRequest extends ErrorResponseException {

  static final String TYPES = "https://redress.example/problems/";

  private final List<FieldError> errors;

  public RefusedRequest(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
    super(status, problem(status, type, title, detail, errors), null);
    this.errors = List.copyOf(errors);
  }

  public RefusedRequest(HttpStatus status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  /** Nothing (the caller may see) has this id. */
  public static RefusedRequest notFound(String detail) {
    return new RefusedRequest(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  /** The one way Redress writes a problem. */
  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
      List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create(TYPES + type));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
    }
    return problem;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The detail, as people and logs read it (Spring's default prints the whole problem). */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
