/**
 * Who may do what: staff login for the API and pages, the one staff guard ({@code @StaffOnly}), Camunda
 * authorizations per role, objectivity rules, security headers. ISO 10002 5.4 (roles), 4.7, 4.10.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"complaint", "engine", "problem"})
package org.redress.security;

import org.springframework.modulith.ApplicationModule;
