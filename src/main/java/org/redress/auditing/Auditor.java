package org.redress.auditing;

import java.util.Set;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;

/**
 * The member of staff reading the audit trail. Whether they may see who the complainant is (4.10)
 * follows the rule of privacy/SubjectAccess: supervisors and administrators handle personal data;
 * auditors do not need it to judge how a complaint was handled, so they see the case without the
 * complainant's name.
 */
record Auditor(String userId, boolean seesPersonalData) {

  static final Set<String> PERSONAL_DATA_GROUPS = Set.of(Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN);

  static Auditor of(StaffCaller.Caller caller) {
    return new Auditor(caller.userId(), caller.inAnyOf(PERSONAL_DATA_GROUPS));
  }
}
