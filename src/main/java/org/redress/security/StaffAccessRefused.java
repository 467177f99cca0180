package org.redress.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.redress.problem.RefusedRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A member of staff (or nobody) asked for what their groups do not allow: 401 without a login, else 403. */
class StaffAccessRefused extends RefusedRequest {

  private StaffAccessRefused(HttpStatus status, String type, String title, String detail) {
    super(status, type, title, detail);
  }

  static StaffAccessRefused loginRequired() {
    StaffAccessRefused refused = new StaffAccessRefused(HttpStatus.UNAUTHORIZED, "login-required", "Login required",
        "Log in with your staff user name and password.");
    refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"redress\"");
    return refused;
  }

  /** "Only auditors and administrators may read the audit trail of complaints." */
  static StaffAccessRefused notAllowed(Set<String> groups, String what) {
    String who = groups.stream().map(Roles::label).sorted().collect(Collectors.collectingAndThen(Collectors.toList(),
        names -> names.size() == 1 ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)));
    return new StaffAccessRefused(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed", "Only " + who + " may " + what + ".");
  }
}
