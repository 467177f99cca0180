package org.redress.auditing;

import java.util.List;
import java.util.Set;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.springframework.stereotype.Component;

/**
 * Who may use the audit API (ISO 10002 8.5): auditors and administrators; everyone else gets 403,
 * no login 401. Whether the caller may see who the complainant is (4.10) follows the rule of
 * privacy/SubjectAccess: supervisors and administrators handle personal data, auditors alone do not
 * need it to judge how a complaint was handled, so they see the case without the complainant's name.
 */
@Component
public class AuditorAccess {

  static final Set<String> AUDIT_GROUPS = Set.of(Roles.AUDITORS, Roles.CAMUNDA_ADMIN);
  static final Set<String> PERSONAL_DATA_GROUPS = Set.of(Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN);

  /** The authenticated member of staff calling the audit API. */
  public record Auditor(String userId, List<String> groups) {
    public boolean seesPersonalData() {
      return groups.stream().anyMatch(PERSONAL_DATA_GROUPS::contains);
    }
  }

  /** No login at all. */
  public static class NotAuthenticated extends RuntimeException {
    NotAuthenticated() {
      super("Log in with your staff user name and password");
    }
  }

  /** Logged in, but not an auditor. */
  public static class NotAnAuditor extends RuntimeException {
    NotAnAuditor(String message) {
      super(message);
    }
  }

  private final StaffCaller staff;

  public AuditorAccess(StaffCaller staff) {
    this.staff = staff;
  }

  public Auditor require() {
    StaffCaller.Caller caller = staff.current().orElseThrow(NotAuthenticated::new);
    if (!caller.inAnyOf(AUDIT_GROUPS)) {
      throw new NotAnAuditor("Only auditors may read the audit trail of complaints");
    }
    return new Auditor(caller.userId(), caller.groups());
  }
}
