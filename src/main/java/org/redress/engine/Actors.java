package org.redress.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who did it: the logged-in user (Tasklist, REST) or {@code system} for timers and async steps.
 */
public final class Actors {

  public static final String SYSTEM = "system";
  /** The complainant acting for themselves: public form, API, e-mail, status page. */
  public static final String COMPLAINANT = "complainant";

  private Actors() {}

  public static String current(ProcessEngineServices services) {
    IdentityService identity = services.getIdentityService();
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }
}
