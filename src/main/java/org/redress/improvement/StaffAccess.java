package org.redress.improvement;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who may use the improvement pages and APIs (clause 8), and their problem+json answers. The
 * caller is already authenticated by security/EngineRestAuthentication (Basic or webapp session).
 */
@Component
public class StaffAccess {

  private final IdentityService identity;

  public StaffAccess(IdentityService identity) {
    this.identity = identity;
  }

  public Authentication current() {
    return identity.getCurrentAuthentication();
  }

  /** Null when the caller is in one of {@code groups}, else the 401/403 answer. */
  public ResponseEntity<Object> refusal(Set<String> groups, String what) {
    Authentication user = current();
    if (user == null || user.getUserId() == null) {
      return problem(HttpStatus.UNAUTHORIZED, "Login required", "Log in with your staff user name and password.",
          List.of());
    }
    List<String> own = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups != null && own.stream().noneMatch(groups::contains)) {
      return problem(HttpStatus.FORBIDDEN, "Not allowed",
          "Only " + String.join(", ", groups.stream().sorted().toList()) + " may " + what + ".", List.of());
    }
    return null;
  }

  public static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
      List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://redress.example/problems/" + title.toLowerCase().replace(' ', '-')));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  public static ResponseEntity<Object> invalid(String field, String reason) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + reason,
        List.of(Map.of("field", field, "reason", reason)));
  }

  public static ResponseEntity<Object> notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
  }
}
