package org.redress.auditing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.redress.intake.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The audit API's refusals as application/problem+json, like every other API error (web/ApiProblems). */
@RestControllerAdvice(basePackageClasses = AuditProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuditProblems {

  /** A query parameter the API refuses: which, and why. */
  public static class InvalidQuery extends RuntimeException {
    final FieldError error;

    public InvalidQuery(String field, String reason) {
      super(field + " " + reason);
      this.error = new FieldError(field, reason);
    }
  }

  /** No complaint with this reference (or none the caller may read). */
  public static class ComplaintNotFound extends RuntimeException {
    public ComplaintNotFound(String reference) {
      super("No complaint " + reference);
    }
  }

  @ExceptionHandler(AuditorAccess.NotAuthenticated.class)
  ResponseEntity<ProblemDetail> notAuthenticated(AuditorAccess.NotAuthenticated e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Basic realm=\"redress\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.UNAUTHORIZED, "Not logged in", e.getMessage(), List.of(), "not-authenticated"));
  }

  @ExceptionHandler(AuditorAccess.NotAnAuditor.class)
  ResponseEntity<ProblemDetail> forbidden(AuditorAccess.NotAnAuditor e) {
    return answer(problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), List.of(), "forbidden"));
  }

  @ExceptionHandler(InvalidQuery.class)
  ResponseEntity<ProblemDetail> invalid(InvalidQuery e) {
    return answer(problem(HttpStatus.BAD_REQUEST, "Some values were refused", e.getMessage(), List.of(e.error),
        "invalid-query"));
  }

  @ExceptionHandler(ComplaintNotFound.class)
  ResponseEntity<ProblemDetail> notFound(ComplaintNotFound e) {
    return answer(problem(HttpStatus.NOT_FOUND, "Complaint not found", e.getMessage(), List.of(), "complaint-not-found"));
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldError> errors, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://redress.example/problems/" + type));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
    }
    return problem;
  }
}
