package org.redress.improvement;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.redress.security.StaffCaller;
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

  private final StaffCaller staff;

  public StaffAccess(StaffCaller staff) {
    this.staff = staff;
  }

  /** Null when the caller is in one of {@code groups} (any member of staff when null), else the 401/403 answer. */
  public ResponseEntity<Object> refusal(Set<String> groups, String what) {
    Optional<StaffCaller.Caller> caller = staff.current();
    if (caller.isEmpty()) {
      return problem(HttpStatus.UNAUTHORIZED, "Login required", "Log in with your staff user name and password.",
          List.of());
    }
    if (groups != null && !caller.get().inAnyOf(groups)) {
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
