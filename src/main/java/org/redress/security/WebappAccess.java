package org.redress.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Which of Camunda's webapps a member of staff may open, asked the way the webapps ask at login (the
 * APPLICATION grants, {@link RoleAuthorizations} and whatever an administrator changed since), so
 * that Redress's pages link to Cockpit only for those who will not meet a 403 there.
 */
@Component
public class WebappAccess {

  private final AuthorizationService authorizations;

  public WebappAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public boolean opensCockpit(StaffCaller.Caller caller) {
    return authorizations.isUserAuthorized(caller.userId(), caller.groups(), Permissions.ACCESS,
        Resources.APPLICATION, RoleAuthorizations.COCKPIT);
  }
}
