package org.redress.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one guard of a staff endpoint: on a controller (or one of its methods, which then wins), the
 * groups it admits. {@link StaffGuard} checks it before the handler runs and refuses everyone else
 * as problem+json — 401 without a login, 403 outside the groups: "Only auditors and administrators
 * may read the audit trail of complaints."
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffOnly {

  /** The group ids admitted (see {@link Roles}); none: every logged-in member of staff. */
  String[] value() default {};

  /** What the endpoint lets them do, completing "Only … may …", e.g. "read the audit trail of complaints". */
  String to();
}
