package org.redress.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile there are no default passwords: the application refuses to start
 * unless the environment gives the administrator's password ({@code REDRESS_ADMIN_PASSWORD}, at
 * least {@value #MIN_LENGTH} characters). With it, the user {@code admin} (or
 * {@code REDRESS_ADMIN_USER}) exists, is in camunda-admin and has exactly that password — so
 * changing the variable and restarting rotates it. Everyone else is added in the Admin webapp.
 */
@Component
@Profile("!demo")
@Order(2)
@EnableConfigurationProperties(AdminSettings.class) // also when this class is started on its own
class ProductionAdmin implements ApplicationRunner {

  public static final int MIN_LENGTH = 12;

  private final IdentityService identity;
  private final String userId;
  private final String password;

  public ProductionAdmin(IdentityService identity, AdminSettings settings) {
    String userId = settings.user();
    String password = settings.password();
    if (password == null || password.isBlank()) {
      throw new MissingAdminPasswordException("no administrator password is set");
    }
    if (password.length() < MIN_LENGTH) {
      throw new MissingAdminPasswordException("the administrator password is shorter than " + MIN_LENGTH + " characters");
    }
    this.identity = identity;
    this.userId = userId;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    RoleAuthorizations.ensureGroups(identity);
    User admin = identity.createUserQuery().userId(userId).singleResult();
    if (admin == null) {
      admin = identity.newUser(userId);
      admin.setFirstName("Redress");
      admin.setLastName("Administrator");
    }
    admin.setPassword(password);
    identity.saveUser(admin);
    identity.unlockUser(userId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(userId, Roles.CAMUNDA_ADMIN);
    }
  }

  /** Thrown at start-up; {@link MissingAdminPasswordFailureAnalyzer} turns it into a plain explanation. */
  public static class MissingAdminPasswordException extends IllegalStateException {
    public MissingAdminPasswordException(String problem) {
      super("Redress will not start in production: " + problem + ". Set the environment variable "
          + "REDRESS_ADMIN_PASSWORD (at least " + MIN_LENGTH + " characters) — there are no default passwords "
          + "outside the demo profile.");
    }
  }
}
