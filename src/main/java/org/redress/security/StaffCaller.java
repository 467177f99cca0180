package org.redress.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The member of staff calling Redress's staff API or pages, as {@link EngineRestAuthentication}
 * authenticated them (HTTP Basic or the webapp session). Which groups an endpoint admits is said once,
 * with {@link StaffOnly}; this says who is asking.
 */
@Component
public class StaffCaller {

  /** A logged-in member of staff and their groups. */
  public record Caller(String userId, List<String> groups) {
    public boolean inAnyOf(Set<String> wanted) {
      return groups.stream().anyMatch(wanted::contains);
    }
  }

  private final IdentityService identity;

  public StaffCaller(IdentityService identity) {
    this.identity = identity;
  }

  /** Empty when nobody is logged in. */
  public Optional<Caller> current() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new Caller(user.getUserId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
  }

  /** The logged-in caller; refused with 401 when nobody is logged in. */
  public Caller required() {
    return current().orElseThrow(StaffAccessRefused::loginRequired);
  }

  /** The caller, who must be in one of {@code groups} (any member of staff when empty) to do {@code what}. */
  Caller require(Set<String> groups, String what) {
    Caller caller = required();
    if (!groups.isEmpty() && !caller.inAnyOf(groups)) {
      throw StaffAccessRefused.notAllowed(groups, what);
    }
    return caller;
  }
}
