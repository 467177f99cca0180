package org.redress.improvement.monitoring;

import java.net.URI;
import java.util.Set;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Who may see the monitoring figures (ISO 10002 5.4, 8.4): management, process owners and
 * administrators. Staff are authenticated before a request gets here (security/EngineRestAuthentication);
 * everyone else is refused with 403 problem+json.
 */
@Component
public class MonitoringAccess {

  static final Set<String> ALLOWED_GROUPS = Set.of(Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN);

  private final StaffCaller staff;

  public MonitoringAccess(StaffCaller staff) {
    this.staff = staff;
  }

  /** The user name of the caller; refuses anyone outside the allowed groups. */
  public String require() {
    StaffCaller.Caller caller = staff.current()
        .orElseThrow(() -> new NotPermitted("Log in with your staff user name and password"));
    if (!caller.inAnyOf(ALLOWED_GROUPS)) {
      throw new NotPermitted("Only management, process owners and administrators see the complaints-handling figures");
    }
    return caller.userId();
  }

  /** The caller may not see the figures. */
  public static class NotPermitted extends RuntimeException {
    public NotPermitted(String message) {
      super(message);
    }
  }

  /** 403 as application/problem+json for the monitoring API and pages. */
  @RestControllerAdvice(basePackageClasses = MonitoringAccess.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Refusals {
    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> refused(NotPermitted e) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
      problem.setTitle("Not permitted");
      problem.setType(URI.create("https://redress.example/problems/not-permitted"));
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
  }
}
